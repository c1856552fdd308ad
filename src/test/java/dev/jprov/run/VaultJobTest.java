package dev.jprov.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.YamlReader;
import dev.jprov.vault.SecretMask;
import dev.jprov.vault.Vault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The vault wiring's use of the environment and of stdin, which the command-line tests cannot set. */
class VaultJobTest {
    @TempDir
    Path dir;

    static Stream<Arguments> environments() {
        return Stream.of(
                // {0} environment (@DIR@ is the temp dir), {1} secret ids the run gets
                Arguments.of(Map.of(), List.of()),
                Arguments.of(Map.of("ANSIBLE_VAULT_PASSWORD_FILE", "@DIR@/pw.txt"), List.of("default")),
                Arguments.of(Map.of("ANSIBLE_VAULT_IDENTITY_LIST", "prod@@DIR@/pw.txt,dev@@DIR@/pw.txt"),
                        List.of("prod", "dev")));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void applyReadsThePasswordFileFromTheEnvironment(Map<String, String> env, List<String> ids) throws IOException {
        Files.writeString(dir.resolve("pw.txt"), "hunter2pass\n");
        Map<String, String> resolved = new java.util.HashMap<>();
        env.forEach((k, v) -> resolved.put(k, v.replace("@DIR@", dir.toString())));
        Vault vault = new VaultSetup(VaultRequest.NONE, resolved, dir, p -> Optional.empty())
                .open(new SecretMask(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(ids, vault.secrets().stream().map(s -> s.id()).toList());
    }

    @Test
    void encryptStringReadsStdin() throws IOException {
        Files.writeString(dir.resolve("pw.txt"), "hunter2pass\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VaultJob job = new VaultJob(new VaultRequest(List.of(), List.of(dir.resolve("pw.txt").toString()), false),
                Optional.empty(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream("from stdin\n".getBytes(StandardCharsets.UTF_8)), Map.of(),
                p -> Optional.empty());
        assertEquals(ExitCode.OK, job.run(new VaultJob.EncryptString(List.of("arg"), List.of(), Optional.of("s"), true)));
        String yaml = out.toString(StandardCharsets.UTF_8);
        assertTrue(yaml.startsWith("s: !vault |\n"), yaml);
        Vault vault = new VaultSetup(new VaultRequest(List.of(dir.resolve("pw.txt").toString()), List.of(), false),
                Map.of(), dir, p -> Optional.empty()).open(new SecretMask(), System.err);
        // the second block has no name: make it a list item to read both back
        String both = "a:\n  " + yaml.replace("\n", "\n  ").replace("  !vault", "  b: !vault") + "\n";
        assertEquals(Map.of("a", Map.of("s", "from stdin\n", "b", "arg")),
                new YamlReader(vault).read(dir.resolve("x.yml"), both).toPlain());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "# The encrypted version of the string #2 from the command line args.)"), err.toString());
    }
}
