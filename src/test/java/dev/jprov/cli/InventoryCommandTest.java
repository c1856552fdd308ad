package dev.jprov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jprov inventory} end to end: stdout is byte for byte what ansible-inventory 2.14 printed for the same
 * arguments (recorded next to the inventory fixtures), whatever the inventory's kind; stderr and exit codes.
 */
class InventoryCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/inventory").toAbsolutePath();

    static Stream<Arguments> runs() {
        return Stream.of(
                // {0}: arguments, @F@ is the fixture directory; {1}: exit code; {2}: expected stdout file; {3} stderr
                Arguments.of("inventory -i @F@/iniyaml/hosts.ini --list", 0, "iniyaml/list.json", ""),
                Arguments.of("inventory -i @F@/iniyaml/hosts.ini --graph", 0, "iniyaml/graph.txt", ""),
                Arguments.of("inventory -i @F@/iniyaml/hosts.ini --host web01", 0, "iniyaml/host-web01.json", ""),
                Arguments.of("inventory -i @F@/script/inventory.sh --list", 0, "script/inventory-list.json",
                        "[WARNING]: found both a group and a host named 'solo'\n"),
                Arguments.of("inventory -i @F@/mixed/inv -i @F@/mixed/extra.ini --list", 0, "mixed/list.json", ""),
                Arguments.of("inventory -i @F@/script/fails.sh --list", 4, null,
                        "ERROR! @F@/script/fails.sh: Inventory script (@F@/script/fails.sh) had an execution error "
                                + "(exit code 3): cannot reach the CMDB\n"));
    }

    @ParameterizedTest(name = "jprov {0}")
    @MethodSource("runs")
    void printsWhatAnsibleInventoryPrints(String args, int exit, String expectedOut, String expectedErr)
            throws IOException {
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) argv.add(a.replace("@F@", FIXTURES.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(exit, code, stderr);
        String expected = expectedOut == null ? "" : Files.readString(FIXTURES.resolve(expectedOut));
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        assertEquals(expectedErr.replace("@F@", FIXTURES.toString()), stderr);
    }
}
