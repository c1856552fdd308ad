package dev.jprov.inventory;

import dev.jprov.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded inventory: groups and hosts in the order Ansible keeps them, and the variables the inventory gives a
 * host at Ansible's precedence levels. Immutable except for a memo of the group_vars/ and host_vars/ read next to
 * playbooks, which is safe to use from several threads.
 */
public final class Inventory {
    /** Names Ansible treats as the implicit localhost when the inventory does not define them. */
    private static final Set<String> LOCALHOST_NAMES = Set.of("localhost", "127.0.0.1", "::1");
    private static final Comparator<InventoryGroup> PRECEDENCE = Comparator.comparingInt(InventoryGroup::depth)
            .thenComparingInt(InventoryGroup::priority).thenComparing(InventoryGroup::name);

    private final Map<String, InventoryGroup> groups;
    private final Map<String, InventoryHost> hosts;
    private final List<InventorySource> sources;
    private final List<String> warnings;
    private final YamlReader reader;
    /** group_vars/ + host_vars/ per inventory source, in source order (null for a host list). */
    private final List<AdjacentVars> sourceVars;
    private final Map<Path, AdjacentVars> playbookVars = new ConcurrentHashMap<>();

    Inventory(Map<String, InventoryGroup> groups, Map<String, InventoryHost> hosts, List<InventorySource> sources,
              List<String> warnings, YamlReader reader) {
        this.reader = reader;
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
        this.sources = List.copyOf(sources);
        List<String> w = new ArrayList<>(warnings);
        List<AdjacentVars> vars = new ArrayList<>();
        Set<String> hostNames = withLocalhost(hosts.keySet());
        for (InventorySource s : sources) {
            vars.add(s.varsDirectory().map(d -> AdjacentVars.load(d, groups.keySet(), hostNames, reader, w))
                    .orElse(null));
        }
        this.sourceVars = Collections.unmodifiableList(vars);
        this.warnings = List.copyOf(w);
    }

    /** Loads the {@code -i} sources in order; bad input is a LoadException at file:line:column. */
    public static Inventory load(List<InventorySource> sources) {
        return load(sources, new YamlReader());
    }

    /** Loads with a reader that opens vault-encrypted files and {@code !vault} values with the run's secrets. */
    public static Inventory load(List<InventorySource> sources, YamlReader reader) {
        return InventoryLoader.load(sources, reader);
    }

    /** Loads {@code -i} arguments as given on the command line, relative to {@code workingDirectory}. */
    public static Inventory load(List<String> arguments, Path workingDirectory) {
        return load(arguments, workingDirectory, new YamlReader());
    }

    public static Inventory load(List<String> arguments, Path workingDirectory, YamlReader reader) {
        return load(arguments.stream().map(a -> InventorySource.of(a, workingDirectory)).toList(), reader);
    }

    /** Problems Ansible only warns about (skipped files, odd group names); the caller prints them. */
    public List<String> warnings() {
        return warnings;
    }

    public List<InventorySource> sources() {
        return sources;
    }

    /** All groups, {@code all} and {@code ungrouped} first, then in the order they were first seen. */
    public Map<String, InventoryGroup> groups() {
        return groups;
    }

    /** All hosts in the order they were first seen. */
    public Map<String, InventoryHost> hosts() {
        return hosts;
    }

    public Optional<InventoryGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public Optional<InventoryHost> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** True for localhost / 127.0.0.1 / ::1 when the inventory does not list it: Ansible's implicit localhost. */
    public boolean isImplicitLocalhost(String name) {
        return LOCALHOST_NAMES.contains(name) && !hosts.containsKey(name);
    }

    /** Every host in inventory order (Ansible's order for {@code hosts: all}). */
    public List<String> allHosts() {
        return hostsOf(InventoryBuilder.ALL);
    }

