package dev.jprov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.YamlReader;
import dev.jprov.vault.SecretMask;
import dev.jprov.vault.Vault;
import dev.jprov.vault.VaultSecret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jprov vault}: what it writes, jprov and (checked by hand with ansible-vault 2.14 view / -e @file, see
 * the README) Ansible read back; the fixture ansible-vault wrote, it reads.
 */
class VaultCommandTest {
    static final String PLAIN = "hello: world\nsecret: \"x y\"\n";

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException, URISyntaxException {
        Files.writeString(dir.resolve("pw.txt"), "hunter2pass\n");
        Files.writeString(dir.resolve("pw2.txt"), "labelpass\n");
        Files.writeString(dir.resolve("plain.yml"), PLAIN);
        Files.copy(Path.of(VaultCommandTest.class.getResource("/vault/vars.enc.yml").toURI()),
                dir.resolve("ansible.yml"));
    }

    record Run(int code, String out, String err) {}

    Run jprov(String args) {
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) argv.add(a.replace("@DIR@", dir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void encryptViewDecryptRoundTrip() throws IOException {
        Run enc = jprov("vault encrypt @DIR@/plain.yml --vault-id prod@@DIR@/pw2.txt");
        assertEquals(0, enc.code(), enc.err());
        assertTrue(read("plain.yml").startsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n"), read("plain.yml"));
        assertTrue(read("plain.yml").lines().skip(1).allMatch(l -> l.length() <= 80 && l.matches("[0-9a-f]+")));
        Run view = jprov("vault view @DIR@/plain.yml --vault-id prod@@DIR@/pw2.txt");
        assertEquals(PLAIN, view.out(), view.err());
        Run dec = jprov("vault decrypt @DIR@/plain.yml --vault-password-file @DIR@/pw2.txt");
        assertEquals(0, dec.code(), dec.err());
        assertEquals(PLAIN, read("plain.yml"));
    }

    @Test
    void encryptStringGivesVaultBlocksThatLoad() throws IOException {
        Run run = jprov("vault encrypt_string --vault-password-file @DIR@/pw.txt -n a str-one -n b two");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("a: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n          "), run.out());
        Vault vault = new Vault(List.of(new VaultSecret("default", "hunter2pass".getBytes(StandardCharsets.UTF_8))),
                false, new SecretMask());
        assertEquals(Map.of("a", "str-one", "b", "two"),
                new YamlReader(vault).read(dir.resolve("x.yml"), run.out()).toPlain());
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                // {0} arguments, {1} exit code, {2} expected stdout ("" any), {3} expected in stderr ("" any)
                // no change: decrypt to stdout leaves the file encrypted
                Arguments.of("vault decrypt @DIR@/ansible.yml --output - --vault-password-file @DIR@/pw.txt", 0,
                        "db_password: s3cr3t-db-Passw0rd\napi_token: \"tok-98765-xyz\"\nport: 5432\n", ""),
                Arguments.of("vault view @DIR@/ansible.yml --vault-id @DIR@/pw.txt", 0,
                        "db_password: s3cr3t-db-Passw0rd\napi_token: \"tok-98765-xyz\"\nport: 5432\n", ""),
                Arguments.of("vault view @DIR@/ansible.yml --vault-id @DIR@/pw2.txt", 1, "",
                        "ansible.yml: Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of("vault encrypt @DIR@/ansible.yml --vault-id @DIR@/pw.txt", 1, "",
                        "ERROR! input is already encrypted"),
                Arguments.of("vault decrypt @DIR@/plain.yml --vault-id @DIR@/pw.txt", 1, "",
                        "is not a vault encrypted file"),
                Arguments.of("vault encrypt @DIR@/plain.yml --vault-id a@@DIR@/pw.txt --vault-id b@@DIR@/pw2.txt", 5,
                        "", "The vault-ids a,b are available to encrypt. Specify the vault-id to encrypt with "
                                + "--encrypt-vault-id"),
                Arguments.of("vault encrypt @DIR@/plain.yml --vault-id a@@DIR@/pw.txt --encrypt-vault-id c", 1, "",
                        "Did not find a match for --encrypt-vault-id=c in the known vault-ids ['a']"),
                Arguments.of("vault encrypt @DIR@/plain.yml", 1, "", "--ask-vault-pass needs a terminal"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("actions")
    void actions(String args, int code, String out, String err) throws IOException {
        String before = read("ansible.yml");
        Run run = jprov(args);
        assertEquals(code, run.code(), run.out() + run.err());
        if (!out.isEmpty()) assertEquals(out, run.out());
        assertTrue(run.err().contains(err), run.err());
        assertEquals(before, read("ansible.yml"), "the ansible-vault fixture is untouched");
        if (code != 0) assertEquals(PLAIN, read("plain.yml"), "a failed action writes nothing");
    }
}
