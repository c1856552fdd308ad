package dev.jprov.transport;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.signature.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent protocol client against a real OpenSSH ssh-agent; signatures checked with sshj's verifiers. */
class AgentClientTest {

    @BeforeAll
    static void jdkProvidersOnly() {
        EcdsaKeyFactoryAlias.install(); // as SshConnector does: ECDSA keys decode with the JDK's EC KeyFactory
    }

    @Test
    void anEmptyAgentListsNoKeys() throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            assertEquals(List.of(), new AgentClient(agent.socket()).identities());
        }
    }

    @Test
    void listsKeysInTheOrderAddedWithTypeCommentAndPublicKey(@TempDir Path dir) throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            Path rsa = LocalSshAgent.newKey(dir, "first-rsa");
            Path ed = LocalSshAgent.newKey(dir, "second-ed25519");
            agent.add(rsa);
            agent.add(ed);
            assertEquals(List.of(identityOf(rsa), identityOf(ed)), new AgentClient(agent.socket()).identities());
        }
    }

    @ParameterizedTest(name = "{0} key signs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # key      | signature algorithm asked for
            ed25519    | ssh-ed25519
            rsa        | rsa-sha2-512
            rsa        | rsa-sha2-256
            rsa        | ssh-rsa
            ecdsa256   | ecdsa-sha2-nistp256
            ecdsa384   | ecdsa-sha2-nistp384
            ecdsa521   | ecdsa-sha2-nistp521
            """)
    void signaturesVerifyUnderTheAlgorithmAskedFor(String type, String algorithm, @TempDir Path dir) throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            agent.add(LocalSshAgent.newKey(dir, type));
            AgentClient client = new AgentClient(agent.socket());
            AgentIdentity identity = client.identities().getFirst();
            byte[] data = "session id and userauth request".getBytes(StandardCharsets.UTF_8);

            byte[] signature = client.sign(identity, algorithm, data);

            assertEquals(algorithm, new Buffer.PlainBuffer(signature).readString(), "names its algorithm");
            PublicKey key = new Buffer.PlainBuffer(identity.blob()).readPublicKey();
            assertTrue(verify(algorithm, key, data, signature), "verifies");
            assertFalse(verify(algorithm, key, "other data".getBytes(StandardCharsets.UTF_8), signature),
                    "does not verify other data");
        }
    }

    @Test
    void aKeyTheAgentDoesNotHoldIsRefused(@TempDir Path dir) throws Exception {
        try (LocalSshAgent agent = LocalSshAgent.start()) {
            Path key = LocalSshAgent.newKey(dir, "absent-ed25519");
            AgentClient client = new AgentClient(agent.socket());
            IOException e = assertThrows(IOException.class,
                    () -> client.sign(identityOf(key), "ssh-ed25519", new byte[] {1, 2, 3}));
            assertEquals("ssh-agent at " + agent.socket() + " refused to sign with ssh-agent key absent-ed25519 "
                    + "(ssh-ed25519)", e.getMessage());
        }
    }

    @Test
    void noAgentAtThePathFailsWithItsName(@TempDir Path dir) {
        Path socket = dir.resolve("gone.sock");
        IOException e = assertThrows(IOException.class, () -> new AgentClient(socket).identities());
        assertTrue(e.getMessage() != null, "says why: " + e);
    }

    private static AgentIdentity identityOf(Path key) throws IOException {
        String[] pub = Files.readString(Path.of(key + ".pub")).trim().split("\\s+");
        return new AgentIdentity(pub[0], pub[1], pub[2]);
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        Signature verifier = Factory.Named.Util.create(new LeanSshConfig().getKeyAlgorithms(), algorithm).newSignature();
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }
}
