package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads a role's directory: tasks/, handlers/, defaults/, vars/ (main or the *_from file, with Ansible's
 * extension search; defaults and vars may also be directories of files) and meta/main dependencies.
 */
final class RoleFiles {

    /** What a role directory holds, for one choice of *_from files. */
    record RoleData(Role role, List<RoleRef> dependencies, Path tasksFile, Path handlersFile) {
    }

    private record Key(Path path, String name, RoleFrom from) {
    }

    private static final Set<String> META_KEYS = Set.of("dependencies", "allow_duplicates", "galaxy_info",
            "argument_specs", "collections");

    private final YamlReader yaml;
    private final Map<Key, RoleData> cache = new ConcurrentHashMap<>();

    RoleFiles(YamlReader yaml) {
        this.yaml = yaml;
    }

    RoleData load(Path path, String name, RoleFrom from, SourceLocation at) {
        Key key = new Key(path, name, from);
        RoleData data = cache.get(key);
        if (data == null) {
            data = read(path, name, from, at);
            cache.put(key, data);
        }
        return data;
    }

    private RoleData read(Path path, String name, RoleFrom from, SourceLocation at) {
        Map<String, Object> defaults = vars(path, "defaults", from.defaults(), at);
        Map<String, Object> vars = vars(path, "vars", from.vars(), at);
        List<RoleRef> deps = new ArrayList<>();
        boolean allowDuplicates = false;
        List<Path> meta = find(path.resolve("meta"), null, at, "meta");
        if (!meta.isEmpty()) {
            YamlNode node = yaml.read(meta.get(0));
            if (node != null && !(node instanceof YamlNode.Scalar s && s.value() == null)) {
                YamlNode.Mapping m = KeywordValues.mapping("a role's meta/main", node);
                for (String k : m.entries().keySet()) {
                    if (!META_KEYS.contains(k)) {
                        throw new LoadException(m.keyLocation(k), "'" + k + "' is not a valid attribute for a"
                                + " RoleMetadata");
                    }
                }
                if (m.get("allow_duplicates") != null) {
                    Flag f = Flag.parse("allow_duplicates", m.get("allow_duplicates"));
                    if (!(f instanceof Flag.Literal l)) {
                        throw new LoadException(m.get("allow_duplicates").location(),
                                "'allow_duplicates' must be a literal boolean");
                    }
                    allowDuplicates = l.value();
                }
                if (m.get("dependencies") != null) {
                    for (YamlNode dep : KeywordValues.list("dependencies", m.get("dependencies"))) {
                        deps.add(RoleRef.parse(dep));
                    }
                }
            }
        }
        Path tasks = single(path, "tasks", from.tasks(), at);
        Path handlers = single(path, "handlers", from.handlers(), at);
        return new RoleData(new Role(name, path, defaults, vars, allowDuplicates), deps, tasks, handlers);
    }

    private Path single(Path role, String sub, String from, SourceLocation at) {
        List<Path> found = find(role.resolve(sub), from, at, sub);
        if (found.isEmpty()) return null;
        if (Files.isDirectory(found.get(0))) {
            throw new LoadException(at, "role file " + found.get(0) + " is a directory; " + sub
                    + " must be a single file");
        }
        return found.get(0);
    }

    private Map<String, Object> vars(Path role, String sub, String from, SourceLocation at) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Path p : find(role.resolve(sub), from, at, sub)) {
            List<Path> files = Files.isDirectory(p) ? filesUnder(p) : List.of(p);
            for (Path f : files) {
                YamlNode node = yaml.read(f);
                if (node == null || node instanceof YamlNode.Scalar s && s.value() == null) continue;
                YamlNode.Mapping m = KeywordValues.mapping("a vars file", node);
                m.entries().forEach((k, v) -> out.put(k, v.toPlain()));
            }
        }
        return out;
    }

    /**
     * The file for {@code main} or the *_from name: bare name and .yml/.yaml/.json (bare name last for main,
     * first for an explicit name, as Ansible looks). A missing explicit file is an error; a missing main is not.
     */
    private static List<Path> find(Path dir, String from, SourceLocation at, String sub) {
        if (!Files.isDirectory(dir)) {
            if (from != null) throw notFound(sub, from, at);
            return List.of();
        }
        String base = from == null ? "main" : from;
        List<String> exts = from == null ? List.of(".yml", ".yaml", ".json", "") : List.of("", ".yml", ".yaml", ".json");
        for (String ext : exts) {
            Path p = dir.resolve(base + ext);
            if (Files.exists(p)) {
                if (!p.normalize().startsWith(dir.normalize())) {
                    throw new LoadException(at, "Failed loading '" + p + "' for role as it is not inside the"
                            + " expected role path: '" + dir + "'");
                }
                return List.of(p);
            }
        }
        if (from != null) throw notFound(sub, from, at);
        return List.of();
    }

    private static LoadException notFound(String sub, String from, SourceLocation at) {
        return new LoadException(at, "Could not find specified file in role: " + sub + "/" + from);
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.contains(".") || n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(dir), "cannot read directory: " + e.getMessage(), e);
        }
    }
}
