package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.LoadException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The loaded structure: groups, memberships, depths, ports, implicit groups, several sources. */
class InventoryLoadTest {

    static Stream<Arguments> groupsOfHosts() {
        return Stream.of(
                Arguments.of("lonely", List.of("ungrouped")),
                Arguments.of("bastion.example.com", List.of("ungrouped")),
                Arguments.of("2001:db8::10", List.of("ungrouped")),
                Arguments.of("web01", List.of("web", "web_eu")),
                Arguments.of("web02", List.of("db", "web")),
                Arguments.of("weba.example.com", List.of("web")),
                Arguments.of("db5", List.of("db")),
                Arguments.of("198.18.0.2", List.of("db")),
                Arguments.of("shared1", List.of("db", "shared", "web")));
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @MethodSource("groupsOfHosts")
    void groupNames(String host, List<String> expected) {
        Inventory inv = Fixtures.load("basic", "hosts.yaml");
        assertEquals(expected, inv.groupNames(host));
        assertTrue(inv.host(host).orElseThrow().groups().contains("all"));
    }

    @Test
    void rangesExpandInOrderAndPortsBecomeAnsiblePort() {
        Inventory inv = Fixtures.load("basic", "hosts.yaml");
        assertEquals(List.of("web01", "web02", "web03", "weba.example.com", "webb.example.com"),
                inv.group("web").orElseThrow().hosts());
        assertEquals(List.of("db1", "db5", "db9", "web02", "198.18.0.1", "198.18.0.2"),
                inv.group("db").orElseThrow().hosts());
        assertEquals(2222, inv.host("bastion.example.com").orElseThrow().vars().get("ansible_port"));
        assertEquals(2200, inv.host("2001:db8::10").orElseThrow().vars().get("ansible_port"));
        assertEquals(null, inv.host("lonely").orElseThrow().vars().get("ansible_port"));
    }

    @Test
    void implicitGroupsAndDepths() {
        Inventory inv = Fixtures.load("basic", "hosts.yaml");
        assertEquals(List.of("all", "ungrouped", "web", "web_eu", "shared", "db", "empty"),
                List.copyOf(inv.groups().keySet()));
        assertEquals(List.of("ungrouped", "web", "db", "empty"), inv.group("all").orElseThrow().children());
        assertEquals(0, inv.group("all").orElseThrow().depth());
        assertEquals(1, inv.group("ungrouped").orElseThrow().depth());
        assertEquals(2, inv.group("shared").orElseThrow().depth());
        assertEquals(List.of("web", "db"), inv.group("shared").orElseThrow().parents());
        assertEquals(5, inv.group("db").orElseThrow().priority());
        assertEquals(1, inv.group("web").orElseThrow().priority());
        assertEquals(List.of(), inv.group("empty").orElseThrow().hosts());
    }

    @Test
    void inventoryFileAndDirAreHostVars() {
        Inventory inv = Fixtures.load("basic", "hosts.yaml");
        Path file = Fixtures.dir("basic/hosts.yaml");
        Map<String, Object> vars = inv.host("lonely").orElseThrow().vars();
        assertEquals(file.toString(), vars.get("inventory_file"));
        assertEquals(file.getParent().toString(), vars.get("inventory_dir"));
    }

    @Test
    void severalSourcesMergeInOrder() {
        Inventory ab = Fixtures.load("multi", "a.yaml", "b.yaml");
        // the first source that names a host sets its port; later sources add groups and override vars
        assertEquals(2201, ab.host("w1").orElseThrow().vars().get("ansible_port"));
        assertEquals("b", ab.host("w1").orElseThrow().vars().get("x"));
        assertEquals("web-b", ab.group("web").orElseThrow().vars().get("v"));
        assertEquals(List.of("w1", "lone", "d1", "w2"), ab.allHosts());
        Inventory ba = Fixtures.load("multi", "b.yaml", "a.yaml");
        assertEquals(2202, ba.host("w1").orElseThrow().vars().get("ansible_port"));
        assertEquals("a", ba.host("w1").orElseThrow().vars().get("x"));
        assertEquals("web-a", ba.group("web").orElseThrow().vars().get("v"));
    }

    @Test
    void directorySourceSkipsWhatAnsibleIgnores() {
        Inventory inv = Fixtures.load("dirsource", "inv");
        assertEquals(List.of("web1", "web2", "web3", "db1", "lone"), List.copyOf(inv.hosts().keySet()));
        // README.md and legacy.ini are Ansible-ignored extensions; .hidden.yaml is hidden: no warning, no host
        assertEquals(List.of(), inv.warnings());
        assertEquals("from-group-vars", inv.varsFor("web1", List.of()).get("role"));
    }

    @Test
    void hostListSource() {
        Inventory inv = Inventory.load(List.of("h1,h2:2222,"), Fixtures.dir("hostlist"));
        assertEquals(List.of("h1", "h2"), inv.group("ungrouped").orElseThrow().hosts());
        assertEquals(2222, inv.host("h2").orElseThrow().vars().get("ansible_port"));
    }

    @Test
    void emptyFileAddsNothingAndNoWarning() {
        // Ansible's yaml plugin refuses an empty file; the ini plugin then reads it as an inventory with no hosts
        Inventory inv = Fixtures.load("emptyfile", "empty.yaml", "hosts.yaml");
        assertEquals(List.of("only"), inv.allHosts());
        assertEquals(List.of(), inv.warnings());
    }

    @Test
    void missingSourceIsAnError() {
        LoadException e = assertThrows(LoadException.class, () -> Fixtures.load("basic", "nope.yaml"));
        assertEquals(Fixtures.dir("basic/nope.yaml") + ": inventory source not found", e.getMessage());
    }

    @Test
    void groupNameThatIsNotAVariableNameWarns() {
        Inventory inv = Fixtures.load("emptyfile", "dashes.yaml");
        assertEquals(List.of("group name 'web-servers' is not a valid variable name; use letters, digits and '_' "
                + "so that it can be used in templates"), inv.warnings());
        assertEquals(List.of("w1"), inv.hostsOf("web-servers"));
    }
}
