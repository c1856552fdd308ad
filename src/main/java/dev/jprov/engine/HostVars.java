package dev.jprov.engine;

import dev.jprov.playbook.Play;
import dev.jprov.playbook.RoleUse;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host's variables in a play, layered in Ansible's precedence order (lowest first): role defaults, inventory
 * (group and host vars, group_vars/ host_vars/), facts, play vars, vars_files, role vars, block and task vars,
 * include params, include_vars, set_fact and registered results, role params, extra vars; plus the magic variables.
 * Values stay raw: the template layer renders them lazily when used.
 */
final class HostVars {
    private final HostState host;
    private final Play play;
    private final InventoryView inventory;
    private final RunOptions options;
    private final Map<String, Object> varsFiles;
    private final PlayShared shared;
    private final Map<String, HostState> allHosts;
    private final Map<String, Object> inventoryVars;
    /** Set while the lookahead prepares tasks speculatively: hostvars then read what is there, without waiting. */
    boolean speculating;
    private final String runId;
    private final String omit;

    HostVars(HostState host, Play play, InventoryView inventory, RunContext run, Map<String, Object> varsFiles,
             PlayShared shared, Map<String, HostState> allHosts) {
        this.runId = run.runId();
        this.omit = run.templating().omit();
        this.host = host;
        this.play = play;
        this.inventory = inventory;
        this.options = run.options();
        this.varsFiles = varsFiles;
        this.shared = shared;
        this.allHosts = allHosts;
        this.inventoryVars = inventory.vars(host.name, playbookDirs(play));
    }

    InventoryView inventory() {
        return inventory;
    }

    static List<Path> playbookDirs(Play play) {
        return play.baseDir() == null ? List.of() : List.of(play.baseDir());
    }

    /**
     * A host's facts as Ansible's VariableManager shows them: each under the name the module returned it
     * (ansible_system, or jails from jail_facts; INJECT_FACTS_AS_VARS), and all of them in ansible_facts without
     * the ansible_ prefix (namespace_facts).
     */
    static void putFacts(Map<String, Object> v, Map<String, Object> facts) {
        Map<String, Object> namespaced = new LinkedHashMap<>();
        synchronized (facts) {
            for (Map.Entry<String, Object> f : facts.entrySet()) {
                String k = f.getKey();
                v.put(k, f.getValue());
                namespaced.put(k.startsWith("ansible_") && !k.equals("ansible_local") ? k.substring(8) : k,
                        f.getValue());
            }
        }
        v.put("ansible_facts", namespaced);
    }

    /** Play-level variables (no role, no task). */
    Map<String, Object> play() {
        return forTask(null, Map.of(), Map.of());
    }

    Map<String, Object> forTask(RoleUse role, Map<String, Object> taskVars, Map<String, Object> includeVars) {
        Map<String, Object> v = new LinkedHashMap<>(64);
        for (RoleUse r : play.roles()) v.putAll(r.role().defaults());
        if (role != null) {
            for (RoleUse dep : role.dependencies()) v.putAll(dep.role().defaults());
            v.putAll(role.role().defaults());
        }
        v.putAll(inventoryVars);
        putFacts(v, host.facts);
        v.putAll(play.vars());
        v.putAll(varsFiles);
        // A use's vars: (roles: [{role: r, vars: {...}}]) sit just below the role's vars/main, as in Role.get_vars;
        // like vars/main they reach the whole play (Ansible's default private_role_vars: false).
        for (RoleUse r : play.roles()) roleVars(v, r);
        if (role != null) {
            for (RoleUse dep : role.dependencies()) roleVars(v, dep);
            roleVars(v, role);
        }
        v.putAll(taskVars);
        v.putAll(includeVars);
        synchronized (host.includedVars) {
            v.putAll(host.includedVars);
        }
        synchronized (host.setFacts) {
            v.putAll(host.setFacts);
        }
        if (role != null) v.putAll(role.params());
        v.putAll(options.extraVars());
        magic(v, role);
        return v;
    }

    private static void roleVars(Map<String, Object> v, RoleUse use) {
        v.putAll(use.vars());
        v.putAll(use.role().vars());
    }

