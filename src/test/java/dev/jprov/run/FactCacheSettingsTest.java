package dev.jprov.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.engine.FactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fact cache Ansible's environment variables select, and the jsonfile store's files. */
class FactCacheSettingsTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                // no-op: nothing set is Ansible's memory cache
                Arguments.of(Map.of(), "memory"),
                Arguments.of(Map.of("ANSIBLE_CACHE_PLUGIN", "memory"), "memory"),
                Arguments.of(Map.of("ANSIBLE_CACHE_PLUGIN", "jsonfile", "ANSIBLE_CACHE_PLUGIN_CONNECTION", "facts"),
                        "jsonfile CWD/facts  PT24H"),
                Arguments.of(Map.of("ANSIBLE_CACHE_PLUGIN", "ansible.builtin.jsonfile",
                        "ANSIBLE_CACHE_PLUGIN_CONNECTION", "/c", "ANSIBLE_CACHE_PLUGIN_PREFIX", "p_",
                        "ANSIBLE_CACHE_PLUGIN_TIMEOUT", "0"), "jsonfile /c p_ PT0S"),
                Arguments.of(Map.of("ANSIBLE_CACHE_PLUGIN", "jsonfile"),
                        "error, 'jsonfile' cache plugin requires the 'fact_caching_connection' config option to be set"
                                + " (to a writeable directory path)"),
                Arguments.of(Map.of("ANSIBLE_CACHE_PLUGIN", "redis"),
                        "cache plugin 'redis' is not supported by jprov (memory and jsonfile are)"),
                Arguments.of(Map.of("ANSIBLE_CACHE_PLUGIN_TIMEOUT", "soon"),
                        "ANSIBLE_CACHE_PLUGIN_TIMEOUT must be a number of seconds, got: soon"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void selectsTheStore(Map<String, String> env, String expected) {
        String actual;
        try {
            FactStore store = FactCacheSettings.from(env).store(Path.of("/cwd"));
            actual = store == FactStore.MEMORY ? "memory" : store instanceof JsonFileFactStore j
                    ? "jsonfile " + j.dir().toString().replace("/cwd", "CWD") + " " + j.prefix() + " " + j.timeout()
                    : store.toString();
        } catch (IllegalArgumentException e) {
            actual = e.getMessage();
        }
        assertEquals(expected, actual);
    }

    @Test
    void writesAsJsonDumpsAndForgetsExpiredFiles(@TempDir Path dir) throws Exception {
        JsonFileFactStore store = new JsonFileFactStore(dir, "p_", Duration.ofSeconds(60));
        assertEquals(Map.of(), store.load("h"));
        store.save("h", Map.of("ansible_b", 1, "ansible_a", "é"));
        assertEquals("{\n    \"ansible_a\": \"\\u00e9\",\n    \"ansible_b\": 1\n}", Files.readString(dir.resolve("p_h")));
        assertEquals(Map.of("ansible_a", "é", "ansible_b", 1), store.load("h"));
        Files.setLastModifiedTime(dir.resolve("p_h"), FileTime.from(Instant.EPOCH));
        assertEquals(Map.of(), store.load("h"));
        assertThrows(IllegalArgumentException.class, () -> FactCacheSettings.from(Map.of("ANSIBLE_CACHE_PLUGIN",
                "x")).store(dir));
    }
}
