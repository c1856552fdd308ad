package dev.jprov.run;

import dev.jprov.engine.InventoryView;
import dev.jprov.inventory.HostPattern;
import dev.jprov.inventory.Inventory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The executor's view of the loaded inventory. */
final class InventoryAdapter implements InventoryView {
    // Replaced (never changed in place) when add_host/group_by add to it, so readers always see a whole one.
    private volatile Inventory inventory;
    private volatile Map<String, List<String>> groups;

    InventoryAdapter(Inventory inventory) {
        this.inventory = inventory;
        this.groups = inventory.groupsVariable();
    }

    @Override
    public synchronized void addHost(String name, List<String> groupNames, Map<String, Object> vars) {
        Inventory next = inventory.withHost(name, groupNames, vars);
        groups = next.groupsVariable();
        inventory = next;
    }

    @Override
    public List<String> match(String pattern) {
        return HostPattern.parse(pattern).select(inventory).hosts();
    }

    @Override
    public Map<String, List<String>> groups() {
        return groups;
    }

    @Override
    public List<String> groupNames(String host) {
        return inventory.groupNames(host);
    }

    @Override
    public Map<String, Object> vars(String host, List<Path> playbookDirs) {
        return inventory.varsFor(host, playbookDirs);
    }

    @Override
    public Map<String, Object> varsOutside(String host, List<Path> playbookDirs) {
        // a copy with the host added (in ungrouped, as Ansible's new Host is in no group of its own); not kept
        return inventory.withHost(host, List.of(), Map.of()).varsFor(host, playbookDirs);
    }
}
