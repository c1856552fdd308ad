package dev.jprov.engine;

import java.util.Map;

/**
 * Ansible's persistent fact cache (a cache plugin other than memory): the facts a host had at the end of an earlier
 * run (gathered ones and set_fact with cacheable: true) are its facts when the next run starts.
 */
public interface FactStore {

    /** The cached facts of {@code host}, keys as setup returns them; empty when none or expired. */
    Map<String, Object> load(String host);

    /** Replaces the cached facts of {@code host}. */
    void save(String host, Map<String, Object> facts);

    /** Forgets the cached facts of {@code host} (ansible-playbook --flush-cache). */
    void clear(String host);

    /** Ansible's default memory cache: nothing outlives the run. */
    FactStore MEMORY = new FactStore() {
        @Override
        public Map<String, Object> load(String host) {
            return Map.of();
        }

        @Override
        public void save(String host, Map<String, Object> facts) {
        }

        @Override
        public void clear(String host) {
        }
    };
}
