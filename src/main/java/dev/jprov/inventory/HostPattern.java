package dev.jprov.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A host pattern as a play's {@code hosts:} or {@code --limit} takes it, evaluated as Ansible's InventoryManager
 * does: {@code all} / {@code *}, lists separated by {@code ,} (or {@code :} when the whole is not a host
 * address), globs ({@code web*}), {@code ~regex} (anchored at the start), {@code &} intersection and {@code !}
 * exclusion (applied after the plain parts, whatever their place), subscripts ({@code web[0]}, {@code web[1:3]},
 * {@code web[-1]}, {@code web[2:]}), host and group names mixed. A pattern matching nothing gives an empty
 * selection; the caller warns.
 */
public final class HostPattern {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$",
            Pattern.DOTALL);
    private static final Pattern COLON_LIST = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private final List<String> parts;

    private HostPattern(List<String> parts) {
        this.parts = List.copyOf(parts);
    }

    /** One pattern string, e.g. {@code webservers:&staging:!web3}. */
    public static HostPattern parse(String text) {
        return new HostPattern(split(text));
    }

    /** A play's {@code hosts:} given as a list: each item is split as a pattern string. */
    public static HostPattern of(List<String> items) {
        List<String> parts = new ArrayList<>();
        for (String item : items) parts.addAll(split(item));
        return new HostPattern(parts);
    }

    /**
     * A {@code --limit} argument: a pattern whose parts may be {@code @FILE}, a file with one pattern per line
     * (relative to {@code workingDirectory}).
     */
    public static HostPattern limit(String text, Path workingDirectory) {
        List<String> parts = new ArrayList<>();
        for (String part : split(text)) {
            if (!part.startsWith("@")) {
                parts.add(part);
                continue;
            }
            Path file = workingDirectory.resolve(part.substring(1));
            if (!Files.exists(file)) throw new HostPatternException("Unable to find limit file " + file);
            if (!Files.isRegularFile(file)) {
                throw new HostPatternException("Limit starting with \"@\" must be a file, not a directory: " + file);
            }
            try {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
                    parts.add(line.strip());
                }
            } catch (IOException e) {
                throw new HostPatternException("cannot read limit file " + file + ": " + e.getMessage(), e);
            }
        }
        return new HostPattern(parts);
    }

    /** The single patterns after splitting, in the order written. */
    public List<String> parts() {
        return parts;
    }

    /** Ansible's split_host_pattern. */
    static List<String> split(String pattern) {
        List<String> raw;
        if (pattern.contains(",")) {
            raw = List.of(pattern.split(",", -1));
        } else if (HostAddress.isAddress(pattern)) {
            raw = List.of(pattern); // an IPv6 address or a name:port, whose colons are not separators
        } else {
            raw = new ArrayList<>();
            Matcher m = COLON_LIST.matcher(pattern);
            while (m.find()) raw.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (String p : raw) {
            String s = p.strip();
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    public HostSelection select(Inventory inventory) {
        return select(inventory, Optional.empty());
    }

    /** The hosts of this pattern that the limit (if any) also selects, in this pattern's order. */
    public HostSelection select(Inventory inventory, Optional<HostPattern> limit) {
        Evaluation e = new Evaluation(inventory);
        List<String> hosts = e.evaluate(parts);
        if (limit.isPresent()) {
            Set<String> allowed = new LinkedHashSet<>(e.evaluate(limit.get().parts));
            hosts = hosts.stream().filter(allowed::contains).toList();
        }
        return new HostSelection(List.copyOf(new LinkedHashSet<>(hosts)), List.copyOf(e.unmatched));
    }

    @Override
    public String toString() {
        return String.join(",", parts);
    }

    /** One evaluation against one inventory (collects the parts that matched nothing). */
    private static final class Evaluation {
        private final Inventory inventory;
        private final Set<String> unmatched = new LinkedHashSet<>();

        Evaluation(Inventory inventory) {
            this.inventory = inventory;
        }

        /** Plain parts first, then {@code &} parts, then {@code !} parts; only modifiers means "all" plus them. */
        List<String> evaluate(List<String> patterns) {
            List<String> regular = new ArrayList<>();
            List<String> intersect = new ArrayList<>();
            List<String> exclude = new ArrayList<>();
            for (String p : patterns) {
                if (p.isEmpty()) continue;
                if (p.charAt(0) == '!') exclude.add(p);
                else if (p.charAt(0) == '&') intersect.add(p);
                else regular.add(p);
            }
            if (regular.isEmpty()) regular.add("all");
            List<String> ordered = new ArrayList<>(regular);
            ordered.addAll(intersect);
            ordered.addAll(exclude);

            List<String> hosts = new ArrayList<>();
            for (String p : ordered) {
                if (inventory.hosts().containsKey(p)) {
                    hosts.add(p);
                    continue;
                }
                List<String> that = matchOne(p);
                if (p.charAt(0) == '!') {
                    Set<String> drop = new LinkedHashSet<>(that);
                    hosts.removeIf(drop::contains);
                } else if (p.charAt(0) == '&') {
                    Set<String> keep = new LinkedHashSet<>(that);
                    hosts.removeIf(h -> !keep.contains(h));
                } else {
                    Set<String> existing = new LinkedHashSet<>(hosts);
                    for (String h : that) if (!existing.contains(h)) hosts.add(h);
                }
            }
            return hosts;
        }

        private List<String> matchOne(String pattern) {
            String p = pattern.charAt(0) == '&' || pattern.charAt(0) == '!' ? pattern.substring(1) : pattern;
            if (p.isEmpty()) return List.of();
            String expr = p;
            int[] subscript = null;
            if (p.charAt(0) != '~') {
                Matcher m = SUBSCRIPT.matcher(p);
                if (m.matches()) {
                    expr = m.group(1);
                    if (m.group(2) != null) {
                        subscript = new int[] {Integer.parseInt(m.group(2))};
                    } else {
                        int start = Integer.parseInt(m.group(3));
                        int end = m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5));
                        subscript = new int[] {start, end};
                    }
                }
            }
            List<String> hosts = enumerate(expr);
            if (subscript == null || hosts.isEmpty()) return hosts;
            return applySubscript(hosts, subscript, p);
        }

        /** Python's list slicing as Ansible applies it ({@code [x:y]} inclusive; {@code [x:0]} means {@code [x]}). */
        private static List<String> applySubscript(List<String> hosts, int[] subscript, String pattern) {
            int n = hosts.size();
            int start = subscript[0];
            if (subscript.length == 2 && subscript[1] != 0) {
                int end = subscript[1] == -1 ? n - 1 : subscript[1];
                int from = Math.min(start, n);
                int to = Math.min(end + 1, n);
                return from >= to ? List.of() : hosts.subList(from, to);
            }
            int index = start < 0 ? n + start : start;
            if (index < 0 || index >= n) {
                throw new HostPatternException("No hosts matched the subscripted pattern '" + pattern + "'");
            }
            return List.of(hosts.get(index));
        }

        private List<String> enumerate(String pattern) {
            List<String> results = new ArrayList<>();
            Pattern matcher = compile(pattern);
            boolean regex = pattern.charAt(0) == '~';
            List<String> groups = matching(inventory.groups().keySet(), matcher, regex);
            for (String g : groups) results.addAll(inventory.hostsOf(g));
            if (groups.isEmpty() || regex || pattern.chars().anyMatch(c -> ".?*[".indexOf(c) >= 0)) {
                results.addAll(matching(inventory.hosts().keySet(), matcher, regex));
            }
            if (results.isEmpty() && inventory.isImplicitLocalhost(pattern)) results.add(pattern);
            if (results.isEmpty() && groups.isEmpty() && !pattern.equals("all")) unmatched.add(pattern);
            return results;
        }

        private static Pattern compile(String pattern) {
            try {
                return pattern.charAt(0) == '~' ? Pattern.compile(pattern.substring(1)) : Glob.compile(pattern);
            } catch (IllegalArgumentException e) { // PatternSyntaxException included
                throw new HostPatternException("Invalid host list pattern: " + pattern, e);
            }
        }

        private static List<String> matching(Iterable<String> names, Pattern p, boolean regex) {
            List<String> out = new ArrayList<>();
            for (String n : names) {
                Matcher m = p.matcher(n);
                if (regex ? m.lookingAt() : m.matches()) out.add(n);
            }
            return out;
        }
    }
}
