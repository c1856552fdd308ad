package dev.jprov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A playbook with a vault-encrypted vars_files entry, a {@code !vault} inventory variable, and a vault-encrypted
 * file used as copy src, template src and lookup('file'), run on a local host (src/test/resources/vault/play,
 * made with ansible-vault 2.14). The host gets the secrets as ansible-playbook 2.14 wrote them there; no output
 * channel shows them at -vvv with --diff.
 */
class VaultApplyTest {
    /** Every plaintext of the fixtures that must never be printed. */
    static final List<String> SECRETS = List.of("s3cr3t-db-Passw0rd", "inv-S3cret-value", "tok-98765-xyz",
            "TOPSECRET-LINE-42", "line one of secret file", "R0le-Default-Secret", "Extra-Vars-Secret-9");

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path from = Path.of(VaultApplyTest.class.getResource("/vault/play").toURI());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
    }

    record Run(int code, String out, String err) {
        String both() {
            return out + err;
        }
    }

    Run jprov(String... args) {
        List<String> argv = new ArrayList<>();
        for (String a : args) argv.add(a.replace("@DIR@", dir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void hostGetsTheSecretsAndNoOutputShowsThem() {
        Run run = jprov("apply", "-i", "@DIR@/hosts.yaml", "@DIR@/site.yaml", "--vault-password-file",
                "@DIR@/pw.txt", "-e", "base=@DIR@/out", "-e", "@@DIR@/extra.enc.yml", "-D", "-vvv", "--json", "@DIR@/events.json", "--report",
                "@DIR@/review.md");
        assertEquals(0, run.code(), run.both());
        // What ansible-playbook 2.14 wrote on the host from the same fixture.
        assertEquals("db=s3cr3t-db-Passw0rd inv=inv-S3cret-value\n", read("out/app.conf"));
        assertEquals("db=s3cr3t-db-Passw0rd\ntoken=tok-98765-xyz\n", read("out/app-from-template.conf"));
        assertEquals("line one of secret file\nTOPSECRET-LINE-42\n", read("out/vaulted-template.txt"));
        assertEquals("line one of secret file\nTOPSECRET-LINE-42\n", read("out/secret.txt"));
        assertEquals("line one of secret file\nTOPSECRET-LINE-42\n", read("out/unvaulted.txt"), "lookup unvault");
        assertEquals(read("files/secret.enc"), read("out/still-encrypted.txt"), "copy decrypt=false copies as is");
        // an encrypted role defaults file and an encrypted -e @file
        assertEquals("role=R0le-Default-Secret extra=Extra-Vars-Secret-9\n", read("out/role.conf"));
        String events = read("events.json");
        String review = read("review.md");
        for (String secret : SECRETS) {
            assertFalse(run.both().contains(secret), secret + " in the console:\n" + run.both());
            assertFalse(events.contains(secret), secret + " in the JSON lines:\n" + events);
            assertFalse(review.contains(secret), secret + " in the review:\n" + review);
        }
        // Masked where they were, in every channel: a diff line, a debug var, the failed task's message.
        assertTrue(run.out().contains("+db=********\n+token=********\n"), run.out());
        assertTrue(run.out().contains("\"db_password\": \"********\""), run.out());
        assertTrue(run.out().contains("\"msg\": \"token ******** is here\""), run.out());
        assertTrue(events.contains("+line one of secret file".replace("line one of secret file", "********")), events);
        assertTrue(review.contains("+db=******** inv=********"), review);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // {0} vault arguments (space-separated, "" none), {1} exit code, {2} expected in stderr
                Arguments.of("", 4, "hosts.yaml:6:19: Attempting to decrypt but no vault secrets found"),
                Arguments.of("--vault-password-file @DIR@/wrong.txt", 4,
                        "hosts.yaml:6:19: Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of("--vault-id prod@@DIR@/wrong.txt", 4,
                        "Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of("--vault-password-file @DIR@/missing.txt", 1,
                        "ERROR! The vault password file @DIR@/missing.txt was not found"),
                Arguments.of("--ask-vault-pass", 1, "--ask-vault-pass needs a terminal"),
                Arguments.of("--ask-vault-pass --vault-password-file @DIR@/pw.txt", 5,
                        "--vault-password-file/--vault-pass-file: not allowed with argument"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void badOrMissingPasswordsAreClearErrors(String vault, int code, String message) {
        List<String> args = new ArrayList<>(List.of("apply", "-i", "@DIR@/hosts.yaml", "@DIR@/site.yaml", "-e",
                "base=@DIR@/out", "-e", "@@DIR@/extra.enc.yml"));
        if (!vault.isEmpty()) args.addAll(List.of(vault.split(" ")));
        Run run = jprov(args.toArray(String[]::new));
        assertEquals(code, run.code(), run.both());
        assertTrue(run.err().contains(message.replace("@DIR@", dir.toString())), run.both());
        assertFalse(Files.exists(dir.resolve("out")), "nothing ran");
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                // {0} vault arguments; the run works and writes the decrypted file
                Arguments.of("--vault-password-file @DIR@/pw.txt"),
                Arguments.of("--vault-pass-file @DIR@/pw.txt"),
                // a failing source warns while another works; secrets are tried in order
                Arguments.of("--vault-id prod@@DIR@/wrong.txt --vault-id @DIR@/missing.txt --vault-id dev@@DIR@/pw.txt"),
                // an executable file is a script whose output is the password
                Arguments.of("--vault-password-file @DIR@/pw-script.sh"),
                // a *-client script is asked for the id it is given
                Arguments.of("--vault-id prod@@DIR@/pw-client.sh"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("accepted")
    void passwordSources(String vault) throws IOException {
        Files.writeString(dir.resolve("pw-script.sh"), "#!/bin/sh\necho hunter2pass\n");
        Files.writeString(dir.resolve("pw-client.sh"),
                "#!/bin/sh\n[ \"$1 $2\" = \"--vault-id prod\" ] || exit 2\necho hunter2pass\n");
        for (String s : List.of("pw-script.sh", "pw-client.sh")) {
            Files.setPosixFilePermissions(dir.resolve(s), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> args = new ArrayList<>(List.of("apply", "-i", "@DIR@/hosts.yaml", "@DIR@/site.yaml", "-e",
                "base=@DIR@/out", "-e", "@@DIR@/extra.enc.yml"));
        args.addAll(List.of(vault.split(" ")));
        Run run = jprov(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.both());
        assertEquals("line one of secret file\nTOPSECRET-LINE-42\n", read("out/secret.txt"));
    }

    /** The !vault block of hosts.yaml (inv-S3cret-value), indented for a task list item. */
    String vaultBlock(String indent) {
        StringBuilder out = new StringBuilder("!vault |\n");
        read("hosts.yaml").lines().dropWhile(l -> !l.contains("$ANSIBLE_VAULT"))
                .forEach(l -> out.append(indent).append(l.strip()).append('\n'));
        return out.toString();
    }

    static Stream<Arguments> printedByTheJob() {
        return Stream.of(
                // {0} tasks (VAULT is a !vault value), {1} exit code, {2} expected in the output
                Arguments.of("    - name: VAULT      debug: msg=hi\n", 0, "      ********\tTAGS: []"),
                Arguments.of("    - VAULT", 4, "a task must be a mapping of keywords (for example '- name: ...' with a "
                        + "module), got a string ('********')"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("printedByTheJob")
    void whatTheJobPrintsItselfIsMaskedToo(String tasks, int code, String expected) throws IOException {
        Files.writeString(dir.resolve("names.yaml"), "- hosts: all\n  tasks:\n"
                + tasks.replace("VAULT", vaultBlock("        ")));
        Run run = jprov("apply", "-i", "@DIR@/hosts.yaml", "@DIR@/names.yaml", "--list-tasks",
                "--vault-password-file", "@DIR@/pw.txt");
        assertEquals(code, run.code(), run.both());
        assertFalse(run.both().contains("inv-S3cret-value"), run.both());
        assertTrue(run.both().contains(expected), run.both());
    }

    @Test
    void inventoryShowsVaultValuesEncryptedAsAnsibleInventory() throws IOException {
        // ansible-inventory 2.14 prints a !vault value as {"__ansible_vault": ENVELOPE}, password or not.
        Run run = jprov("inventory", "-i", "@DIR@/hosts.yaml", "--host", "local1");
        assertEquals(0, run.code(), run.both());
        assertTrue(run.out().contains("\"inv_secret\": {\n        \"__ansible_vault\": \"$ANSIBLE_VAULT;1.1;AES256\\n"
                + "62616533623038303965366338653530633431346563353739613539613966653334666539396535\\n"), run.out());
        // An encrypted group_vars file needs the password, and is shown decrypted with it, as ansible-inventory does.
        Files.createDirectories(dir.resolve("group_vars"));
        Files.copy(dir.resolve("secrets.yml"), dir.resolve("group_vars/all.yml"));
        Run without = jprov("inventory", "-i", "@DIR@/hosts.yaml", "--host", "local1");
        assertEquals(4, without.code(), without.both());
        assertTrue(without.err().contains("group_vars/all.yml: Attempting to decrypt but no vault secrets found"),
                without.both());
        Run with = jprov("inventory", "-i", "@DIR@/hosts.yaml", "--host", "local1", "--vault-id", "@DIR@/pw.txt");
        assertEquals(0, with.code(), with.both());
        assertTrue(with.out().contains("\"db_password\": \"s3cr3t-db-Passw0rd\""), with.out());
    }

    @Test
    void anEncryptedIniInventoryIsReadWithThePassword() {
        // hosts.enc.ini: "[web]\nw1 ansible_host=10.0.0.5 http_port=8080\n\n[web:vars]\ntier=front\n", encrypted with
        // ansible-vault --vault-password-file pw.txt; ansible-inventory 2.14 --list printed this for it.
        Run without = jprov("inventory", "-i", "@DIR@/hosts.enc.ini", "--list");
        assertEquals(4, without.code(), without.both());
        assertTrue(without.err().contains("hosts.enc.ini: Attempting to decrypt but no vault secrets found"), without.both());
        Run with = jprov("inventory", "-i", "@DIR@/hosts.enc.ini", "--list", "--vault-password-file", "@DIR@/pw.txt");
        assertEquals(0, with.code(), with.both());
        assertEquals("""
                {
                    "_meta": {
                        "hostvars": {
                            "w1": {
                                "ansible_host": "10.0.0.5",
                                "http_port": 8080,
                                "tier": "front"
                            }
                        }
                    },
                    "all": {
                        "children": [
                            "ungrouped",
                            "web"
                        ]
                    },
                    "web": {
                        "hosts": [
                            "w1"
                        ]
                    }
                }
                """, with.out());
    }

    /** include_vars opens an encrypted vars file and {@code !vault} values as vars_files does; no output shows them. */
    @Test
    void includeVarsOpensEncryptedFilesAndVaultValues() throws IOException {
        String inventory = Files.readString(dir.resolve("hosts.yaml"));
        String value = inventory.substring(inventory.indexOf("inv_secret:")).lines()
                .map(l -> l.strip().startsWith("inv_secret:") ? "inline_secret: !vault |" : "  " + l.strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        Files.writeString(dir.resolve("inline.yml"), value + "\n");
        Files.writeString(dir.resolve("inc.yaml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include_vars: secrets.yml
                    - include_vars: {file: inline.yml}
                    - file: path={{ base }} state=directory
                    - copy: {content: "{{ db_password }} {{ inline_secret }}\\n", dest: "{{ base }}/included.txt"}
                """);
        Run run = jprov("apply", "-i", "@DIR@/hosts.yaml", "@DIR@/inc.yaml", "--vault-password-file", "@DIR@/pw.txt",
                "-e", "base=@DIR@/out", "-v");
        assertEquals(0, run.code(), run.both());
        assertEquals("s3cr3t-db-Passw0rd inv-S3cret-value\n", read("out/included.txt"));
        for (String secret : List.of("s3cr3t-db-Passw0rd", "inv-S3cret-value")) {
            assertFalse(run.both().contains(secret), run.both());
        }
    }
}
