package dev.jprov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line parses and hands off to the wiring (run.ApplyJob, run.InventoryJob): commands that stop
 * before any host is reached, with their output and exit codes.
 */
class HandOffTest {
    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(
                // {0}: arguments (@DIR@ is the temp directory), {1}: exit code, {2}: text in stdout or stderr
                Arguments.of("inventory -i @DIR@/hosts.yaml --list", 0, "\"web1\""),
                Arguments.of("inventory -i @DIR@/hosts.yaml --graph", 0, "@web:"),
                Arguments.of("inventory -i @DIR@/hosts.yaml --graph web", 0, "--web1"),
                Arguments.of("inventory -i @DIR@/hosts.yaml --host web1", 0, "\"colour\": \"blue\""),
                Arguments.of("inventory -i @DIR@/broken.yaml --list", 4, "ERROR! "),
                Arguments.of("apply -i @DIR@/hosts.yaml --syntax-check @DIR@/site.yaml", 0, "playbook: "),
                Arguments.of("apply -i @DIR@/hosts.yaml --list-hosts -l web1 @DIR@/site.yaml", 0, "web1"),
                // -e is read by the wiring now: a bad one is a parse error, not an unexpected exception
                Arguments.of("apply -i @DIR@/hosts.yaml --syntax-check -e @@DIR@/broken.yaml @DIR@/site.yaml", 4,
                        "ERROR! "),
                Arguments.of("apply -f 0 @DIR@/site.yaml", 5, "--forks must be at least 1"));
    }

    @ParameterizedTest(name = "jprov {0}")
    @MethodSource("commands")
    void handsOff(String args, int exit, String expected) throws IOException {
        Files.writeString(dir.resolve("hosts.yaml"),
                "all:\n  children:\n    web:\n      hosts:\n        web1:\n          colour: blue\n");
        Files.writeString(dir.resolve("broken.yaml"), "all: [\n");
        Files.writeString(dir.resolve("site.yaml"), "- hosts: web\n  tasks:\n    - debug: msg=hi\n");
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) argv.add(a.replace("@DIR@", dir.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String both = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(exit, code, both);
        assertTrue(both.contains(expected), both);
    }
}
