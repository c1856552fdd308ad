package dev.jprov.inventory;

import dev.jprov.source.FrozenValues;
import java.util.List;
import java.util.Map;

/**
 * A host as loaded: the variables the inventory files set on it (including Ansible's {@code inventory_file} and
 * {@code inventory_dir}, and {@code ansible_port} from a {@code name:port} entry), and every group it belongs
 * to, directly or through a parent, {@code all} included.
 */
public record InventoryHost(String name, Map<String, Object> vars, List<String> groups) {
    public InventoryHost {
        vars = FrozenValues.map(vars);
        groups = List.copyOf(groups);
    }
}
