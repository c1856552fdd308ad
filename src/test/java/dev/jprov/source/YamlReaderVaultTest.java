package dev.jprov.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML reader opens vault data with the Secrets it is given. A fake Secrets stands in for the vault package
 * (whose crypto is tested on ansible-vault's output in dev.jprov.vault): it "decrypts" an envelope whose payload
 * line is PLAIN:text, and records what is registered.
 */
class YamlReaderVaultTest {
    static final Path FILE = Path.of("vars.yml");

    static final class FakeSecrets implements Secrets {
        final List<String> registered = new ArrayList<>();

        @Override
        public byte[] decrypt(String vaultText, SourceLocation where) {
            String payload = vaultText.lines().skip(1).findFirst().orElse("").strip();
            if (!payload.startsWith("PLAIN:")) throw new LoadException(where, "Decryption failed");
            return payload.substring(6).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void register(String plaintext) {
            registered.add(plaintext);
        }

        @Override
        public String mask(String text) {
            return text;
        }
    }

    static Stream<Arguments> reads() {
        Map<String, Object> keptEncrypted = new LinkedHashMap<>();
        keptEncrypted.put("__ansible_vault", "$ANSIBLE_VAULT;1.1;AES256\nPLAIN:hunter2\n");
        return Stream.of(
                // {0} text, {1} plain value, {2} registered secrets
                Arguments.of("a: 1\nb: text\n", Map.of("a", 1, "b", "text"), List.of()),
                Arguments.of("pw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  PLAIN:hunter2\nother: x\n",
                        map("pw", "hunter2", "other", "x"), List.of("hunter2")),
                Arguments.of("- !vault |\n  $ANSIBLE_VAULT;1.2;AES256;prod\n  PLAIN:one\n- two\n",
                        List.of("one", "two"), List.of("one")),
                // a whole encrypted file: its string values are secrets, its keys, numbers and booleans not
                Arguments.of("$ANSIBLE_VAULT;1.1;AES256\nPLAIN:db: s3cret\\nport: 5432\\nenabled: yes\\n",
                        map("db", "s3cret", "port", 5432, "enabled", true), List.of("s3cret")));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @ParameterizedTest
    @MethodSource("reads")
    void opensVaultData(String text, Object plain, List<String> registered) {
        FakeSecrets secrets = new FakeSecrets();
        assertEquals(plain, new YamlReader(secrets).read(FILE, text).toPlain());
        assertEquals(registered, secrets.registered);
    }

    static Stream<Arguments> refuses() {
        return Stream.of(
                // {0} text, {1} message
                Arguments.of("a: 1\npw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  PLAIN:x\n",
                        "vars.yml:2:5: Attempting to decrypt but no vault secrets found"),
                Arguments.of("$ANSIBLE_VAULT;1.1;AES256\nPLAIN:a: 1\n",
                        "vars.yml: Attempting to decrypt but no vault secrets found"));
    }

    @ParameterizedTest
    @MethodSource("refuses")
    void withoutSecretsVaultDataIsAnErrorAtItsPlace(String text, String message) {
        LoadException e = assertThrows(LoadException.class, () -> new YamlReader().read(FILE, text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void wrongSecretAndVaultOnAMappingNameTheLine() {
        LoadException wrong = assertThrows(LoadException.class, () -> new YamlReader(new FakeSecrets())
                .read(FILE, "a:\n  b: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n    6162\n"));
        assertEquals("vars.yml:2:6: Decryption failed", wrong.getMessage());
        LoadException mapping = assertThrows(LoadException.class, () -> new YamlReader(new FakeSecrets())
                .read(FILE, "a: !vault {b: 1}\n"));
        assertEquals("vars.yml:1:4: !vault tags a string (the output of ansible-vault encrypt_string), not a mapping",
                mapping.getMessage());
    }

    @Test
    void inventoryDisplayKeepsValuesEncrypted() {
        FakeSecrets secrets = new FakeSecrets();
        Object plain = YamlReader.keepingVaultValues(secrets)
                .read(FILE, "pw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  PLAIN:hunter2\n").toPlain();
        assertEquals(Map.of("pw", Map.of("__ansible_vault", "$ANSIBLE_VAULT;1.1;AES256\nPLAIN:hunter2\n")), plain);
        assertEquals(List.of(), secrets.registered);
    }

    @Test
    void readsAnEncryptedFileFromDisk() throws IOException, URISyntaxException {
        Path dir = Files.createTempDirectory("vault");
        try {
            Path f = Files.writeString(dir.resolve("v.yml"), "$ANSIBLE_VAULT;1.1;AES256\nPLAIN:k: v\\n");
            assertEquals(Map.of("k", "v"), new YamlReader(new FakeSecrets()).read(f).toPlain());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
