package dev.jprov.inventory;

import dev.jprov.pyformat.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code jprov inventory --list} and {@code --host NAME}: the same JSON text as ansible-inventory prints (sorted
 * keys, four-space indent, trailing newline). In {@code --list} a group appears with its hosts and children when it
 * has any ({@code all} without hosts, an empty group only in its parent's children), and {@code _meta.hostvars}
 * holds each host's merged inventory variables without Ansible's internal ones, hosts without variables left out.
 */
public final class InventoryJson {
    /** ansible-inventory's json.dumps(sort_keys=True, indent=4, ensure_ascii=False). */
    static final PythonJson JSON = PythonJson.dumps(4, true, false);

    /** Variables ansible-inventory never shows (its INTERNAL_VARS). */
    static final Set<String> INTERNAL_VARS = Set.of("ansible_diff_mode", "ansible_config_file", "ansible_facts",
            "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python",
            "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir",
            "inventory_file", "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit",
            "playbook_dir");

    private InventoryJson() {}

    /** ansible-inventory --list. */
    public static String list(Inventory inventory) {
        return JSON.write(listData(inventory)) + "\n";
    }

    /** The value ansible-inventory --list prints. */
    static Map<String, Object> listData(Inventory inventory) {
        Map<String, Object> results = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        formatGroup(inventory, InventoryBuilder.ALL, results, seen);
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (String host : inventory.allHosts()) {
            Map<String, Object> vars = hostVars(inventory, host);
            if (!vars.isEmpty()) hostvars.put(host, vars);
        }
        results.put("_meta", Map.of("hostvars", hostvars));
        return results;
    }

    /**
     * ansible-inventory --host PATTERN: the variables of the one host the pattern selects.
     * @throws HostPatternException when the pattern does not select exactly one host
     */
    public static String host(Inventory inventory, String pattern) {
        List<String> hosts = HostPattern.parse(pattern).select(inventory).hosts();
        if (hosts.size() != 1) throw new HostPatternException("You must pass a single valid host to --host parameter");
        return JSON.write(hostVars(inventory, hosts.get(0))) + "\n";
    }

    /** A host's merged inventory variables as ansible-inventory shows them. */
    static Map<String, Object> hostVars(Inventory inventory, String host) {
        Map<String, Object> vars = inventory.varsFor(host, List.of());
        vars.keySet().removeAll(INTERNAL_VARS);
        return vars;
    }

    private static void formatGroup(Inventory inventory, String name, Map<String, Object> results, Set<String> seen) {
        InventoryGroup g = inventory.group(name).orElseThrow();
        Map<String, Object> entry = new LinkedHashMap<>();
        if (!name.equals(InventoryBuilder.ALL) && !g.hosts().isEmpty()) entry.put("hosts", new ArrayList<>(g.hosts()));
        if (!g.children().isEmpty()) entry.put("children", new ArrayList<>(g.children()));
        for (String child : g.children()) {
            if (seen.add(child)) formatGroup(inventory, child, results, seen);
        }
        if (!entry.isEmpty()) results.put(name, entry);
    }
}
