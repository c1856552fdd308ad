package dev.jprov.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the executor needs of the inventory (implemented over the inventory package by the CLI wiring). */
public interface InventoryView {

    /** Hosts matching a pattern (Ansible's pattern syntax), in inventory order. */
    List<String> match(String pattern);

    /** Group name -> its hosts, for the {@code groups} variable (includes all and ungrouped). */
    Map<String, List<String>> groups();

    /** The groups a host is in, sorted, without all and ungrouped (Ansible's group_names). */
    List<String> groupNames(String host);

    /** Adds or updates a host at run time (add_host, group_by); later plays see it. Thread safe. */
    void addHost(String name, List<String> groups, Map<String, Object> vars);

    /** The host's inventory-level variables (group, group_vars, host, host_vars; with playbook-adjacent dirs). */
    Map<String, Object> vars(String host, List<Path> playbookDirs);

    /**
     * The variables of a name outside the inventory that a task is delegated to: Ansible makes it a new host in no
     * group but all (lib/ansible/vars/manager.py get_delegated_vars), so all's variables apply.
     */
    Map<String, Object> varsOutside(String host, List<Path> playbookDirs);
}
