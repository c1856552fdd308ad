package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check mode plans each task against what the tasks before it would have left (their predictions), asks the host
 * only probes, and so reports the changes a real run makes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckModeEngineTest {
    private final EngineRunner engine = new EngineRunner();

    private static final String DIRECTORY_THEN_FILE = """
            tasks:
              - {name: directory, file: {path: "{{ base }}/d", state: directory}}
              - {name: file in it, copy: {dest: "{{ base }}/d/f", content: "x"}}
              - {name: same again, copy: {dest: "{{ base }}/d/f", content: "x"}}
            """;

    @Test
    void aDirectoryThenAFileInItReportAsTheRealRunAndLeaveNothing(@TempDir Path dir) {
        EngineRunner.Run dry = engine.check(dir.resolve("dry"), DIRECTORY_THEN_FILE);
        assertFalse(Files.exists(EngineRunner.base(dir.resolve("dry")).resolve("d")), "nothing on disk");
        assertTrue(dry.kinds().stream().allMatch(k -> k == RecordingShell.Kind.PROBE), dry.toString());

        EngineRunner.Run real = engine.run(dir.resolve("real"), DIRECTORY_THEN_FILE);
        assertTrue(Files.isRegularFile(EngineRunner.base(dir.resolve("real")).resolve("d/f")));
        assertEquals(List.of("directory=changed", "file in it=changed", "same again=ok"), real.lines());
        assertEquals(real.lines(), dry.lines());
        assertEquals(real.recap(), dry.recap());
    }
}
