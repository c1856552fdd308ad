package dev.jprov.inventory;

import dev.jprov.source.FrozenValues;
import java.util.List;
import java.util.Map;

/**
 * A group as loaded: its own variables from the inventory files (group_vars/ are kept apart, see
 * {@link Inventory#varsFor}), its child groups and direct hosts in the order written, its parents, its depth
 * (longest path from {@code all}) and its {@code ansible_group_priority} (default 1), which with the depth
 * and the name decides whose variables win for a host in several groups.
 */
public record InventoryGroup(String name, Map<String, Object> vars, List<String> children, List<String> parents,
                             List<String> hosts, int depth, int priority) {
    public InventoryGroup {
        vars = FrozenValues.map(vars);
        children = List.copyOf(children);
        parents = List.copyOf(parents);
        hosts = List.copyOf(hosts);
    }
}
