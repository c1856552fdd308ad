package dev.jprov.transport;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a remote script printed and its exit status. {@code signal} names the signal that killed it, when one did
 * (its exit code is then 128 + the signal's number, as a shell reports it): a reboot tells a dropped session from a
 * failed command by it.
 */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr, Optional<String> signal) {
    public ExecResult(int exitCode, byte[] stdout, byte[] stderr) {
        this(exitCode, stdout, stderr, Optional.empty());
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
