package dev.jprov.inventory;

import dev.jprov.pyformat.Shlex;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one INI inventory into an {@link InventoryBuilder} as ansible-core 2.14's ini inventory plugin does
 * (lib/ansible/plugins/inventory/ini.py), line by line and in one pass:
 * <ul>
 * <li>lines before any section are hosts of {@code ungrouped}; blank lines and lines starting with {@code #} or
 * {@code ;} are skipped;</li>
 * <li>{@code [group]} lists hosts: a name or range ({@code web[01:20]}, {@code host:port}) followed by
 * {@code key=value} variables, split as Python's shlex with comments (quotes group, {@code #} ends the line);</li>
 * <li>{@code [group:vars]} has one {@code key=value} a line, everything after the first {@code =} the value;</li>
 * <li>{@code [group:children]} names child groups, which may be declared further down.</li>
 * </ul>
 * Every value, on host lines and in {@code :vars} alike, is Python's literal_eval of the text or the text
 * itself ({@link PythonLiteral}). Errors carry Ansible's wording, prefixed with file:line.
 */
final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** A group named before it is declared: by {@code [g:vars]}, or as a child in {@code [p:children]}. */
    private record Pending(int line, String state, List<String> parents) {}

    private final InventoryBuilder inventory;
    private final Path file;
    private int lineno;

    private IniInventoryParser(InventoryBuilder inventory, Path file) {
        this.inventory = inventory;
        this.file = file;
    }

    static void parse(InventoryBuilder inventory, Path file, String text) {
        new IniInventoryParser(inventory, file).parse(PythonText.splitlines(text));
    }

    private LoadException error(String message) {
        return new LoadException(new SourceLocation(file, lineno, 0), message);
    }

    private void parse(List<String> lines) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        String group = InventoryBuilder.UNGROUPED;
        String state = "hosts";
        lineno = 0;
        for (String raw : lines) {
            lineno++;
            String line = PythonText.strip(raw);
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') continue;

            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                group = m.group(1);
                state = m.group(2) == null ? "hosts" : m.group(2);
                if (!List.of("hosts", "children", "vars").contains(state)) {
                    throw error("Section [" + group + ":" + state + "] has unknown type: " + state);
                }
                if (!inventory.hasGroup(group)) {
                    // [g] or [g:children] declares g; [g:vars] alone does not, which is checked at the end.
                    if (state.equals("vars") && !pending.containsKey(group)) {
                        pending.put(group, new Pending(lineno, state, new ArrayList<>()));
                    }
                    inventory.addGroup(group);
                }
                Pending p = pending.get(group);
                if (p != null && !state.equals("vars")) {
                    if (p.state.equals("children")) {
                        addPendingChildren(group, pending);
                    } else {
                        pending.remove(group);
                    }
                }
                continue;
            } else if (line.startsWith("[") && line.endsWith("]")) {
                throw error("Invalid section entry: '" + line + "'. Please make sure that there are no spaces in the "
                        + "section entry, and that there are no other invalid characters");
            }

            switch (state) {
                case "hosts" -> hostLine(line, group);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq < 0) throw error("Expected key=value, got: " + line);
                    String key = PythonText.strip(line.substring(0, eq));
                    inventory.setGroupVar(group, key, value(PythonText.strip(line.substring(eq + 1)), key),
                            new SourceLocation(file, lineno, 0));
                }
                default -> {
                    Matcher g = GROUP_NAME.matcher(line);
                    if (!g.matches()) throw error("Expected group name, got: " + line);
                    String child = g.group(1);
                    if (!inventory.hasGroup(child)) {
                        Pending p = pending.get(child);
                        if (p == null) {
                            List<String> parents = new ArrayList<>();
                            parents.add(group);
                            pending.put(child, new Pending(lineno, "children", parents));
                        } else {
                            p.parents.add(group);
                        }
                    } else {
                        inventory.addChildGroup(group, child, new SourceLocation(file, lineno, 0));
                    }
                }
            }
        }
        // Ansible reports the first unresolved reference only.
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            lineno = p.line;
            if (p.state.equals("vars")) {
                throw error("Section [" + e.getKey() + ":vars] not valid for undefined group: " + e.getKey());
            }
            throw error("Section [" + p.parents.getLast() + ":children] includes undefined group: " + e.getKey());
        }
    }

    private void addPendingChildren(String group, Map<String, Pending> pending) {
        for (String parent : pending.get(group).parents) {
            inventory.addChildGroup(parent, group, new SourceLocation(file, lineno, 0));
            Pending pp = pending.get(parent);
            if (pp != null && pp.state.equals("children")) addPendingChildren(parent, pending);
        }
        pending.remove(group);
    }

    /** {@code name[:port] key=value ...}: the hosts it names (a range names several) and their variables. */
    private void hostLine(String line, String group) {
        List<String> tokens;
        try {
            tokens = Shlex.split(line, true);
        } catch (Shlex.SplitException e) {
            throw error("Error parsing host definition '" + line + "': " + e.reason());
        }
        if (tokens.isEmpty()) return;
        String pattern = tokens.get(0);
        HostDeclaration declared;
        try {
            declared = HostDeclaration.of(pattern);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        List<String> hosts = declared.hosts();
        Optional<Integer> port = declared.port();
        if (PythonText.strip(pattern).endsWith(":") && port.isEmpty()) {
            throw error("Invalid host pattern '" + pattern + "' supplied, ending in ':' is not allowed, this character "
                    + "is reserved to provide a port.");
        }
        for (String h : hosts) {
            if (PythonText.strip(h).equals("---")) {
                throw error("Invalid host pattern '" + pattern + "' supplied, '---' is normally a sign this is a YAML "
                        + "file.");
            }
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String t : tokens.subList(1, tokens.size())) {
            int eq = t.indexOf('=');
            if (eq < 0) throw error("Expected key=value host variable assignment, got: " + t);
            String key = t.substring(0, eq);
            vars.put(key, value(t.substring(eq + 1), key));
        }
        for (String h : hosts) {
            if (h.isEmpty()) throw error("Invalid empty host name provided: " + h);
            inventory.addHost(h, group, port, Optional.of(file), file.toString());
            vars.forEach((k, v) -> inventory.setHostVar(h, k, v));
        }
    }

    private Object value(String text, String key) {
        try {
            return PythonLiteral.valueOf(text);
        } catch (PythonLiteral.Unsupported e) {
            throw error("the value of '" + key + "' (" + text + ") " + e.getMessage() + "; quote it to make it text");
        }
    }
}
