package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inventory variable precedence. The fixture sets, at each of the twelve levels, {@code upto_L} for every level L at
 * or above it; so {@code upto_L} must come from level L, which fails if any two levels are in the wrong order.
 * The expected values were produced by ansible-playbook 2.14 on the same files (precedence/expected-h1.json).
 */
class VarsPrecedenceTest {
    private static final List<String> LEVELS = List.of("inv_all", "inv_parent", "inv_child", "inv_gv_all",
            "pb_gv_all", "inv_gv_parent", "inv_gv_child", "pb_gv_parent", "pb_gv_child", "inv_host", "inv_hv", "pb_hv");

    private static Map<String, Object> h1() {
        Inventory inv = Fixtures.load("precedence", "inventory/hosts.yaml");
        return inv.varsFor("h1", List.of(Fixtures.dir("precedence/playbook")));
    }

    static Stream<String> levels() {
        return LEVELS.stream();
    }

    @ParameterizedTest(name = "upto_{0} comes from {0}")
    @MethodSource("levels")
    void eachLevelBeatsTheOnesBelow(String level) {
        Map<String, Object> vars = h1();
        assertEquals(level, vars.get("upto_" + level));
        assertEquals(true, vars.get("only_" + level));
    }

    @Test
    void sameAsAnsiblePlaybook() {
        Map<String, Object> vars = new LinkedHashMap<>(h1());
        vars.keySet().removeIf(k -> !k.startsWith("upto_") && !k.startsWith("only_"));
        assertEquals(Fixtures.read("precedence/expected-h1.json"), InventoryJson.JSON.write(vars));
    }

    @Test
    void withoutPlaybookDirectoryItsLevelsAreAbsent() {
        Inventory inv = Fixtures.load("precedence", "inventory/hosts.yaml");
        Map<String, Object> vars = inv.varsFor("h1", List.of());
        assertEquals("inv_gv_all", vars.get("upto_pb_gv_all"));
        assertEquals("inv_gv_child", vars.get("upto_pb_gv_child"));
        assertEquals("inv_hv", vars.get("upto_pb_hv"));
        assertEquals(null, vars.get("only_pb_gv_all"));
    }

    static Stream<Arguments> priority() {
        return Stream.of(
                // host, variable, expected: same depth sorts by ansible_group_priority then name; deeper wins
                Arguments.of("h1", "w", "a"),
                Arguments.of("h1", "v", "b"),
                Arguments.of("h1", "d", Map.of("from_a", 1)),
                Arguments.of("h2", "w", "z"),
                Arguments.of("h2", "d", Map.of("from_all", 1)),
                // group_vars files do not set the priority, they just hold a variable of that name
                Arguments.of("h1", "ansible_group_priority", 99));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("priority")
    void groupOrder(String host, String var, Object expected) {
        Inventory inv = Fixtures.load("priority", "hosts.yaml");
        assertEquals(expected, inv.varsFor(host, List.of()).get(var));
    }

    @Test
    void groupsByPrecedenceOrder() {
        Inventory inv = Fixtures.load("priority", "hosts.yaml");
        assertEquals(List.of("c", "z", "a", "b"),
                inv.groupsByPrecedence("h1").stream().map(InventoryGroup::name).toList());
    }

    @Test
    void noVarsAnywhereGivesOnlyInventoryFileAndDir() {
        Inventory inv = Fixtures.load("novars", "hosts.yaml");
        Path file = Fixtures.dir("novars/hosts.yaml");
        assertEquals(Map.of("inventory_file", file.toString(), "inventory_dir", file.getParent().toString()),
                inv.varsFor("quiet", List.of(Fixtures.dir("novars"))));
    }

    @Test
    void implicitLocalhostGetsAllGroupVarsAndLocalConnection() {
        Inventory inv = Fixtures.load("precedence", "inventory/hosts.yaml");
        Map<String, Object> vars = inv.varsFor("localhost", List.of());
        assertEquals("local", vars.get("ansible_connection"));
        assertEquals("inv_gv_all", vars.get("upto_inv_gv_all"));
        assertEquals("inv_all", vars.get("upto_inv_parent"));
        assertThrows(IllegalArgumentException.class, () -> inv.varsFor("nosuchhost", List.of()));
    }

    @Test
    void magicVars() {
        Inventory inv = Fixtures.load("basic", "hosts.yaml");
        assertEquals(Map.of("inventory_hostname", "weba.example.com", "inventory_hostname_short", "weba",
                "group_names", List.of("web")), inv.magicVars("weba.example.com"));
        assertEquals("198.18.0.1", inv.magicVars("198.18.0.1").get("inventory_hostname_short"));
        assertEquals(List.of("shared1"), inv.groupsVariable().get("shared"));
        assertEquals(inv.allHosts(), inv.groupsVariable().get("all"));
    }
}
