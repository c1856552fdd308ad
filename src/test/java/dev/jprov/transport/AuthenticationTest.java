package dev.jprov.transport;

import dev.jprov.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public key authentication against a real sshd, with BouncyCastle not registered (JDK providers only). */
@IntegrationTest("a real sshd (root)")
class AuthenticationTest {
    private static LocalSshd sshd;

    @BeforeAll
    static void start() throws Exception {
        sshd = LocalSshd.start();
        sshd.newClientKey("rsa", "rsa", "", true);
        sshd.newClientKey("ecdsa", "ecdsa", "", true);
        sshd.newClientKey("rsa_pem", "rsa", "", true);
        LocalSshd.run(List.of("ssh-keygen", "-q", "-p", "-N", "", "-m", "PEM", "-f", sshd.dir().resolve("rsa_pem").toString()));
        sshd.newClientKey("stranger", "ed25519", "", false);
        sshd.newClientKey("locked", "ed25519", "secret phrase", true);
    }

    @AfterAll
    static void stop() {
        if (sshd != null) sshd.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # key file        | expected error (empty: logs in)
            client_ed25519    |
            rsa               |
            rsa_pem           |
            ecdsa             |
            stranger          | authentication as root failed: the host accepted none of the keys offered
            locked            | is protected by a passphrase and jprov does not prompt for one; load it into ssh-agent
            no-such-key       | does not exist
            """)
    void logsInWithTheGivenKey(String keyName, String error, @TempDir Path home) throws Exception {
        Path key = sshd.dir().resolve(keyName);
        SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        ConnectionSpec spec = withKeys(List.of(key));
        if (error == null) {
            try (SshShell shell = connector.open(spec)) {
                assertEquals("root\n", shell.run(new RemoteScript.ProbeScript("id -un")).stdoutText());
            }
        } else {
            TransportException e = assertThrows(TransportException.class, () -> connector.open(spec).close());
            assertTrue(e.getMessage().contains(error), e.getMessage());
            assertTrue(e.getMessage().contains(keyName), "names the key file: " + e.getMessage());
        }
    }

    @Test
    void defaultKeysFromHomeSshWhenNoneIsGiven(@TempDir Path home) throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(sshd.dir().resolve("locked"), ssh.resolve("id_ecdsa")); // skipped: passphrase
        Files.copy(sshd.dir().resolve("client_ed25519"), ssh.resolve("id_ed25519"));
        Files.writeString(ssh.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
        SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        ConnectionSpec spec = ConnectionSpec.of("defaults", LocalSshd.HOST, sshd.port(), "root");
        try (SshShell shell = connector.open(spec)) {
            assertEquals(0, shell.run(new RemoteScript.ProbeScript("true")).exitCode());
        }
    }

    @Test
    void failureNamesTheKeysThatWereSkipped(@TempDir Path home) throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(sshd.dir().resolve("locked"), ssh.resolve("id_ecdsa"));
        Files.copy(sshd.dir().resolve("stranger"), ssh.resolve("id_rsa"));
        Files.writeString(ssh.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
        SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        ConnectionSpec spec = ConnectionSpec.of("defaults", LocalSshd.HOST, sshd.port(), "root");
        TransportException e = assertThrows(TransportException.class, () -> connector.open(spec).close());
        assertTrue(e.getMessage().contains("accepted none of the keys offered (" + ssh.resolve("id_rsa") + ")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("not offered: " + ssh.resolve("id_ecdsa") + " is protected by a passphrase"),
                e.getMessage());
    }

    @Test
    void noKeyAtAll(@TempDir Path home) throws Exception {
        SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        ConnectionSpec base = ConnectionSpec.of("nokey", LocalSshd.HOST, sshd.port(), "root");
        ConnectionSpec spec = new ConnectionSpec(base.name(), base.host(), base.port(), base.user(), List.of(),
                Optional.of(sshd.knownHosts()), false, Optional.empty(), base.connectTimeout(), base.keepAlive(),
                base.become());
        TransportException e = assertThrows(TransportException.class, () -> connector.open(spec).close());
        assertTrue(e.getMessage().contains("no key to log in with"), e.getMessage());
    }

    private static ConnectionSpec withKeys(List<Path> keys) throws Exception {
        ConnectionSpec base = sshd.spec("auth");
        return new ConnectionSpec(base.name(), base.host(), base.port(), base.user(), keys, base.knownHosts(), false,
                Optional.empty(), base.connectTimeout(), base.keepAlive(), base.become());
    }
}
