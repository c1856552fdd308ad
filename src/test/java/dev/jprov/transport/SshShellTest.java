package dev.jprov.transport;

import dev.jprov.IntegrationTest;
import dev.jprov.plan.Cmd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SshShell over a real OpenSSH sshd: scripts, exit codes, big outputs, concurrency, become, reconnect. */
@IntegrationTest("a real sshd (root)")
class SshShellTest {
    private static LocalSshd sshd;
    private static SshConnector connector;
    private static SshShell shell;

    @BeforeAll
    static void start(@TempDir Path home) throws Exception {
        sshd = LocalSshd.start();
        connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        shell = connector.open(sshd.spec("h1"));
    }

    @AfterAll
    static void stop() {
        if (shell != null) shell.close();
        if (sshd != null) sshd.close();
    }

    private static ExecResult probe(String script) throws TransportException {
        return shell.run(new RemoteScript.ProbeScript(script));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # script                                   | exit | stdout       | stderr
            ""                                         | 0    | ""           | ""
            true                                       | 0    | ""           | ""
            exit 3                                     | 3    | ""           | ""
            echo out; echo err >&2; exit 42            | 42   | "out\\n"     | "err\\n"
            printf 'a\\0b'                             | 0    | "a\\000b"    | ""
            "cat <<'EOF'\\nhello there\\nEOF"         | 0    | "hello there\\n" | ""
            false                                      | 1    | ""           | ""
            no-such-command-here                       | 127  | ""           | "*not found*"
            """)
    void runsScriptsAndReportsExitCodes(String script, int exit, String stdout, String stderr) throws Exception {
        ExecResult r = probe(script.replace("\\n", "\n"));
        assertEquals(exit, r.exitCode(), r.stderrText());
        assertEquals(unescape(stdout), r.stdoutText());
        String expectedErr = unescape(stderr);
        if (expectedErr.startsWith("*")) {
            assertTrue(r.stderrText().contains(expectedErr.replace("*", "")), r.stderrText());
        } else {
            assertEquals(expectedErr, r.stderrText());
        }
    }

    @Test
    void execTakesAnArgumentListQuotedPerArgument() throws Exception {
        ExecResult r = shell.exec(Cmd.of("printf", "%s|", "a b", "'q'", "$(id)", ""), new byte[0]);
        assertEquals("a b|'q'|$(id)||", r.stdoutText());
    }

    @Test
    void megabytesOfStdoutAndStderrAtOnce() throws Exception {
        ExecResult r = probe("head -c 6000000 /dev/zero | tr '\\0' a; head -c 3000000 /dev/zero | tr '\\0' b >&2; exit 5");
        assertEquals(5, r.exitCode());
        assertEquals(6_000_000, r.stdout().length);
        assertEquals(3_000_000, r.stderr().length);
        assertEquals('a', r.stdout()[5_999_999]);
        assertEquals('b', r.stderr()[0]);
    }

    /** The script prints megabytes before reading the rest of itself: a writer that does not read would deadlock. */
    @Test
    void bigScriptWithBigOutputBeforeItsEnd() throws Exception {
        String payload = "x".repeat(4_000_000);
        String script = "head -c 4000000 /dev/zero >&2\nhead -c 4000000 /dev/zero\ncat <<'EOF' | wc -c\n"
                + payload + "\nEOF\n";
        ExecResult r = probe(script);
        assertEquals(0, r.exitCode());
        assertEquals(4_000_000, r.stderr().length);
        String tail = new String(r.stdout(), 4_000_000, r.stdout().length - 4_000_000, StandardCharsets.UTF_8);
        assertEquals("4000001", tail.trim());
    }

    @Test
    void scriptThatExitsBeforeReadingAllOfItsInput() throws Exception {
        String script = "exit 7\n" + ("# filler\n").repeat(400_000);
        assertEquals(7, probe(script).exitCode());
        assertEquals("ok\n", probe("echo ok").stdoutText(), "the connection is still usable");
    }

    @Test
    void stdinBytesReachTheCommandUnchanged() throws Exception {
        byte[] data = new byte[1 << 20];
        new java.util.Random(7).nextBytes(data);
        ExecResult r = shell.exec(Cmd.of("cat"), data);
        assertArrayEquals(data, r.stdout());
    }

    @Test
    void concurrentRunsShareTheConnection(@TempDir Path started) throws Exception {
        int runs = 24; // more than sshd's MaxSessions (10): the connection queues them instead of failing
        int together = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // Each run marks its start, then waits (up to 30 s) until `together` runs have started: runs made
                // one after the other never get there, overlapping ones do at once.
                String script = "touch " + started + "/run-" + i + "; n=0\n"
                        + "while [ $(ls " + started + " | wc -l) -lt " + together + " ] && [ $n -lt 300 ]; do"
                        + " sleep 0.1; n=$((n + 1)); done\n"
                        + "echo run-" + i + "; echo $SSH_CONNECTION; ls " + started + " | wc -l";
                results.add(pool.submit(() -> probe(script)));
            }
            String connection = null;
            for (int i = 0; i < runs; i++) {
                ExecResult r = results.get(i).get();
                String[] lines = r.stdoutText().split("\n");
                assertEquals("run-" + i, lines[0], r.stderrText());
                if (connection == null) connection = lines[1];
                assertEquals(connection, lines[1], "every run used the same TCP connection");
                assertTrue(Integer.parseInt(lines[2].strip()) >= together, "runs overlapped: run " + i + " saw only "
                        + lines[2].strip() + " started");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void commandKilledBySignalGetsShellStyleExitCode() throws Exception {
        ExecResult r = probe("kill -TERM $$; sleep 5");
        assertEquals(143, r.exitCode());
    }

    @Test
    void becomeWithSudoRunsAsTheOtherUser() throws Exception {
        CommandShell nobody = BecomeShell.over(shell, ConnectionSpec.Become.of("sudo", "nobody"));
        ExecResult r = nobody.run(new RemoteScript.ProbeScript("id -un; echo \"$0\""));
        assertEquals(0, r.exitCode(), r.stderrText());
        assertEquals("nobody\n/bin/sh\n", r.stdoutText());
        assertEquals("root\n", probe("id -un").stdoutText(), "the host shell itself is unchanged");
    }

    @Test
    void becomeWithSuQuotesTheWrappedCommand() throws Exception {
        CommandShell root = BecomeShell.over(shell, ConnectionSpec.Become.of("su", "root"));
        ExecResult r = root.exec(Cmd.of("printf", "%s|", "it's", "a b"), new byte[0]);
        assertEquals(0, r.exitCode(), r.stderrText());
        assertEquals("it's|a b|", r.stdoutText());
    }

    @Test
    void connectAppliesTheSpecsBecome() throws Exception {
        ConnectionSpec base = sshd.spec("h-become");
        ConnectionSpec spec = new ConnectionSpec(base.name(), base.host(), base.port(), base.user(), base.privateKeys(),
                base.knownHosts(), false, Optional.empty(), base.connectTimeout(), base.keepAlive(),
                ConnectionSpec.Become.of("sudo", "nobody"));
        try (CommandShell s = connector.connect(spec)) {
            assertEquals("nobody\n", s.run(new RemoteScript.ProbeScript("id -un")).stdoutText());
        }
    }

    @Test
    void reconnectOpensAnIndependentConnection() throws Exception {
        String first = probe("echo $SSH_CONNECTION").stdoutText();
        try (SshShell second = shell.reconnect()) {
            String other = second.run(new RemoteScript.ProbeScript("echo $SSH_CONNECTION")).stdoutText();
            assertNotEquals(first, other, "a different TCP connection (client port)");
        }
        assertEquals(first, probe("echo $SSH_CONNECTION").stdoutText(), "closing it left the first one working");
    }

    @Test
    void proxyJumpThroughTheSameSshd() throws Exception {
        ConnectionSpec jump = sshd.spec("jump");
        ConnectionSpec direct = sshd.spec("via-jump");
        ConnectionSpec spec = new ConnectionSpec(direct.name(), direct.host(), direct.port(), direct.user(),
                direct.privateKeys(), direct.knownHosts(), false, Optional.of(jump), direct.connectTimeout(),
                direct.keepAlive(), ConnectionSpec.Become.NONE);
        try (SshShell viaJump = connector.open(spec)) {
            ExecResult r = viaJump.run(new RemoteScript.ProbeScript("echo $SSH_CONNECTION; echo ok"));
            assertEquals(0, r.exitCode(), r.stderrText());
            assertTrue(r.stdoutText().endsWith("ok\n"));
            try (SshShell again = viaJump.reconnect()) {
                assertEquals("ok\n", again.run(new RemoteScript.ProbeScript("echo ok")).stdoutText());
            }
        }
    }

    @Test
    void checkModeLetsProbesThroughAndRefusesChanges() throws Exception {
        CheckModeShell check = new CheckModeShell(BecomeShell.over(shell, ConnectionSpec.Become.NONE));
        assertEquals("p\n", check.run(new RemoteScript.ProbeScript("echo p")).stdoutText());
        Path marker = sshd.dir().resolve("must-not-exist");
        assertThrows(IllegalStateException.class,
                () -> check.run(new RemoteScript.ChangeScript("touch " + marker)));
        assertTrue(Files.notExists(marker));
    }

    @Test
    void aBrokenConnectionIsATransportError() throws Exception {
        try (SshShell doomed = shell.reconnect()) {
            // Kills this connection's sshd session process (the nearest sshd ancestor): the TCP connection drops
            // mid-command.
            String killSession = "p=$$; while [ \"$p\" -gt 1 ]; do"
                    + " if [ \"$(cat /proc/$p/comm)\" = sshd ]; then kill -9 $p; break; fi;"
                    + " p=$(awk '/^PPid/ {print $2}' /proc/$p/status); done; sleep 10";
            TransportException e = assertThrows(TransportException.class,
                    () -> doomed.run(new RemoteScript.ProbeScript(killSession)));
            assertTrue(e.getMessage().startsWith("h1 (root@127.0.0.1:" + sshd.port() + "): "), e.getMessage());
            assertThrows(TransportException.class, () -> doomed.run(new RemoteScript.ProbeScript("true")));
        }
        assertEquals("ok\n", probe("echo ok").stdoutText(), "other connections are unaffected");
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\000", "\0");
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