    /**
     * The hosts of a group and of all groups under it, in Ansible's order: the group's own hosts, then its
     * children's, then theirs, generation by generation. (Within a generation beyond the first, Ansible walks a
     * Python set, whose order is not defined; we use the order the groups were first seen.)
     */
    public List<String> hostsOf(String group) {
        InventoryGroup start = groups.get(group);
        if (start == null) return List.of();
        List<InventoryGroup> ordered = new ArrayList<>();
        ordered.add(start);
        Set<String> seen = new LinkedHashSet<>();
        seen.add(start.name());
        List<InventoryGroup> generation = new ArrayList<>();
        for (String c : start.children()) {
            InventoryGroup g = groups.get(c);
            ordered.add(g);
            generation.add(g);
            seen.add(c);
        }
        while (!generation.isEmpty()) {
            Set<String> inGeneration = new LinkedHashSet<>();
            for (InventoryGroup g : generation) inGeneration.addAll(g.children());
            List<InventoryGroup> next = new ArrayList<>();
            for (String name : groups.keySet()) {
                if (inGeneration.contains(name) && seen.add(name)) next.add(groups.get(name));
            }
            ordered.addAll(next);
            generation = next;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (InventoryGroup g : ordered) out.addAll(g.hosts());
        return List.copyOf(out);
    }

    /** The groups of a host other than {@code all}, lowest precedence first: by depth, then priority, then name. */
    public List<InventoryGroup> groupsByPrecedence(String host) {
        InventoryHost h = hosts.get(host);
        if (h == null) return List.of();
        return h.groups().stream().filter(g -> !g.equals(InventoryBuilder.ALL)).map(groups::get)
                .sorted(PRECEDENCE).toList();
    }

    /** Ansible's {@code group_names}: the host's groups except {@code all}, sorted. */
    public List<String> groupNames(String host) {
        InventoryHost h = hosts.get(host);
        if (h == null) return List.of();
        return h.groups().stream().filter(g -> !g.equals(InventoryBuilder.ALL)).sorted().toList();
    }

    /** Ansible's {@code groups} magic variable: every group with its hosts (descendants included). */
    public Map<String, List<String>> groupsVariable() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String g : groups.keySet()) out.put(g, hostsOf(g));
        return Collections.unmodifiableMap(out);
    }

    /** inventory_hostname, inventory_hostname_short and group_names for a host. */
    public Map<String, Object> magicVars(String host) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inventory_hostname", host);
        out.put("inventory_hostname_short", HostAddress.isIpAddress(host) ? host : host.split("\\.", -1)[0]);
        out.put("group_names", groupNames(host));
        return out;
    }

    /**
     * The variables the inventory gives a host, merged in Ansible's order (lowest first), values as written
     * (untemplated), a later level replacing a whole value (hash_behaviour=replace):
     * <ol>
     * <li>inventory file vars of {@code all}</li>
     * <li>inventory file vars of the host's other groups, by depth, ansible_group_priority, name</li>
     * <li>group_vars/all next to each inventory source, in source order</li>
     * <li>group_vars/all next to each playbook directory, in the order given</li>
     * <li>group_vars/GROUP next to each inventory source (per source, groups in that order)</li>
     * <li>group_vars/GROUP next to each playbook directory</li>
     * <li>inventory file host vars (with inventory_file, inventory_dir)</li>
     * <li>host_vars/HOST next to each inventory source</li>
     * <li>host_vars/HOST next to each playbook directory</li>
     * </ol>
     * Magic variables (inventory_hostname, group_names, groups) are not included: see {@link #magicVars}.
     * An implicit localhost gets the {@code all} levels and {@code ansible_connection: local}.
     */
    public Map<String, Object> varsFor(String host, List<Path> playbookDirs) {
        boolean implicit = isImplicitLocalhost(host);
        InventoryHost h = hosts.get(host);
        if (h == null && !implicit) throw new IllegalArgumentException("host '" + host + "' is not in the inventory");
        List<AdjacentVars> playVars = playbookDirs.stream().map(this::playbookVars).toList();
        List<InventoryGroup> byPrecedence = groupsByPrecedence(host);

        Map<String, Object> out = new LinkedHashMap<>(groups.get(InventoryBuilder.ALL).vars());
        for (InventoryGroup g : byPrecedence) out.putAll(g.vars());
        for (AdjacentVars v : sourceVars) if (v != null) out.putAll(v.group(InventoryBuilder.ALL));
        for (AdjacentVars v : playVars) out.putAll(v.group(InventoryBuilder.ALL));
        for (AdjacentVars v : sourceVars) if (v != null) for (InventoryGroup g : byPrecedence) out.putAll(v.group(g.name()));
        for (AdjacentVars v : playVars) for (InventoryGroup g : byPrecedence) out.putAll(v.group(g.name()));
        if (implicit) {
            out.put("ansible_connection", "local");
        } else {
            out.putAll(h.vars());
        }
        for (AdjacentVars v : sourceVars) if (v != null) out.putAll(v.host(host));
        for (AdjacentVars v : playVars) out.putAll(v.host(host));
        return out;
    }

    /**
     * Reads (once) the group_vars/ and host_vars/ next to a playbook directory, so that errors in them surface
     * when the playbook is loaded rather than halfway through a run.
     */
    public void addPlaybookDirectory(Path dir) {
        playbookVars(dir);
    }

    private AdjacentVars playbookVars(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        return playbookVars.computeIfAbsent(key, d -> {
            // Warnings about playbook directories are not kept: the inventory is immutable by then.
            return AdjacentVars.load(d, groups.keySet(), withLocalhost(hosts.keySet()), reader, new ArrayList<>());
        });
    }

    /**
     * This inventory with a host added or updated at run time (add_host, jail discovery): the host joins
     * {@code groupNames} (created under {@code all} when new; {@code ungrouped} when none is named) and gets
     * {@code vars} over the variables it had.
     */
    public Inventory withHost(String name, List<String> groupNames, Map<String, Object> vars) {
        Map<String, InventoryGroup> g = new LinkedHashMap<>(groups);
        List<String> targets = groupNames.isEmpty() && !hosts.containsKey(name) ? List.of("ungrouped") : groupNames;
        for (String group : targets) {
            InventoryGroup old = g.get(group);
            if (old == null) {
                g.put(group, new InventoryGroup(group, Map.of(), List.of(), List.of(InventoryBuilder.ALL),
                        List.of(name), 1, 1));
                InventoryGroup all = g.get(InventoryBuilder.ALL);
                List<String> children = new ArrayList<>(all.children());
                children.add(group);
                g.put(InventoryBuilder.ALL, new InventoryGroup(all.name(), all.vars(), children, all.parents(),
                        all.hosts(), all.depth(), all.priority()));
            } else if (!old.hosts().contains(name)) {
                List<String> members = new ArrayList<>(old.hosts());
                members.add(name);
                g.put(group, new InventoryGroup(old.name(), old.vars(), old.children(), old.parents(), members,
                        old.depth(), old.priority()));
            }
        }
        InventoryHost old = hosts.get(name);
        Set<String> memberOf = new LinkedHashSet<>(old == null ? List.of(InventoryBuilder.ALL) : old.groups());
        for (String group : targets) addWithAncestors(group, g, memberOf);
        // Ansible's reconcile_inventory: a host in a group of its own is no longer in ungrouped
        if (!targets.contains("ungrouped") && memberOf.remove("ungrouped") && g.get("ungrouped") != null) {
            InventoryGroup u = g.get("ungrouped");
            List<String> members = new ArrayList<>(u.hosts());
            members.remove(name);
            g.put("ungrouped", new InventoryGroup(u.name(), u.vars(), u.children(), u.parents(), members, u.depth(),
                    u.priority()));
        }
        Map<String, Object> v = new LinkedHashMap<>(old == null ? Map.of() : old.vars());
        v.putAll(vars);
        Map<String, InventoryHost> h = new LinkedHashMap<>(hosts);
        h.put(name, new InventoryHost(name, v, new ArrayList<>(memberOf)));
        return new Inventory(g, h, sources, warnings, reader);
    }

    private static void addWithAncestors(String group, Map<String, InventoryGroup> groups, Set<String> out) {
        if (!out.add(group)) return;
        InventoryGroup g = groups.get(group);
        if (g != null) for (String p : g.parents()) addWithAncestors(p, groups, out);
    }

    /** Host names whose host_vars/ files are read: the inventory's, and the implicit localhost's. */
    private static Set<String> withLocalhost(Set<String> names) {
        Set<String> out = new LinkedHashSet<>(names);
        out.addAll(LOCALHOST_NAMES);
        return out;
    }
}
