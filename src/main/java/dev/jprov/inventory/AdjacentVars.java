package dev.jprov.inventory;

import dev.jprov.source.FrozenValues;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The group_vars/ and host_vars/ of one directory (next to an inventory or a playbook), read as Ansible's
 * host_group_vars plugin reads them: for an entity NAME the first of NAME, NAME.yml, NAME.yaml, NAME.json that
 * exists; when it is a directory, every file in it (and its subdirectories) with no extension or one of those,
 * in lexical order, hidden files and backups (~) skipped; later files override earlier ones key by key.
 */
final class AdjacentVars {
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private final Map<String, Map<String, Object>> groupVars;
    private final Map<String, Map<String, Object>> hostVars;

    private AdjacentVars(Map<String, Map<String, Object>> groupVars, Map<String, Map<String, Object>> hostVars) {
        this.groupVars = groupVars;
        this.hostVars = hostVars;
    }

    /** Reads the files for the given groups and hosts (files for other names are never opened, as in Ansible). */
    static AdjacentVars load(Path dir, Collection<String> groups, Collection<String> hosts, YamlReader reader,
                             List<String> warnings) {
        return new AdjacentVars(loadAll(dir.resolve("group_vars"), groups, reader, warnings),
                loadAll(dir.resolve("host_vars"), hosts, reader, warnings));
    }

    Map<String, Object> group(String name) {
        return groupVars.getOrDefault(name, Map.of());
    }

    Map<String, Object> host(String name) {
        return hostVars.getOrDefault(name, Map.of());
    }

    private static Map<String, Map<String, Object>> loadAll(Path dir, Collection<String> names, YamlReader reader,
                                                            List<String> warnings) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (!Files.exists(dir)) return out;
        if (!Files.isDirectory(dir)) {
            warnings.add("found " + dir + " that is not a directory, skipping");
            return out;
        }
        for (String name : names) {
            if (name.startsWith("/")) continue; // Ansible skips 'chroot' style names
            Map<String, Object> vars = new LinkedHashMap<>();
            for (Path f : filesFor(dir, name)) vars.putAll(readVarsFile(f, reader));
            if (!vars.isEmpty()) out.put(name, FrozenValues.map(vars));
        }
        return out;
    }

    static List<Path> filesFor(Path dir, String name) {
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        for (String ext : EXTENSIONS) candidates.add(name + ext);
        for (String candidate : candidates) {
            Path p = dir.resolve(candidate);
            if (!p.normalize().startsWith(dir.normalize())) return List.of(); // a name like ../x must not escape
            if (Files.isDirectory(p)) return filesIn(p);
            if (Files.exists(p)) return List.of(p);
        }
        return List.of();
    }

    private static List<Path> filesIn(Path dir) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(dir), "cannot list directory: " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.endsWith("~")) continue;
            String ext = extension(n);
            if (Files.isDirectory(p) && ext.isEmpty()) {
                out.addAll(filesIn(p));
            } else if (Files.isRegularFile(p) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Python's os.path.splitext: the extension starts at the last dot that is not a leading one. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        for (int i = 0; i < dot; i++) {
            if (fileName.charAt(i) != '.') return fileName.substring(dot);
        }
        return ""; // no dot, or only leading dots (.hidden)
    }

    /** One vars file: a mapping of variable names; an empty file gives nothing. */
    static Map<String, Object> readVarsFile(Path f, YamlReader reader) {
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(f), "cannot read: " + e.getMessage(), e);
        }
        YamlNode root = reader.read(f, text);
        if (root == null || root instanceof YamlNode.Scalar s && s.value() == null) return Map.of();
        if (!(root instanceof YamlNode.Mapping m)) {
            throw new LoadException(root.location(), "a vars file must be a mapping of variable names to values; got "
                    + YamlInventoryParser.describe(root));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) m.toPlain();
        return plain;
    }
}
