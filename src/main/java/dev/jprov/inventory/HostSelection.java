package dev.jprov.inventory;

import java.util.List;

/**
 * The hosts a pattern selects, in inventory order, without duplicates; and the parts of the pattern that matched
 * no host or group, for which Ansible prints "Could not match supplied host pattern, ignoring: X".
 */
public record HostSelection(List<String> hosts, List<String> unmatched) {
    public HostSelection {
        hosts = List.copyOf(hosts);
        unmatched = List.copyOf(unmatched);
    }

    public boolean isEmpty() {
        return hosts.isEmpty();
    }
}
