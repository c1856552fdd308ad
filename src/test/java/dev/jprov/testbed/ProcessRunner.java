package dev.jprov.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a local program to completion and captures its output (through files: no pipe can fill up). */
final class ProcessRunner {
    private static final long TIMEOUT_MINUTES = 10;

    private ProcessRunner() {}

    static ExecResult run(Path dir, String... argv) throws IOException, InterruptedException {
        return run(dir, List.of(argv));
    }

    static ExecResult run(Path dir, List<String> argv) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jprov-testbed", ".out");
        Path err = Files.createTempFile("jprov-testbed", ".err");
        try {
            Process p = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish within " + TIMEOUT_MINUTES + " min");
            }
            return new ExecResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
