package dev.jprov.transport;

import dev.jprov.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logging in with keys ssh-agent holds: a real ssh-agent filled by the real ssh-add, a real sshd, JDK crypto only.
 * Keys named stranger-* are never authorized.
 */
@IntegrationTest("a real sshd (root)")
class AgentAuthenticationTest {
    private static LocalSshd sshd;

    @BeforeAll
    static void start() throws Exception {
        sshd = LocalSshd.start();
    }

    @AfterAll
    static void stop() {
        if (sshd != null) sshd.close();
    }

    @ParameterizedTest(name = "agent holds [{0}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # keys ssh-add'ed, in order        | expected error (empty: logs in)
            -                                  | no key to log in with: none given (ansible_ssh_private_key_file or --private-key), ssh-agent at
            ed25519                            |
            rsa                                |
            ecdsa256                           |
            ecdsa384                           |
            ecdsa521                           |
            ed25519 rsa                        |
            stranger-ed25519 rsa               |
            stranger-ed25519                   | the host accepted none of the keys offered (ssh-agent key stranger-ed25519 (ssh-ed25519))
            stranger-rsa stranger-ecdsa256     | accepted none of the keys offered (ssh-agent key stranger-rsa (ssh-rsa), ssh-agent key stranger-ecdsa256 (ecdsa-sha2-nistp256))
            """)
    void logsInWithKeysOnlyTheAgentHolds(String keys, String error, @TempDir Path home, @TempDir Path keyDir)
            throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            for (String name : keys == null ? new String[0] : keys.split(" ")) {
                Path key = LocalSshAgent.newKey(keyDir, name);
                if (!name.startsWith("stranger-")) LocalSshAgent.authorize(sshd, key);
                agent.add(key);
                Files.delete(key);
                Files.delete(Path.of(key + ".pub"));
            }
            try (Stream<Path> left = Files.list(keyDir)) {
                assertEquals(List.of(), left.toList(), "only the agent has the keys");
            }
            SshConnector connector = new SshConnector(home, Optional.of(agent.socket()), SshConnector.DEFAULT_MAX_CHANNELS);
            assertLogsIn(connector, specWithKeys(sshd, List.of()), error);
        }
    }

    @ParameterizedTest(name = "sshd PubkeyAcceptedAlgorithms {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # sshd's PubkeyAcceptedAlgorithms (-: its default, no ssh-rsa) | expected error (empty: logs in)
            -                                                              |
            rsa-sha2-512                                                   |
            rsa-sha2-256                                                   |
            ssh-rsa                                                        |
            ssh-ed25519                                                    | accepted none of the keys offered (ssh-agent key rsa (ssh-rsa))
            """)
    void rsaKeySignsWithAnAlgorithmTheServerTakes(String accepted, String error, @TempDir Path home,
                                                  @TempDir Path keyDir) throws Exception {
        try (LocalSshd server = LocalSshd.start(accepted == null ? List.of()
                : List.of("PubkeyAcceptedAlgorithms " + accepted));
             LocalSshAgent agent = LocalSshAgent.start()) {
            Path key = LocalSshAgent.newKey(keyDir, "rsa");
            LocalSshAgent.authorize(server, key);
            agent.add(key);
            Files.delete(key);
            SshConnector connector = new SshConnector(home, Optional.of(agent.socket()), SshConnector.DEFAULT_MAX_CHANNELS);
            assertLogsIn(connector, specWithKeys(server, List.of()), error);
        }
    }

