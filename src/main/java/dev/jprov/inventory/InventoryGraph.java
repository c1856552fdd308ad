package dev.jprov.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code jprov inventory --graph [GROUP]}: ansible-inventory's tree, a group's child groups first and then its own
 * hosts, {@code  |--} per level; a group under several parents is drawn under each.
 * <pre>
 * &#64;all:
 *   |--&#64;ungrouped:
 *   |  |--host1
 * </pre>
 */
public final class InventoryGraph {
    private InventoryGraph() {}

    public static String render(Inventory inventory) {
        return render(inventory, InventoryBuilder.ALL);
    }

    /** @throws HostPatternException when {@code group} is not a group of the inventory */
    public static String render(Inventory inventory, String group) {
        if (inventory.group(group).isEmpty()) {
            throw new HostPatternException("Pattern must be valid group name when using --graph");
        }
        List<String> lines = new ArrayList<>();
        graph(inventory, group, 0, lines);
        return String.join("\n", lines) + "\n";
    }

    private static void graph(Inventory inventory, String name, int depth, List<String> lines) {
        InventoryGroup g = inventory.group(name).orElseThrow();
        lines.add(line("@" + name + ":", depth));
        for (String child : g.children()) graph(inventory, child, depth + 1, lines);
        if (!name.equals(InventoryBuilder.ALL)) {
            for (String host : g.hosts()) lines.add(line(host, depth + 1));
        }
    }

    private static String line(String text, int depth) {
        return depth == 0 ? text : "  |".repeat(depth) + "--" + text;
    }
}
