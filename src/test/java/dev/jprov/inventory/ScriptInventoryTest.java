package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.source.LoadException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executable inventories (small /bin/sh scripts in src/test/resources/inventory/script) as Ansible's script
 * plugin runs them. Their --list/--graph/--host output is compared with ansible-inventory's in
 * {@link AnsibleOutputTest}; here: which plugin reads a file, and the errors, which name the script, its exit
 * code and its stderr (Ansible's wording, recorded with ansible-inventory 2.14.18, plus the exit code).
 */
class ScriptInventoryTest {
    private static final String DIR = Fixtures.dir("script").toString();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("fails.sh", "Inventory script (DIR/fails.sh) had an execution error (exit code 3): "
                        + "cannot reach the CMDB"),
                Arguments.of("badjson.sh", "failed to parse executable inventory script results from DIR/badjson.sh: "
                        + "Unrecognized token 'not': was expecting (JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, "
                        + "Object or token "
                        + "'null', 'true' or 'false') (line 1 column 4)\na warning on stderr"),
                Arguments.of("notdict.sh", "failed to parse executable inventory script results from DIR/notdict.sh: "
                        + "needs to be a json dict"),
                Arguments.of("badhosts.sh", "You defined a group 'web' with bad data for the host list:\n "
                        + "{'hosts': 'web1'}"),
                Arguments.of("emptyhost.sh", "Invalid data from file, expected dictionary and got:\n\nNone\n"
                        + "(the variables of host 'db1', from DIR/emptyhost.sh --host db1)"),
                // not executable but starts with #!: Ansible cannot run it, and no other plugin reads it
                Arguments.of("noexec.sh", "problem running DIR/noexec.sh --list ([Errno 13] Permission denied: "
                        + "'DIR/noexec.sh')\n  not an INI inventory either: DIR/noexec.sh:2: Expected key=value "
                        + "host variable assignment, got: {\"web\": [\"web1\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void errorsNameTheScript(String script, String expected) {
        LoadException e = assertThrows(LoadException.class, () -> Fixtures.load("script", script));
        assertEquals(DIR + "/" + script + ": " + expected.replace("DIR", DIR), e.getMessage());
    }

    @Test
    void withMetaTheScriptIsRunOnceAndHostvarsComeFromIt() {
        // inventory.sh fails when asked --host: _meta.hostvars must be used instead
        Inventory inv = Fixtures.load("script", "inventory.sh");
        // Ansible's order for "all" (ansible all --list-hosts): web3 is one generation further down, in web_eu
        assertEquals(List.of("web1", "web2", "db1", "solo", "web3"), inv.allHosts());
        assertEquals("192.0.2.1", inv.host("web1").orElseThrow().vars().get("ansible_host"));
        assertEquals(DIR + "/inventory.sh", inv.host("web1").orElseThrow().vars().get("inventory_file"));
        assertEquals(3, inv.group("db").orElseThrow().priority());
        assertEquals(List.of("found both a group and a host named 'solo'"), inv.warnings());
    }

    @Test
    void withoutMetaEachHostIsAskedAndMayAnswerYaml() {
        Inventory inv = Fixtures.load("script", "nometa.sh");
        assertEquals("front", inv.host("web1").orElseThrow().vars().get("role"));
        assertEquals(5, inv.host("web2").orElseThrow().vars().get("weight"));
    }

    @Test
    void stderrOfAWorkingScriptIsAWarning() {
        Inventory inv = Fixtures.load("script", "stderr.sh");
        assertEquals(List.of(DIR + "/stderr.sh wrote to stderr: loaded 1 host"), inv.warnings());
    }

    @Test
    void anExecutableYamlFileIsReadAsYaml() {
        // Ansible's script plugin gets "Exec format error" for a file without #!, and the yaml plugin reads it
        Inventory inv = Fixtures.load("script", "executable.yaml");
        assertEquals(List.of("yamlhost"), inv.allHosts());
    }
}
