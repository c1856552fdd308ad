package dev.jprov.inventory;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML inventory file into an {@link InventoryBuilder}, following Ansible's yaml inventory plugin:
 * top-level keys are groups; a group has {@code hosts}, {@code children} and {@code vars}, each a mapping (or a
 * single name as a string, or empty); host keys may carry ranges and a port. Where Ansible only warns and skips
 * (an unknown key in a group, a group that is not a mapping) this is an error at file:line:column, because a
 * silently dropped host or variable is worse than a stopped run. What Ansible's yaml plugin itself refuses is a
 * {@link NotYamlInventory}, after which the file goes to the ini plugin as in Ansible.
 */
final class YamlInventoryParser {
    private static final List<String> SECTIONS = List.of("vars", "children", "hosts");

    private final InventoryBuilder inventory;
    private final Path file;

    private YamlInventoryParser(InventoryBuilder inventory, Path file) {
        this.inventory = inventory;
        this.file = file;
    }

    /**
     * What Ansible's yaml plugin refuses (a YAML syntax error, an empty file, a top level that is not a mapping,
     * a plugin configuration): the file may still be another kind of inventory, so the loader tries the ini plugin
     * next, as Ansible does. Other problems are errors of a YAML inventory and stop the load.
     */
    static final class NotYamlInventory extends LoadException {
        NotYamlInventory(SourceLocation at, String problem) {
            super(at, problem);
        }
    }

    /** Parses {@code text}, the content of {@code file}. */
    static void parse(InventoryBuilder inventory, Path file, String text, YamlReader reader) {
        YamlNode root;
        try {
            root = reader.read(file, text);
        } catch (LoadException e) {
            throw new NotYamlInventory(e.location(), e.problem());
        }
        new YamlInventoryParser(inventory, file).parseRoot(root);
    }

    private void parseRoot(YamlNode root) {
        if (root == null || root instanceof YamlNode.Scalar s && s.value() == null
                || root instanceof YamlNode.Mapping m && m.entries().isEmpty()) {
            throw new NotYamlInventory(SourceLocation.of(file), "empty YAML file");
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw new NotYamlInventory(root.location(), "a YAML inventory must be a mapping of group names (such as "
                    + "'all:'), got " + describe(root));
        }
        if (top.get("plugin") != null) {
            throw new NotYamlInventory(top.keyLocation("plugin"),
                    "inventory plugin configuration files are not supported; write a YAML inventory (all/children/hosts/vars)");
        }
        for (Map.Entry<String, YamlNode> e : top.entries().entrySet()) {
            parseGroup(e.getKey(), top.keyLocation(e.getKey()), e.getValue());
        }
    }

    private void parseGroup(String group, SourceLocation keyAt, YamlNode data) {
        checkName(group, "group", keyAt);
        if (data != null && !(data instanceof YamlNode.Mapping) && !isNull(data)) {
            throw new LoadException(data.location(), "group '" + group + "' must be a mapping with hosts, children "
                    + "or vars; got " + describe(data));
        }
        inventory.addGroup(group);
        if (!(data instanceof YamlNode.Mapping body)) return;
        for (Map.Entry<String, YamlNode> e : body.entries().entrySet()) {
            String key = e.getKey();
            SourceLocation at = body.keyLocation(key);
            if (!SECTIONS.contains(key)) {
                throw new LoadException(at, "group '" + group + "' has an unknown key '" + key
                        + "'; a group takes only hosts, children and vars" + unknownKeyHint(key));
            }
            YamlNode section = e.getValue();
            if (isNull(section)) continue;
            Map<String, SectionEntry> entries = sectionEntries(group, key, section);
            switch (key) {
                case "vars" -> entries.forEach((name, v) ->
                        inventory.setGroupVar(group, name, v.value == null ? null : v.value.toPlain(), v.keyAt));
                case "children" -> entries.forEach((name, v) -> {
                    parseGroup(name, v.keyAt, v.value);
                    inventory.addChildGroup(group, name, v.keyAt);
                });
                default -> entries.forEach((pattern, v) -> parseHosts(group, pattern, v));
            }
        }
    }

    private static String unknownKeyHint(String key) {
        return switch (key) {
            case "host", "Hosts" -> " (did you mean 'hosts'?)";
            case "child", "Children", "groups" -> " (did you mean 'children'?)";
            case "var", "Vars", "variables" -> " (did you mean 'vars'?)";
            default -> key.startsWith("ansible_") ? " (host variables go under 'hosts: NAME:', group variables under 'vars:')"
                    : " (hosts go under 'hosts:', sub-groups under 'children:')";
        };
    }

    private record SectionEntry(SourceLocation keyAt, YamlNode value) {}

    /** A section's entries; a plain string stands for one name with no value, as Ansible allows. */
    private Map<String, SectionEntry> sectionEntries(String group, String key, YamlNode section) {
        if (section instanceof YamlNode.Scalar s && s.value() instanceof String name) {
            return Map.of(name, new SectionEntry(s.location(), null));
        }
        if (!(section instanceof YamlNode.Mapping m)) {
            String expected = switch (key) {
                case "vars" -> "a mapping of variable names to values";
                case "children" -> "a mapping of group names";
                default -> "a mapping of host names";
            };
            String hint = key.equals("vars") ? "" : " (write each name as a key ending in ':')";
            throw new LoadException(section.location(), "group '" + group + "' has '" + key + "' that is "
                    + describe(section) + "; expected " + expected + hint);
        }
        Map<String, SectionEntry> out = new java.util.LinkedHashMap<>();
        m.entries().forEach((name, value) -> out.put(name, new SectionEntry(m.keyLocation(name), value)));
        return out;
    }

    private void parseHosts(String group, String pattern, SectionEntry entry) {
        checkName(pattern, "host", entry.keyAt);
        YamlNode value = entry.value;
        if (value != null && !isNull(value) && !(value instanceof YamlNode.Mapping) && !isFalsy(value)) {
            throw new LoadException(value.location(), "host '" + pattern + "' in group '" + group
                    + "' must have a mapping of variables (or nothing); got " + describe(value));
        }
        HostDeclaration declared;
        try {
            declared = HostDeclaration.of(pattern);
        } catch (IllegalArgumentException e) {
            throw new LoadException(entry.keyAt, e.getMessage());
        }
        List<String> hosts = declared.hosts();
        Optional<Integer> port = declared.port();
        for (String host : hosts) {
            inventory.addHost(host, group, port, Optional.of(file), file.toString());
            if (value instanceof YamlNode.Mapping vars) {
                vars.entries().forEach((k, v) -> inventory.setHostVar(host, k, v.toPlain()));
            }
        }
    }

    private static void checkName(String name, String what, SourceLocation at) {
        if (name.isEmpty() || name.equals("null")) {
            throw new LoadException(at, "empty " + what + " name");
        }
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.value() == null;
    }

    /** Ansible reads a host's value with {@code or {}}: '' and false mean "no variables". */
    private static boolean isFalsy(YamlNode n) {
        return n instanceof YamlNode.Scalar s && (Boolean.FALSE.equals(s.value()) || "".equals(s.value()));
    }

    static String describe(YamlNode n) {
        return switch (n) {
            case YamlNode.Mapping m -> "a mapping";
            case YamlNode.Sequence s -> "a list";
            case YamlNode.Scalar s when s.value() == null -> "nothing";
            case YamlNode.Scalar s when s.value() instanceof String str -> "the text '" + abbreviate(str) + "'";
            case YamlNode.Scalar s -> "the value " + s.value();
        };
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 40 ? one.substring(0, 37) + "..." : one;
    }
}
