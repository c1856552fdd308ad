package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * throttle: at most N hosts run a task at once (task, block or play keyword), the others wait their turn. Each
 * host's command counts the hosts inside it (a directory entry per host, held for a moment) and logs the count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleEngineTest {
    private final EngineRunner engine = new EngineRunner();

    private static final String COUNT = "mkdir -p {{ base }}/in; touch {{ base }}/in/{{ inventory_hostname }};"
            + " ls {{ base }}/in | wc -l >> {{ base }}/counts; sleep 0.3; rm {{ base }}/in/{{ inventory_hostname }}";

    static Stream<Arguments> rows() {
        return Stream.of(
                // play, the most hosts seen inside the task at once (bounded above)
                Arguments.of("tasks:\n  - {name: t, shell: \"" + COUNT + "\", throttle: 1}", 1),
                Arguments.of("tasks:\n  - {name: t, shell: \"" + COUNT + "\", throttle: \"{{ 2 }}\"}", 2),
                Arguments.of("tasks:\n  - block:\n      - {name: t, shell: \"" + COUNT + "\"}\n    throttle: 1", 1),
                Arguments.of("throttle: 1\ntasks:\n  - {name: t, shell: \"" + COUNT + "\"}", 1),
                // run_once ignores it (one host runs anyway); 0 is no throttle
                Arguments.of("tasks:\n  - {name: t, shell: \"" + COUNT + "\", throttle: 0}", 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void atMostThrottleHostsRunTheTaskAtOnce(String play, int most, @TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.runOnHosts(dir, 3, play);
        assertEquals(4, run.result().recap().values().stream().mapToInt(c -> c.changed()).sum(), run.toString());
        int seen = Files.readAllLines(EngineRunner.base(dir).resolve("counts")).stream()
                .mapToInt(l -> Integer.parseInt(l.strip())).max().orElseThrow();
        if (most < 4) assertEquals(true, seen <= most, "at most " + most + " at once, saw " + seen);
        else assertEquals(true, seen > 1, "without throttle the hosts overlap, saw " + seen);
    }

    @org.junit.jupiter.api.Test
    void aThrottleThatIsNotANumberFailsTheTaskWithAnsiblesMessage(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, "tasks:\n  - {name: t, command: \"true\", throttle: \"{{ 'x' }}\"}\n");
        assertEquals("failed", run.result("t").status().name().toLowerCase(), run.toString());
        assertEquals("Failed to convert the throttle value to an integer.", run.result("t").result().get("msg"));
    }
}