    @ParameterizedTest(name = "{0} agent, {1} key {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # SSH_AUTH_SOCK: none, missing (no such file), stale (a socket nobody listens on), file (not a socket)
            # agent socket | key file       | given as  | expected error (empty: logs in)
            none           | client_ed25519 | explicit  |
            missing        | client_ed25519 | explicit  |
            missing        | client_ed25519 | default   |
            stale          | client_ed25519 | explicit  |
            stale          | client_ed25519 | default   |
            file           | client_ed25519 | default   |
            missing        | stranger       | explicit  | accepted none of the keys offered (KEY); not offered: ssh-agent at SOCKET unusable:
            stale          | stranger       | default   | accepted none of the keys offered (KEY); not offered: ssh-agent at SOCKET unusable:
            """)
    void keyFilesStillLogInWithoutAWorkingAgent(String socketKind, String keyName, String givenAs, String error,
                                                @TempDir Path home, @TempDir Path sockets) throws Exception {
        Path socket = sockets.resolve("agent.sock");
        switch (socketKind) {
            case "none", "missing" -> { }
            case "stale" -> {
                try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                    server.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the socket file behind
                }
            }
            case "file" -> Files.writeString(socket, "not a socket\n");
            default -> throw new IllegalArgumentException(socketKind);
        }
        Path source = keyName.equals("stranger") ? LocalSshAgent.newKey(sockets, "stranger-ed25519")
                : sshd.clientKey();
        Path key = source;
        if (givenAs.equals("default")) {
            key = Files.createDirectories(home.resolve(".ssh")).resolve("id_ed25519");
            Files.copy(source, key);
        }
        SshConnector connector = new SshConnector(home,
                socketKind.equals("none") ? Optional.empty() : Optional.of(socket), SshConnector.DEFAULT_MAX_CHANNELS);
        ConnectionSpec spec = specWithKeys(sshd, givenAs.equals("explicit") ? List.of(key) : List.of());
        assertLogsIn(connector, spec, error == null ? null
                : error.replace("KEY", key.toString()).replace("SOCKET", socket.toString()));
    }

    @ParameterizedTest(name = "passphrase key given as {0}, agent {1}, .pub {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # given as | agent          | FILE.pub | expected error (empty: logs in)
            explicit   | holds it       | kept     |
            explicit   | holds it       | deleted  |
            explicit   | does not       | kept     | private key KEY is protected by a passphrase and jprov does not prompt for one; load it into ssh-agent (ssh-add KEY) or use a key without a passphrase; the ssh-agent at SOCKET does not hold it
            explicit   | none           | kept     | private key KEY is protected by a passphrase and jprov does not prompt for one; load it into ssh-agent (ssh-add KEY) or use a key without a passphrase; SSH_AUTH_SOCK is not set (no ssh-agent)
            default    | holds it       | kept     |
            default    | does not       | kept     | no key to log in with: none given (ansible_ssh_private_key_file or --private-key), ssh-agent at SOCKET holds no usable key, no usable id_ed25519/id_ecdsa/id_rsa in HOME/.ssh; not offered: KEY is protected by a passphrase
            """)
    void passphraseProtectedKeyLogsInThroughTheAgentsCopy(String givenAs, String agentHolds, String pub, String error,
                                                          @TempDir Path home) throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            Path ssh = Files.createDirectories(home.resolve(".ssh"));
            Path key = LocalSshAgent.newKey(ssh, givenAs.equals("default") ? "id-ed25519" : "locked-ed25519");
            if (givenAs.equals("default")) {
                Files.move(key, ssh.resolve("id_ed25519"));
                Files.move(Path.of(key + ".pub"), ssh.resolve("id_ed25519.pub"));
                key = ssh.resolve("id_ed25519");
            }
            LocalSshAgent.authorize(sshd, key);
            if (agentHolds.equals("holds it")) agent.add(key);
            // Encrypted after ssh-add: the agent holds the key decrypted, as after an ssh-add that asked for it.
            LocalSshd.run(List.of("ssh-keygen", "-q", "-p", "-P", "", "-N", "secret phrase", "-f", key.toString()));
            if (pub.equals("deleted")) Files.delete(Path.of(key + ".pub"));
            SshConnector connector = new SshConnector(home,
                    agentHolds.equals("none") ? Optional.empty() : Optional.of(agent.socket()),
                    SshConnector.DEFAULT_MAX_CHANNELS);
            ConnectionSpec spec = specWithKeys(sshd, givenAs.equals("explicit") ? List.of(key) : List.of());
            assertLogsIn(connector, spec, error == null ? null : error.replace("KEY", key.toString())
                    .replace("SOCKET", agent.socket().toString()).replace("HOME", home.toString()));
        }
    }

    @Test
    void aKeyInTheAgentAndInAFileIsOfferedOnce(@TempDir Path home) throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            Path ssh = Files.createDirectories(home.resolve(".ssh"));
            Path key = LocalSshAgent.newKey(ssh, "stranger-ed25519");
            Files.move(key, ssh.resolve("id_ed25519"));
            agent.add(ssh.resolve("id_ed25519"));
            SshConnector connector = new SshConnector(home, Optional.of(agent.socket()), SshConnector.DEFAULT_MAX_CHANNELS);
            assertLogsIn(connector, specWithKeys(sshd, List.of()),
                    "accepted none of the keys offered (ssh-agent key stranger-ed25519 (ssh-ed25519))");
        }
    }

    @Test
    void certificatesInTheAgentAreLeftOutAndNamed(@TempDir Path home, @TempDir Path keyDir) throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            Path ca = LocalSshAgent.newKey(keyDir, "ca-ed25519");
            Path key = LocalSshAgent.newKey(keyDir, "stranger-ed25519");
            LocalSshd.run(List.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "test", "-n", "root", key + ".pub"));
            agent.add(key); // adds the key and, from stranger-ed25519-cert.pub, its certificate
            SshConnector connector = new SshConnector(home, Optional.of(agent.socket()), SshConnector.DEFAULT_MAX_CHANNELS);
            assertLogsIn(connector, specWithKeys(sshd, List.of()),
                    "accepted none of the keys offered (ssh-agent key stranger-ed25519 (ssh-ed25519)); not offered: "
                            + "ssh-agent key stranger-ed25519 (ssh-ed25519-cert-v01@openssh.com): jprov does not sign "
                            + "with ssh-ed25519-cert-v01@openssh.com keys");
        }
    }

    private static void assertLogsIn(SshConnector connector, ConnectionSpec spec, String error) throws Exception {
        if (error == null) {
            try (SshShell shell = connector.open(spec)) {
                assertEquals("root\n", shell.run(new RemoteScript.ProbeScript("id -un")).stdoutText());
            }
        } else {
            TransportException e = assertThrows(TransportException.class, () -> connector.open(spec).close());
            assertTrue(e.getMessage().contains(error), e.getMessage());
        }
    }

    private static ConnectionSpec specWithKeys(LocalSshd server, List<Path> keys) throws Exception {
        ConnectionSpec base = server.spec("agent");
        return new ConnectionSpec(base.name(), base.host(), base.port(), base.user(), keys, base.knownHosts(), false,
                Optional.empty(), base.connectTimeout(), base.keepAlive(), base.become());
    }
}
