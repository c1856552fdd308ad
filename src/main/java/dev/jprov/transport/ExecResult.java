package dev.jprov.transport;

import java.nio.charset.StandardCharsets;

/** What a remote script printed and its exit status. */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr) {
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
