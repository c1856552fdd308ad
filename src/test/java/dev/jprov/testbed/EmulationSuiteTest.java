package dev.jprov.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jprov.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulated FreeBSD commands' own tests (python unittest files under testbed/tests), one JUnit test per file,
 * so the README's one test command runs them too and a failure shows python's report. The files run three at a
 * time (each in its own temporary roots and namespaces): one after the other they took minutes.
 */
@IntegrationTest("root: the emulation's own tests chroot into jails and make network namespaces")
class EmulationSuiteTest {
    private static final Path TESTS = Path.of("testbed", "tests");

    static List<String> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(TESTS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("test_") && n.endsWith(".py")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("testFiles")
    @Execution(ExecutionMode.CONCURRENT)
    void emulationTestsPass(String file) throws Exception {
        Path log = Files.createTempFile("emu-test", ".log");
        Process p = new ProcessBuilder("python3", "-m", "unittest", "-v", file.replace(".py", ""))
                .directory(TESTS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (!done) p.destroyForcibly();
        assertEquals(0, done ? p.exitValue() : -1, file + ":\n" + output);
        assertFalse(output.contains("skipped="), file + " skipped tests:\n" + output);
    }
}
