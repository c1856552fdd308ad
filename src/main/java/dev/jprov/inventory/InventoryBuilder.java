package dev.jprov.inventory;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mutable inventory while sources are read, with the rules of Ansible's InventoryData: {@code all} and
 * {@code ungrouped} always exist, a host keeps the first port and the first source it was seen in, variables set
 * later replace earlier ones, groups may not form loops, and {@link #build} reconciles (groups without a parent
 * go under {@code all}, hosts in no group go to {@code ungrouped}) before freezing the result.
 */
final class InventoryBuilder {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";
    /** Ansible's INVALID_VARIABLE_NAMES: group names that are not valid variable names earn a warning. */
    private static final Pattern INVALID_GROUP_NAME = Pattern.compile("^[\\d\\W]|[^\\w]",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final class Group {
        final String name;
        final Map<String, Object> vars = new LinkedHashMap<>();
        final List<Group> children = new ArrayList<>();
        final List<Group> parents = new ArrayList<>();
        final List<String> hosts = new ArrayList<>();
        int priority = 1;

        Group(String name) {
            this.name = name;
        }
    }

    private static final class Host {
        final String name;
        final Map<String, Object> vars = new LinkedHashMap<>();

        Host(String name) {
            this.name = name;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warnedGroupNames = new LinkedHashSet<>();

    InventoryBuilder() {
        addGroup(ALL);
        addGroup(UNGROUPED);
        addChildGroup(ALL, UNGROUPED, null);
    }

    void warn(String message) {
        warnings.add(message);
    }

    boolean hasHost(String name) {
        return hosts.containsKey(name);
    }

    boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    void addGroup(String name) {
        if (groups.containsKey(name)) return;
        if (INVALID_GROUP_NAME.matcher(name).find() && warnedGroupNames.add(name)) {
            // Ansible's default (TRANSFORM_INVALID_GROUP_CHARS=never) keeps the name and only warns.
            warn("group name '" + name + "' is not a valid variable name; use letters, digits and '_' "
                    + "so that it can be used in templates");
        }
        groups.put(name, new Group(name));
    }

    /**
     * Adds a host (first sighting sets inventory_file/inventory_dir and the port) and, when {@code group} is
     * given, makes it a direct member of that group.
     */
    void addHost(String name, String group, Optional<Integer> port, Optional<Path> source, String sourceText) {
        if (!hosts.containsKey(name)) {
            Host created = new Host(name);
            hosts.put(name, created);
            port.ifPresent(p -> created.vars.put("ansible_port", p));
            created.vars.put("inventory_file", sourceText);
            created.vars.put("inventory_dir", source.map(p -> p.getParent() == null ? null : p.getParent().toString())
                    .orElse(null));
        }
        if (group != null) {
            Group g = groups.get(group);
            if (!g.hosts.contains(name)) g.hosts.add(name);
        }
    }

    void setHostVar(String host, String key, Object value) {
        hosts.get(host).vars.put(key, value);
    }

    /** Sets a group variable; {@code ansible_group_priority} is not a variable but the group's priority. */
    void setGroupVar(String group, String key, Object value, SourceLocation at) {
        Group g = groups.get(group);
        if (key.equals("ansible_group_priority")) {
            g.priority = priority(value, at);
        } else {
            g.vars.put(key, value);
        }
    }

    private static int priority(Object value, SourceLocation at) {
        if (value instanceof Integer i) return i;
        if (value instanceof Long l && l == l.intValue()) return l.intValue();
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) return (int) d.doubleValue();
        if (value instanceof Boolean b) return b ? 1 : 0;
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new LoadException(at, "ansible_group_priority must be an integer, got '" + value + "'");
    }

    /** Makes {@code child} a child group of {@code parent}; a loop is an error at {@code at}. */
    void addChildGroup(String parent, String child, SourceLocation at) {
        Group p = groups.get(parent);
        Group c = groups.get(child);
        if (p == c) throw new LoadException(at, "group '" + child + "' cannot be a child of itself");
        if (p.children.contains(c)) return;
        if (ancestors(p).contains(c)) {
            throw new LoadException(at, "adding group '" + child + "' as a child of '" + parent
                    + "' creates a loop ('" + parent + "' is already under '" + child + "')");
        }
        p.children.add(c);
        if (!c.parents.contains(p)) c.parents.add(p);
    }

    private static Set<Group> ancestors(Group g) {
        Set<Group> seen = new LinkedHashSet<>();
        Deque<Group> todo = new ArrayDeque<>(g.parents);
        while (!todo.isEmpty()) {
            Group x = todo.pop();
            if (seen.add(x)) todo.addAll(x.parents);
        }
        return seen;
    }

    /** Reconciles as Ansible does after all sources are read, and freezes the result. */
    Inventory build(List<InventorySource> sources, dev.jprov.source.YamlReader reader) {
        Group all = groups.get(ALL);
        Group ungrouped = groups.get(UNGROUPED);
        for (Group g : groups.values()) {
            if (g != all && g.parents.isEmpty()) addChildGroup(ALL, g.name, null);
        }
        Map<String, Set<Group>> memberships = new LinkedHashMap<>();
        for (Host h : hosts.values()) memberships.put(h.name, new LinkedHashSet<>());
        for (Group g : groups.values()) {
            for (String h : g.hosts) {
                Set<Group> set = memberships.get(h);
                set.add(g);
                set.addAll(ancestors(g));
            }
        }
        for (Host h : hosts.values()) {
            Set<Group> mine = memberships.get(h.name);
            if (mine.contains(ungrouped)) {
                boolean elsewhere = mine.stream().anyMatch(g -> g != all && g != ungrouped);
                if (elsewhere) {
                    ungrouped.hosts.remove(h.name);
                    mine.remove(ungrouped);
                }
            } else if (mine.isEmpty() || (mine.size() == 1 && mine.contains(all))) {
                ungrouped.hosts.add(h.name);
                mine.add(ungrouped);
                mine.add(all);
            }
        }
        for (String name : groups.keySet()) {
            if (hosts.containsKey(name)) warn("found both a group and a host named '" + name + "'");
        }

        Map<Group, Integer> depth = depths();
        Map<String, InventoryGroup> outGroups = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            outGroups.put(g.name, new InventoryGroup(g.name, g.vars, g.children.stream().map(x -> x.name).toList(),
                    g.parents.stream().map(x -> x.name).toList(), g.hosts, depth.get(g), g.priority));
        }
        Map<String, InventoryHost> outHosts = new LinkedHashMap<>();
        for (Host h : hosts.values()) {
            // Group order here is inventory order; Ansible's own order of host.groups is never visible.
            List<String> mine = groups.values().stream().filter(memberships.get(h.name)::contains)
                    .map(g -> g.name).toList();
            outHosts.put(h.name, new InventoryHost(h.name, h.vars, mine));
        }
        return new Inventory(outGroups, outHosts, sources, warnings, reader);
    }

    /** Depth as Ansible keeps it: the longest path from {@code all} (children are always deeper than parents). */
    private Map<Group, Integer> depths() {
        Map<Group, Integer> depth = new LinkedHashMap<>();
        for (Group g : groups.values()) depth.put(g, 0);
        // Relax edges in topological order (the graph has no loops: addChildGroup refuses them).
        List<Group> order = new ArrayList<>();
        Set<Group> done = new LinkedHashSet<>();
        for (Group g : groups.values()) visit(g, done, order);
        for (int i = order.size() - 1; i >= 0; i--) {
            Group g = order.get(i);
            for (Group c : g.children) depth.put(c, Math.max(depth.get(c), depth.get(g) + 1));
        }
        return depth;
    }

    private static void visit(Group g, Set<Group> done, List<Group> order) {
        if (!done.add(g)) return;
        for (Group c : g.children) visit(c, done, order);
        order.add(g);
    }
}
