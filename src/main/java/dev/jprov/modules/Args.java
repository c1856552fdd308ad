package dev.jprov.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A module's arguments with typed access that remembers which keys were read, so {@link #finish()} can reject
 * the rest the way Ansible does. Conversions follow Ansible's argument spec: "yes"/"true"/1 are booleans,
 * numbers may come as strings, a comma-separated string is a list.
 */
public final class Args {
    private final String module;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();

    public Args(String module, Map<String, ?> values) {
        this.module = module;
        this.values = new LinkedHashMap<>(values);
    }

    public String module() {
        return module;
    }

    public Map<String, Object> raw() {
        return Map.copyOf(values);
    }

    /** Declares a key (and its aliases) as known; returns the value under the first name present. */
    private Optional<Object> lookup(String name, String... aliases) {
        known.add(name);
        Object v = values.get(name);
        String found = v != null || values.containsKey(name) ? name : null;
        for (String a : aliases) {
            known.add(a);
            if (values.containsKey(a)) {
                if (found != null && !found.equals(a)) {
                    throw new ArgsException("parameters are mutually exclusive: " + found + "|" + a
                            + " found in " + module + " arguments");
                }
                found = a;
                v = values.get(a);
            }
        }
        return Optional.ofNullable(v);
    }

    /** Whether the key was written at all, also with a null value (which {@link #has} counts as absent). */
    public boolean given(String name) {
        known.add(name);
        return values.containsKey(name);
    }

    public boolean has(String name, String... aliases) {
        return lookup(name, aliases).isPresent();
    }

    public Optional<String> string(String name, String... aliases) {
        return lookup(name, aliases).map(v -> asString(name, v));
    }

    /**
     * Like {@link #string(String, String...)} but never resolves to the {@code string(name, fallback)} overload:
     * {@code string("line", "value")} would read "value" as a fallback, not as an alias.
     */
    public Optional<String> stringAliased(String name, String... aliases) {
        return lookup(name, aliases).map(v -> asString(name, v));
    }

    public String requireString(String name, String... aliases) {
        return string(name, aliases).orElseThrow(() -> missing(name));
    }

    public String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    public Optional<Boolean> bool(String name, String... aliases) {
        return lookup(name, aliases).map(v -> asBool(name, v));
    }

    public boolean bool(String name, boolean fallback) {
        return bool(name).orElse(fallback);
    }

    public Optional<Long> integer(String name, String... aliases) {
        return lookup(name, aliases).map(v -> asLong(name, v));
    }

    /** A list: YAML list, or a comma-separated string as Ansible's type=list accepts. */
    public List<String> list(String name, String... aliases) {
        return lookup(name, aliases).map(v -> asList(name, v)).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name, String... aliases) {
        return lookup(name, aliases).map(v -> {
            if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw new ArgsException("argument '" + name + "' of " + module + " must be a mapping, got " + typeName(v));
        }).orElse(Map.of());
    }

    public Optional<Object> value(String name, String... aliases) {
        return lookup(name, aliases);
    }

    /** A string that must be one of {@code choices}. */
    public String choice(String name, String fallback, String... choices) {
        String v = string(name).orElse(fallback);
        if (v == null) return null;
        for (String c : choices) if (c.equals(v)) return v;
        throw new ArgsException("value of " + name + " must be one of: " + String.join(", ", choices)
                + ", got: " + v);
    }

    /** Rejects arguments no getter asked for, as Ansible does. Call after reading all arguments. */
    public void finish() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        unknown.removeIf(k -> k.startsWith("_ansible_"));
        if (!unknown.isEmpty()) {
            throw new ArgsException("Unsupported parameters for (" + module + ") module: "
                    + String.join(", ", unknown) + ". Supported parameters include: "
                    + String.join(", ", new TreeSet<>(known)) + ".");
        }
    }

    public ArgsException missing(String name) {
        return new ArgsException("missing required arguments: " + name + " (module " + module + ")");
    }

    private String asString(String name, Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Number || v instanceof Character) return v.toString();
        throw new ArgsException("argument '" + name + "' of " + module + " must be a string, got " + typeName(v));
    }

    private boolean asBool(String name, Object v) {
        if (v instanceof Boolean b) return b;
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "yes", "on", "1", "true", "y", "t", "1.0" -> true;
            case "no", "off", "0", "false", "n", "f", "0.0", "" -> false;
            default -> throw new ArgsException("argument '" + name + "' of " + module
                    + " is of type " + typeName(v) + " and we were unable to convert to bool: " + v);
        };
    }

    private long asLong(String name, Object v) {
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ArgsException("argument '" + name + "' of " + module + " must be an integer, got: " + v);
        }
    }

    private List<String> asList(String name, Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) out.add(asString(name, o));
        } else if (v instanceof String s) {
            for (String part : s.split(",")) if (!part.isBlank()) out.add(part.trim());
        } else {
            out.add(asString(name, v));
        }
        return out;
    }

    private static String typeName(Object v) {
        if (v instanceof String) return "str";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Integer || v instanceof Long) return "int";
        if (v instanceof Number) return "float";
        if (v instanceof List) return "list";
        if (v instanceof Map) return "dict";
        return v == null ? "None" : v.getClass().getSimpleName();
    }
}
