package dev.jprov.transport;

import dev.jprov.plan.Cmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The local shell (ansible_connection: local): scripts, commands, exit codes and a program that is missing. */
class LocalShellTest {

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
