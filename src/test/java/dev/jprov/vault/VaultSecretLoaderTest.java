package dev.jprov.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which secrets the vault options and environment give, in Ansible's order (CLI.setup_vault_secrets). */
class VaultSecretLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "  alpha \n\n");
        Files.writeString(dir.resolve("b.txt"), "beta\n");
        Files.writeString(dir.resolve("two-lines.txt"), "first\nsecond\n");
        Files.writeString(dir.resolve("empty.txt"), "\n");
        // a password file encrypted with the password in a.txt, as ansible-vault encrypt would write it
        String payload = Aes256.encrypt("gamma\n".getBytes(StandardCharsets.UTF_8),
                "alpha".getBytes(StandardCharsets.UTF_8), new byte[32]);
        Files.writeString(dir.resolve("c.vault"), VaultEnvelope.of(payload, Optional.empty()).format());
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                // {0} --vault-id, {1} --vault-password-file, {2} env, {3} "id=password" in order
                Arguments.of(List.of(), List.of(), Map.of(), List.of()),
                Arguments.of(List.of(), List.of("a.txt"), Map.of(), List.of("default=alpha")),
                // the whole file stripped, not its first line (Ansible's FileVaultSecret)
                Arguments.of(List.of(), List.of("two-lines.txt"), Map.of(), List.of("default=first\nsecond")),
                // --vault-id before --vault-password-file, whatever the command line order
                Arguments.of(List.of("prod@b.txt"), List.of("a.txt"), Map.of(), List.of("prod=beta", "default=alpha")),
                Arguments.of(List.of("b.txt"), List.of(), Map.of(), List.of("default=beta")),
                // the environment: identity list first, password file after the options' files
                Arguments.of(List.of("x@a.txt"), List.of("b.txt"),
                        Map.of("ANSIBLE_VAULT_IDENTITY_LIST", "dev@b.txt", "ANSIBLE_VAULT_PASSWORD_FILE", "a.txt"),
                        List.of("dev=beta", "x=alpha", "default=beta", "default=alpha")),
                // a password file encrypted with an earlier secret
                Arguments.of(List.of("a.txt", "c.vault"), List.of(), Map.of(), List.of("default=alpha", "default=gamma")),
                // a source that fails is skipped while another works
                Arguments.of(List.of("missing.txt", "empty.txt", "b.txt"), List.of(), Map.of(), List.of("default=beta")));
    }

    @ParameterizedTest
    @MethodSource("sources")
    void secretsInAnsiblesOrder(List<String> ids, List<String> files, Map<String, String> env, List<String> expected) {
        VaultSecretLoader.Loaded loaded = new VaultSecretLoader(p -> Optional.empty(), dir, false)
                .load(new VaultOptions(ids, files, false), env);
        assertEquals(expected, loaded.secrets().stream()
                .map(s -> s.id() + "=" + new String(s.password(), StandardCharsets.UTF_8)).toList());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                // {0} --vault-id, {1} message
                Arguments.of(List.of("missing.txt"), "The vault password file @DIR@/missing.txt was not found"),
                Arguments.of(List.of("empty.txt"), "Invalid vault password was provided from file (@DIR@/empty.txt)"),
                Arguments.of(List.of("c.vault"), "@DIR@/c.vault: Attempting to decrypt but no vault secrets found"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void noWorkingSourceIsAnError(List<String> ids, String message) {
        VaultSecretLoader.PasswordSourceException e = assertThrows(VaultSecretLoader.PasswordSourceException.class,
                () -> new VaultSecretLoader(p -> Optional.empty(), dir, false)
                        .load(new VaultOptions(ids, List.of(), false), Map.of()));
        assertEquals(message.replace("@DIR@", dir.toString()), e.getMessage());
    }

    @Test
    void promptsAskOnTheTerminal() {
        StringBuilder asked = new StringBuilder();
        VaultSecretLoader loader = new VaultSecretLoader(p -> {
            asked.append(p).append('|');
            return Optional.of(" typed\n".toCharArray());
        }, dir, false);
        List<VaultSecret> secrets = loader.load(new VaultOptions(List.of("prod@prompt"), List.of(), true), Map.of())
                .secrets();
        assertEquals("Vault password (prod): |Vault password: |", asked.toString());
        assertEquals(List.of(new VaultSecret("prod", "typed".getBytes(StandardCharsets.UTF_8)),
                new VaultSecret("default", "typed".getBytes(StandardCharsets.UTF_8))), secrets);
        VaultSecretLoader.PasswordSourceException e = assertThrows(VaultSecretLoader.PasswordSourceException.class,
                () -> new VaultSecretLoader(p -> Optional.empty(), dir, false)
                        .load(new VaultOptions(List.of("a.txt"), List.of(), true), Map.of()));
        assertEquals("--ask-vault-pass needs a terminal to ask on, and there is none (input or output is redirected): "
                + "give the password with --vault-password-file FILE or --vault-id [ID@]FILE instead", e.getMessage());
    }
}
