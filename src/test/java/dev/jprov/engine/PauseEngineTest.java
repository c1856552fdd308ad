package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pause runs once per play on the controller (Ansible's BYPASS_HOST_LOOP), its result shared by every host. */
class PauseEngineTest {
    private final EngineRunner engine = new EngineRunner();

    @Test
    void onePauseForAllHosts(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.runOnHosts(dir, 2, """
                tasks:
                  - {name: wait, pause: {seconds: 1}, register: waited}
                  - {name: note, copy: {dest: "{{ base }}/{{ inventory_hostname }}", content: "{{ waited.start }}"}}
                """);
        assertEquals("ok", run.result("wait").status().name().toLowerCase(), run.toString());
        assertTrue(String.valueOf(run.result("wait").result().get("stdout")).startsWith("Paused for "), run.toString());
        Path base = EngineRunner.base(dir);
        Set<String> starts;
        try (Stream<Path> files = Stream.of("box1", "box2", "box3").map(base::resolve)) {
            starts = files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
        // one wait, one start time (to the microsecond) for the three hosts
        assertEquals(1, starts.size(), starts.toString());
    }

    @Test
    void waitingForAnAnswerIsRefusedWithTheTasksPlace(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, "tasks:\n  - {name: ask, pause: {prompt: \"Continue?\"}}\n");
        assertEquals("failed", run.result("ask").status().name().toLowerCase(), run.toString());
        String msg = String.valueOf(run.result("ask").result().get("msg"));
        assertTrue(msg.contains("needs an interactive terminal"), msg);
    }
}
