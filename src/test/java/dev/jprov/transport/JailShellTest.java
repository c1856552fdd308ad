package dev.jprov.transport;

import dev.jprov.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A jail over a real SSH connection (with a stand-in jexec on the host's PATH). */
@IntegrationTest("a real sshd (root)")
class JailShellTest {

    /** Stand-in for FreeBSD's jexec: knows jail "web1", runs the command with JAIL set (no chroot here). */
    private static final String FAKE_JEXEC = """
            #!/bin/sh
            name=$1; shift
            [ "$name" = web1 ] || { echo "jexec: jail \\"$name\\" not found" >&2; exit 1; }
            JAIL=$name exec "$@"
            """;

    @Test
    void jailRunsThroughTheHostsConnection(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path jexec = bin.resolve("jexec");
        Files.writeString(jexec, FAKE_JEXEC);
        Files.setPosixFilePermissions(jexec, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (LocalSshd sshd = LocalSshd.start(List.of("SetEnv PATH=" + bin + ":/usr/sbin:/usr/bin:/sbin:/bin"))) {
            SshConnector connector = new SshConnector(dir, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
            try (SshShell host = connector.open(sshd.spec("host"))) {
                JailShell web1 = JailShell.on(host, new JailName("web1"));
                ExecResult r = web1.run(new RemoteScript.ProbeScript("echo \"in $JAIL\"; cat <<'EOF'\nbody\nEOF\nexit 4"));
                assertEquals(4, r.exitCode(), r.stderrText());
                assertEquals("in web1\nbody\n", r.stdoutText());

                ExecResult missing = JailShell.on(host, new JailName("nope")).run(new RemoteScript.ProbeScript("true"));
                assertEquals(1, missing.exitCode());
                assertEquals("jexec: jail \"nope\" not found\n", missing.stderrText());

                web1.close();
                assertEquals("host\n", host.run(new RemoteScript.ProbeScript("echo host")).stdoutText(),
                        "closing the jail shell left the host connection open");
            }
        }
    }
}
