package dev.jprov.run;

import dev.jprov.engine.FactStore;
import dev.jprov.pyformat.PythonJson;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ansible's jsonfile cache plugin: a host's facts in {@code DIR/PREFIX+HOST} as json.dumps(sort_keys=True,
 * indent=4) writes them; a file older than the timeout (0: never) is expired, as BaseFileCacheModule.has_expired.
 */
record JsonFileFactStore(Path dir, String prefix, Duration timeout) implements FactStore {
    private static final PythonJson JSON = PythonJson.dumps(4, true, true);

    private Path file(String host) {
        return dir.resolve(prefix + host);
    }

    @Override
    public Map<String, Object> load(String host) {
        Path f = file(host);
        try {
            if (!Files.isRegularFile(f)) return Map.of();
            Instant modified = Files.getLastModifiedTime(f).toInstant();
            if (!timeout.isZero() && modified.plus(timeout).isBefore(Instant.now())) return Map.of();
            YamlNode node = new YamlReader().read(f); // JSON is YAML
            if (node == null || !(node.toPlain() instanceof Map<?, ?> m)) return Map.of();
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (LoadException e) {
            throw new LoadException(SourceLocation.of(f), "the jsonfile fact cache entry cannot be read: "
                    + e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the jsonfile plugin's delete: the host's cache file is removed. */
    @Override
    public void clear(String host) {
        try {
            Files.deleteIfExists(file(host));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the jsonfile fact cache in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String host, Map<String, Object> facts) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + prefix + host, ".tmp");
            Files.writeString(tmp, JSON.write(facts), StandardCharsets.UTF_8);
            Files.move(tmp, file(host), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the jsonfile fact cache in " + dir + ": " + e.getMessage(), e);
        }
    }
}
