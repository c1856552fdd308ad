package dev.jprov.run;

import dev.jprov.engine.FactStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The fact cache Ansible's environment asks for: ANSIBLE_CACHE_PLUGIN (memory, the default, or jsonfile),
 * ANSIBLE_CACHE_PLUGIN_CONNECTION (jsonfile's directory), ANSIBLE_CACHE_PLUGIN_PREFIX and
 * ANSIBLE_CACHE_PLUGIN_TIMEOUT (seconds, default 86400), read as ansible-core 2.14's config does.
 */
record FactCacheSettings(String plugin, String connection, String prefix, Duration timeout) {

    static FactCacheSettings from(Map<String, String> env) {
        String plugin = env.getOrDefault("ANSIBLE_CACHE_PLUGIN", "memory").strip();
        String timeout = env.getOrDefault("ANSIBLE_CACHE_PLUGIN_TIMEOUT", "86400").strip();
        long seconds;
        try {
            seconds = Long.parseLong(timeout);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ANSIBLE_CACHE_PLUGIN_TIMEOUT must be a number of seconds, got: "
                    + timeout);
        }
        return new FactCacheSettings(plugin, env.get("ANSIBLE_CACHE_PLUGIN_CONNECTION"),
                env.getOrDefault("ANSIBLE_CACHE_PLUGIN_PREFIX", ""), Duration.ofSeconds(seconds));
    }

    /** The store; {@code cwd} resolves a relative directory. */
    FactStore store(Path cwd) {
        return switch (plugin.replaceFirst("^ansible\\.builtin\\.", "")) {
            case "memory" -> FactStore.MEMORY;
            case "jsonfile" -> {
                if (connection == null || connection.isBlank()) {
                    throw new IllegalArgumentException("error, 'jsonfile' cache plugin requires the"
                            + " 'fact_caching_connection' config option to be set (to a writeable directory path)");
                }
                String dir = connection.startsWith("~/") ? System.getProperty("user.home") + connection.substring(1)
                        : connection;
                yield new JsonFileFactStore(cwd.resolve(dir), prefix, timeout);
            }
            default -> throw new IllegalArgumentException("cache plugin '" + plugin + "' is not supported by jprov"
                    + " (memory and jsonfile are)");
        };
    }
}
