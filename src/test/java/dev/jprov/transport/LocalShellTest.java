package dev.jprov.transport;

import dev.jprov.plan.Cmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A jail over a real SSH connection (with a stand-in jexec on the host's PATH), and the local shell. */
class JailAndLocalShellTest {

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

    @Test
    void localShellRunsScriptsAndCommands(@TempDir Path dir) throws Exception {
        LocalShell local = new LocalShell(Optional.of(dir));
        ExecResult r = local.run(new RemoteScript.ProbeScript("pwd; echo err >&2; exit 3"));
        assertEquals(3, r.exitCode());
        assertEquals(dir.toRealPath() + "\n", r.stdoutText());
        assertEquals("err\n", r.stderrText());
        assertEquals(0, local.run(new RemoteScript.ProbeScript("")).exitCode(), "empty script: nothing to do");
        byte[] big = new byte[3_000_000];
        assertEquals(3_000_000, local.exec(Cmd.of("cat"), big).stdout().length);
        assertEquals(5, local.run(new RemoteScript.ProbeScript("exit 5\n" + "#\n".repeat(500_000))).exitCode());
    }

    @Test
    void localShellMissingProgramIsATransportError() {
        TransportException e = assertThrows(TransportException.class,
                () -> new LocalShell().exec(Cmd.of("/no/such/program"), new byte[0]));
        assertEquals(true, e.getMessage().startsWith("localhost: cannot start /no/such/program"), e.getMessage());
    }
}
