package dev.jprov.transport;

import dev.jprov.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** known_hosts checking against a real sshd: known, unknown, changed, other-type, hashed, trust on first use. */
@IntegrationTest("a real sshd (root)")
class HostKeyVerificationTest {
    private static LocalSshd sshd;
    private static SshConnector connector;
    private static String hostFingerprint;
    private static String otherEd25519Line;
    private static String otherFingerprint;
    private static String rsaLine;

    @BeforeAll
    static void start(@TempDir Path keys) throws Exception {
        sshd = LocalSshd.start();
        connector = new SshConnector(keys, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        hostFingerprint = fingerprint(sshd.dir().resolve("host_ed25519.pub"));
        LocalSshd.keygen(keys.resolve("other_ed25519"), "ed25519", "");
        otherFingerprint = fingerprint(keys.resolve("other_ed25519.pub"));
        otherEd25519Line = hostPart() + " " + publicKey(keys.resolve("other_ed25519.pub"));
        LocalSshd.keygen(keys.resolve("other_rsa"), "rsa", "");
        rsaLine = hostPart() + " " + publicKey(keys.resolve("other_rsa.pub"));
    }

    @AfterAll
    static void stop() {
        if (sshd != null) sshd.close();
    }

    /** Cases: known_hosts content (null: no file), trust on first use, expected error fragments (none: connects). */
    static Stream<Arguments> cases() throws IOException {
        String known = sshd.knownHostsLine();
        return Stream.of(
                Arguments.of("known key", known + "\n", false, List.of()),
                Arguments.of("known among others, no final newline",
                        "# comment\nother.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ5zkXWbFD3u9dCfEmKP0r8EhYpJ8Z5lNGd4MBfqBUhl\n" + known,
                        false, List.of()),
                Arguments.of("no file", null, false,
                        List.of("is not known", hostFingerprint, "ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> ",
                                "--accept-new-host-keys")),
                Arguments.of("empty file", "", false, List.of("is not known")),
                Arguments.of("same host, other port", "[127.0.0.1]:1 " + known.split(" ", 2)[1] + "\n", false,
                        List.of("is not known")),
                Arguments.of("changed key", otherEd25519Line + "\n", false,
                        List.of("has CHANGED", hostFingerprint, otherFingerprint + " (line 1)", "ssh-keygen -R '[127.0.0.1]:"
                                + sshd.port() + "'")),
                Arguments.of("changed key, even with --accept-new-host-keys", otherEd25519Line + "\n", true,
                        List.of("has CHANGED")),
                Arguments.of("only a key of another type is known, even with --accept-new-host-keys", rsaLine + "\n",
                        true, List.of("of a type not in", "ssh-rsa SHA256:")),
                Arguments.of("revoked key", "@revoked " + known + "\n", true, List.of("is marked @revoked")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesHostKeys(String name, String content, boolean acceptNew, List<String> errors, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("known_hosts");
        if (content != null) Files.writeString(file, content);
        ConnectionSpec spec = spec(file, acceptNew);
        if (errors.isEmpty()) {
            try (SshShell shell = connector.open(spec)) {
                assertEquals("ok\n", shell.run(new RemoteScript.ProbeScript("echo ok")).stdoutText());
            }
            return;
        }
        TransportException e = assertThrows(TransportException.class, () -> connector.open(spec).close());
        for (String fragment : errors) assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("kh (root@127.0.0.1:" + sshd.port() + "): "), e.getMessage());
        assertEquals(content == null ? null : content, content == null ? null : Files.readString(file),
                "a refused key never changes known_hosts");
        if (content == null) assertFalse(Files.exists(file));
    }

    @Test
    void hashedEntriesAsOpenSshWritesThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, sshd.knownHostsLine() + "\n");
        LocalSshd.run(List.of("ssh-keygen", "-H", "-f", file.toString()));
        assertTrue(Files.readString(file).startsWith("|1|"), "the file is hashed");
        try (SshShell shell = connector.open(spec(file, false))) {
            assertEquals(0, shell.run(new RemoteScript.ProbeScript("true")).exitCode());
        }
    }

    /** A host that also has an ECDSA key, known only by that one: the client must ask for (and parse) ECDSA. */
    @Test
    void ecdsaHostKeyKnownAlone(@TempDir Path dir) throws Exception {
        Path ecdsa = dir.resolve("host_ecdsa");
        LocalSshd.keygen(ecdsa, "ecdsa", "");
        try (LocalSshd both = LocalSshd.start(List.of("HostKey " + ecdsa))) {
            Path file = dir.resolve("known_hosts");
            Files.writeString(file, "[127.0.0.1]:" + both.port() + " " + publicKey(Path.of(ecdsa + ".pub")) + "\n");
            ConnectionSpec base = both.spec("ecdsa");
            ConnectionSpec spec = new ConnectionSpec("ecdsa", base.host(), base.port(), base.user(), base.privateKeys(),
                    Optional.of(file), false, Optional.empty(), base.connectTimeout(), base.keepAlive(),
                    ConnectionSpec.Become.NONE);
            try (SshShell shell = connector.open(spec)) {
                assertEquals(0, shell.run(new RemoteScript.ProbeScript("true")).exitCode());
            }
        }
    }

    @Test
    void trustOnFirstUseRecordsTheKeyThenVerifiesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("new/.ssh/known_hosts");
        try (SshShell shell = connector.open(spec(file, true))) {
            assertEquals(0, shell.run(new RemoteScript.ProbeScript("true")).exitCode());
        }
        assertEquals(sshd.knownHostsLine() + "\n", Files.readString(file));
        try (SshShell shell = connector.open(spec(file, false))) {
            assertEquals(0, shell.run(new RemoteScript.ProbeScript("true")).exitCode());
        }
        assertEquals(1, Files.readAllLines(file).size(), "recorded once");
    }

    @Test
    void trustOnFirstUseKeepsExistingLinesIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("known_hosts");
        String other = "other.example " + publicKey(dir.getParent() == null ? file : sshd.dir().resolve("client_ed25519.pub"));
        Files.writeString(file, other); // no final newline
        try (SshShell shell = connector.open(spec(file, true))) {
            assertEquals(0, shell.run(new RemoteScript.ProbeScript("true")).exitCode());
        }
        assertEquals(List.of(other, sshd.knownHostsLine()), Files.readAllLines(file));
    }

    private static ConnectionSpec spec(Path knownHosts, boolean acceptNew) throws IOException {
        ConnectionSpec base = sshd.spec("kh");
        return new ConnectionSpec("kh", base.host(), base.port(), base.user(), base.privateKeys(),
                Optional.of(knownHosts), acceptNew, Optional.empty(), base.connectTimeout(), base.keepAlive(),
                ConnectionSpec.Become.NONE);
    }

    private static String hostPart() {
        return "[127.0.0.1]:" + sshd.port();
    }

    private static String publicKey(Path pub) throws IOException {
        String[] f = Files.readString(pub).trim().split("\\s+");
        return f[0] + " " + f[1];
    }

    private static String fingerprint(Path pub) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.split("\\s+")[1];
    }
}
