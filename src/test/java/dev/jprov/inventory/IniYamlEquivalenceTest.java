package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * iniyaml/hosts.ini and iniyaml/hosts.yaml write one inventory in the two formats: the loaded Inventory is the
 * same (groups with their hosts, children, parents, variables, depth and priority; hosts with their groups and
 * variables), apart from inventory_file and inventory_dir, which name the file.
 */
class IniYamlEquivalenceTest {

    @Test
    void sameInventoryFromIniAndYaml() {
        Inventory ini = Fixtures.load("iniyaml", "hosts.ini");
        Inventory yaml = Fixtures.load("iniyaml", "hosts.yaml");
        assertEquals(yaml.groups(), ini.groups());
        assertEquals(hosts(yaml), hosts(ini));
        for (String host : yaml.allHosts()) {
            assertEquals(InventoryJson.hostVars(yaml, host), InventoryJson.hostVars(ini, host), host);
        }
        assertEquals(List.of(), ini.warnings());
    }

    @Test
    void typedValuesAreTheSame() {
        // literal_eval in [web:vars] gives what YAML gives: int, bool, float, None, a dict with a list
        Map<String, Object> web = Fixtures.load("iniyaml", "hosts.ini").group("web").orElseThrow().vars();
        assertEquals(Map.of("a", 1, "b", List.of(1, 2)), web.get("nested"));
        assertEquals(Boolean.TRUE, web.get("enabled"));
        assertEquals(0.5, web.get("ratio"));
        assertEquals(null, web.get("nothing"));
        assertEquals("Welcome, friend", web.get("motd"));
    }

    private static Map<String, Object> hosts(Inventory inv) {
        Map<String, Object> out = new LinkedHashMap<>();
        inv.hosts().forEach((name, h) -> {
            Map<String, Object> vars = new LinkedHashMap<>(h.vars());
            vars.remove("inventory_file");
            vars.remove("inventory_dir");
            out.put(name, List.of(h.groups(), vars));
        });
        return out;
    }
}
