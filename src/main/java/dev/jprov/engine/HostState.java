package dev.jprov.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a host carries through a run, across plays: gathered facts, set_fact values, registered results and include_vars' variables
 * (Ansible keeps these per host for the whole playbook run), and whether it failed or became unreachable.
 */
final class HostState {
    final String name;
    final Map<String, Object> facts = Collections.synchronizedMap(new LinkedHashMap<>());
    // Registered results and set_fact values; null is a valid value, hence no ConcurrentHashMap.
    final Map<String, Object> setFacts = Collections.synchronizedMap(new LinkedHashMap<>());
    // include_vars' variables: above task vars, below set_fact (VariableManager's vars_cache)
    final Map<String, Object> includedVars = Collections.synchronizedMap(new LinkedHashMap<>());
    volatile boolean failed;
    volatile boolean unreachable;
    // How many times meta: clear_host_errors ran for this host: a block whose always ran one forgets its failure.
    volatile int errorsCleared;

    HostState(String name) {
        this.name = name;
    }

    boolean active() {
        return !failed && !unreachable;
    }
}
