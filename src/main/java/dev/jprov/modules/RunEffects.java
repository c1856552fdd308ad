package dev.jprov.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module's result changes in the run rather than on a host: variables it sets for the host (set_fact),
 * facts it gathered (jail_facts: also under ansible_facts), hosts it adds to the inventory (add_host), groups it
 * puts the host in (group_by), variables it loaded (include_vars: their own precedence, below set_fact). The
 * engine applies them; the registered result still shows them as Ansible's does.
 */
public record RunEffects(Map<String, Object> factsSet, Map<String, Object> factsGathered, List<AddedHost> hostsAdded,
                         List<String> groupsJoined, Map<String, Object> varsIncluded) {

    public static final RunEffects NONE = new RunEffects(Map.of(), Map.of(), List.of(), List.of());

    public RunEffects(Map<String, Object> factsSet, Map<String, Object> factsGathered, List<AddedHost> hostsAdded,
                      List<String> groupsJoined) {
        this(factsSet, factsGathered, hostsAdded, groupsJoined, Map.of());
    }

    /** An inventory host add_host makes: its name, groups and variables. */
    public record AddedHost(String name, List<String> groups, Map<String, Object> vars) {
        public AddedHost {
            groups = List.copyOf(groups);
            vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        }
    }

    public RunEffects {
        // set_fact values may be null (YAML ~): no Map.copyOf
        factsSet = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factsSet));
        factsGathered = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factsGathered));
        hostsAdded = List.copyOf(hostsAdded);
        groupsJoined = List.copyOf(groupsJoined);
        varsIncluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(varsIncluded));
    }

    public static RunEffects setsFacts(Map<String, Object> facts) {
        return new RunEffects(facts, Map.of(), List.of(), List.of());
    }

    public static RunEffects gathers(Map<String, Object> facts) {
        return new RunEffects(Map.of(), facts, List.of(), List.of());
    }

    public static RunEffects addsHost(AddedHost host) {
        return new RunEffects(Map.of(), Map.of(), List.of(host), List.of());
    }

    public static RunEffects joinsGroup(String group) {
        return new RunEffects(Map.of(), Map.of(), List.of(), List.of(group));
    }

    /** include_vars: variables at include_vars' precedence for the rest of the run. */
    public static RunEffects includesVars(Map<String, Object> vars) {
        return new RunEffects(Map.of(), Map.of(), List.of(), List.of(), vars);
    }

    public boolean isEmpty() {
        return factsSet.isEmpty() && factsGathered.isEmpty() && hostsAdded.isEmpty() && groupsJoined.isEmpty()
                && varsIncluded.isEmpty();
    }

    /** These, then {@code later}'s (loop items in order: a later item's fact wins). */
    public RunEffects then(RunEffects later) {
        if (later.isEmpty()) return this;
        if (isEmpty()) return later;
        Map<String, Object> set = new LinkedHashMap<>(factsSet);
        set.putAll(later.factsSet);
        Map<String, Object> gathered = new LinkedHashMap<>(factsGathered);
        gathered.putAll(later.factsGathered);
        List<AddedHost> hosts = new java.util.ArrayList<>(hostsAdded);
        hosts.addAll(later.hostsAdded);
        List<String> groups = new java.util.ArrayList<>(groupsJoined);
        groups.addAll(later.groupsJoined);
        Map<String, Object> included = new LinkedHashMap<>(varsIncluded);
        included.putAll(later.varsIncluded);
        return new RunEffects(set, gathered, hosts, groups, included);
    }
}
