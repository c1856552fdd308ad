package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A secret (a vault value, say) that a task writes into a file never appears in the shell text sent to the
 * host: file contents travel base64-encoded in a here-document on the script's standard input, so no process on
 * the host has the secret in its argv (visible to every user in ps). Commands the user writes are the user's
 * (issue 16).
 */
class SecretsOffArgvTest {
    static final String SECRET = "S3cret-Off-Argv-77";
    static final EngineRunner RUNNER = new EngineRunner();

    @TempDir
    Path dir;

    static Stream<Arguments> tasks() {
        return Stream.of(
                // {0} task writing the secret into base/f, {1} what the file holds after
                Arguments.of("- copy: {content: \"pw={{ pw }}\\n\", dest: \"{{ base }}/f\"}", "pw=" + SECRET + "\n"),
                Arguments.of("- template: {src: t.j2, dest: \"{{ base }}/f\"}", "pw=" + SECRET + "\n"),
                Arguments.of("- lineinfile: {path: \"{{ base }}/f\", line: \"pw={{ pw }}\", create: true}",
                        "pw=" + SECRET + "\n"),
                Arguments.of("- blockinfile: {path: \"{{ base }}/f\", block: \"pw={{ pw }}\", create: true}",
                        "# BEGIN ANSIBLE MANAGED BLOCK\npw=" + SECRET + "\n# END ANSIBLE MANAGED BLOCK\n"),
                // the no-op row: nothing secret written, nothing to hide
                Arguments.of("- copy: {content: \"plain\\n\", dest: \"{{ base }}/f\"}", "plain\n"));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void fileContentsNeverInScriptText(String task, String content) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/t.j2"), "pw={{ pw }}\n");
        EngineRunner.Run run = RUNNER.run(dir, "vars:\n  pw: " + SECRET + "\ntasks:\n" + task.indent(2));
        assertEquals(1, run.recap().changed(), run.toString());
        assertEquals(content, Files.readString(EngineRunner.base(dir).resolve("f")));
        assertTrue(run.trips().stream().anyMatch(t -> t.kind() == RecordingShell.Kind.CHANGE), run.toString());
        for (RecordingShell.Trip t : run.trips()) {
            assertFalse(t.script().contains(SECRET), "the secret is in a script sent to the host:\n" + t.script());
        }
    }
}