    private void magic(Map<String, Object> v, RoleUse role) {
        v.put("inventory_hostname", host.name);
        int dot = host.name.indexOf('.');
        v.put("inventory_hostname_short", dot > 0 ? host.name.substring(0, dot) : host.name);
        v.put("group_names", inventory.groupNames(host.name));
        v.put("groups", inventory.groups());
        v.put("hostvars", new HostVarsView());
        v.put("play_hosts", new PlayHostsView(shared.batch));
        v.put("ansible_play_hosts", new PlayHostsView(shared.playHosts));
        v.put("ansible_play_batch", new PlayHostsView(shared.batch));
        v.put("ansible_play_hosts_all", shared.playHosts);
        v.put("ansible_play_name", play.displayName());
        v.put("ansible_check_mode", options.check());
        v.put("ansible_diff_mode", options.diff());
        v.put("ansible_run_tags", options.tags().isEmpty() ? List.of("all") : options.tags());
        v.put("ansible_skip_tags", options.skipTags());
        v.put("ansible_version", Map.of("full", "2.14.0", "major", 2, "minor", 14, "revision", 0,
                "string", "2.14.0 (jprov)"));
        v.put("omit", omit);
        v.put("jprov_run_id", runId);
        if (play.baseDir() != null) v.put("playbook_dir", play.baseDir().toString());
        if (role != null) {
            v.put("role_path", role.path().toString());
            v.put("role_name", role.name());
            v.put("ansible_role_name", role.name());
        }
        v.putIfAbsent("ansible_connection", "ssh");
    }


    /** The rendered connection variables of this host. */
    Map<String, Object> connectionVars() {
        return play();
    }

    /**
     * The connection variables of a host a task is delegated to: its inventory variables under the play's vars and
     * vars_files and the extra vars, as Ansible's get_vars(play, delegated host) orders them (so the delegating
     * play's connection defaults apply to it too).
     */
    Map<String, Object> connectionVarsOf(String other) {
        boolean known = inventory.groups().getOrDefault("all", List.of()).contains(other);
        // a name outside the inventory is reached at that name, with all's variables (Ansible delegates there too)
        Map<String, Object> v = new LinkedHashMap<>(known ? inventory.vars(other, playbookDirs(play))
                : inventory.varsOutside(other, playbookDirs(play)));
        v.putAll(play.vars());
        v.putAll(varsFiles);
        v.putAll(options.extraVars());
        v.put("inventory_hostname", other);
        return v;
    }

    /** hostvars: every host's variables, computed on access (most plays read one or two of them). */
    /**
     * ansible_play_hosts / ansible_play_batch: the hosts without those removed (failed, unreachable, end_host),
     * read when used, after the other hosts have caught up with this one (as hostvars), so that a failure on
     * another host at an earlier task counts as in Ansible's lockstep.
     */
    private final class PlayHostsView extends java.util.AbstractList<String> {
        private final List<String> hosts;
        private List<String> now;

        PlayHostsView(List<String> hosts) {
            this.hosts = hosts;
        }

        private List<String> now() {
            if (now == null) {
                if (!speculating) {
                    for (String h : shared.batch) if (!h.equals(host.name)) shared.awaitCaughtUp(host.name, h);
                }
                now = shared.remaining(hosts);
            }
            return now;
        }

        @Override
        public String get(int index) {
            return now().get(index);
        }

        @Override
        public int size() {
            return now().size();
        }
    }

    private final class HostVarsView extends AbstractMap<String, Object> {
        @Override
        public Object get(Object key) {
            if (!(key instanceof String name)) return null;
            if (inventory.groups().getOrDefault("all", List.of()).stream().noneMatch(name::equals)) return null;
            if (!speculating && !name.equals(host.name)) shared.awaitCaughtUp(host.name, name);
            Map<String, Object> v = new LinkedHashMap<>(inventory.vars(name, playbookDirs(play)));
            HostState other = allHosts.get(name);
            if (other != null) {
                putFacts(v, other.facts);
                synchronized (other.includedVars) {
                    v.putAll(other.includedVars);
                }
                synchronized (other.setFacts) {
                    v.putAll(other.setFacts);
                }
            }
            v.put("inventory_hostname", name);
            v.put("group_names", inventory.groupNames(name));
            return v;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name
                    && inventory.groups().getOrDefault("all", List.of()).contains(name);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> out = new LinkedHashSet<>();
            for (String h : new ArrayList<>(inventory.groups().getOrDefault("all", List.of()))) {
                out.add(new SimpleImmutableEntry<>(h, get(h)));
            }
            return out;
        }
    }
}
