package dev.jprov.modules.freebsd;

import dev.jprov.modules.ArgsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One jail's stanza as jprov writes it. The layout is the seed 000 article's: groups separated by a blank line
 * (isolation, start/stop, VNET, prestart, mounts, poststop), each with the article's heading comment when
 * {@code comments} is on (the default), parameters of the isolation and start/stop groups in the article's
 * order and then in the task's order. Given the article's values it renders the article's stanza byte for byte.
 */
record JailDefinition(String name, Map<String, JailParamValue> params, Optional<JailVnet> vnet, List<String> mounts,
                      boolean comments) {
    private static final Pattern PARAM = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final List<String> ISOLATION_ORDER =
            List.of("path", "host.hostname", "enforce_statfs", "mount.devfs", "devfs_ruleset", "exec.clean");
    private static final List<String> START_ORDER = List.of("exec.start", "exec.stop", "exec.consolelog");
    private static final String CLEAN_COMMENT = "# reset environment before executing jail commands";

    JailDefinition {
        params = new LinkedHashMap<>(params);
        mounts = List.copyOf(mounts);
    }

    /** Reads the {@code params} mapping of a task; values must be booleans, numbers, strings or lists. */
    static Map<String, JailParamValue> readParams(String module, Map<String, Object> raw, List<String> mountsOut) {
        Map<String, JailParamValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (!PARAM.matcher(key).matches()) {
                throw new ArgsException(module + ": params: '" + key + "' is not a jail parameter name");
            }
            if (key.equals("name")) {
                throw new ArgsException(module + ": params: 'name' is the stanza's name; use the name argument");
            }
            if (key.equals("mount") && v instanceof List<?> l) {
                for (Object o : l) mountsOut.add(mountLine(module, o));
                continue;
            }
            out.put(key, value(module, key, v));
        }
        return out;
    }

    private static JailParamValue value(String module, String key, Object v) {
        return switch (v) {
            case null -> throw new ArgsException(module + ": params: " + key + " has no value");
            case Boolean b -> new JailParamValue.Flag(b);
            case Integer i -> new JailParamValue.Number(i);
            case Long l -> new JailParamValue.Number(l);
            case String s -> new JailParamValue.Text(checkText(module, key, s));
            case List<?> l -> {
                List<String> items = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof Map || o instanceof List || o == null) {
                        throw new ArgsException(module + ": params: " + key + " must be a list of strings");
                    }
                    items.add(checkText(module, key, String.valueOf(o)));
                }
                yield new JailParamValue.Values(items);
            }
            default -> throw new ArgsException(module + ": params: " + key + " must be a string, number, boolean"
                    + " or list, got " + v.getClass().getSimpleName());
        };
    }

    private static String checkText(String module, String key, String s) {
        if (s.indexOf('\0') >= 0) throw new ArgsException(module + ": params: " + key + " contains a NUL byte");
        return s;
    }

    /** An fstab(5) line for {@code mount +=}: given as a string, or {src, dest, type, options}. */
    static String mountLine(String module, Object o) {
        String line;
        if (o instanceof Map<?, ?> m) {
            Object src = m.get("src");
            Object dest = m.containsKey("dest") ? m.get("dest") : m.get("path");
            if (src == null || dest == null) {
                throw new ArgsException(module + ": a mount needs src and dest: " + m);
            }
            for (Object k : m.keySet()) {
                if (!List.of("src", "dest", "path", "type", "fstype", "options", "opts").contains(String.valueOf(k))) {
                    throw new ArgsException(module + ": unknown key '" + k + "' in mount " + m);
                }
            }
            Object type = m.containsKey("type") ? m.get("type") : m.get("fstype");
            Object opts = m.containsKey("options") ? m.get("options") : m.get("opts");
            line = src + " " + dest + " " + (type == null ? "nullfs" : type) + " " + (opts == null ? "rw" : opts)
                    + " 0 0";
        } else if (o instanceof String s) {
            line = s.trim();
        } else {
            throw new ArgsException(module + ": a mount must be an fstab line or {src, dest, type, options}");
        }
        String[] fields = line.split("\\s+");
        if (fields.length < 4 || fields.length > 6 || !fields[1].startsWith("/")) {
            throw new ArgsException(module + ": mount '" + line + "' is not an fstab(5) line "
                    + "(SOURCE /MOUNTPOINT TYPE OPTIONS [DUMP PASS])");
        }
        if (line.indexOf('\n') >= 0) throw new ArgsException(module + ": mount '" + line + "' has a newline");
        return line;
    }

    /** Whether the stanza sets exec.consolelog, whose directory must exist before the jail starts. */
    Optional<String> consoleLog() {
        return params.get("exec.consolelog") instanceof JailParamValue.Text t ? Optional.of(t.value())
                : Optional.empty();
    }

    String render() {
        List<String> isolation = new ArrayList<>();
        List<String> start = new ArrayList<>();
        List<String> net = new ArrayList<>();
        List<String> prestart = new ArrayList<>();
        List<String> mountLines = new ArrayList<>();
        List<String> poststop = new ArrayList<>();
        vnet.ifPresent(v -> {
            net.add(line("vnet", new JailParamValue.Flag(true)).getFirst());
            net.add(line("vnet.interface", new JailParamValue.Text(v.jailSide())).getFirst());
            for (String p : v.prestart()) prestart.add(plus("exec.prestart", p));
            for (String p : v.poststop()) poststop.add(plus("exec.poststop", p));
        });
        for (String key : ordered()) {
            JailParamValue value = params.get(key);
            List<String> lines = line(key, value);
            if (key.equals("exec.prestart")) prestart.addAll(lines);
            else if (key.equals("exec.poststop")) poststop.addAll(lines);
            else if (key.equals("vnet") || key.startsWith("vnet.")) net.addAll(lines);
            else if (key.startsWith("exec.") && !key.equals("exec.clean")) start.addAll(lines);
            else isolation.addAll(lines);
        }
        for (String m : mounts) mountLines.add(plus("mount", m));
        StringBuilder s = new StringBuilder(name).append(" {\n");
        boolean first = true;
        first = group(s, first, "# Filesystem and process isolation", isolation);
        first = group(s, first, "# Standard start/stop", start);
        first = group(s, first, "# VNET networking", net);
        first = group(s, first, vnet.isPresent()
                ? "# Create epair, rename, bridge - runs on the host before jail starts"
                : "# Runs on the host before the jail starts", prestart);
        first = group(s, first, "# nullfs mounts from the host", mountLines);
        group(s, first, vnet.isPresent() ? "# Clean up - runs on the host after jail stops"
                : "# Runs on the host after the jail stops", poststop);
        return s.append("}\n").toString();
    }

    private boolean group(StringBuilder s, boolean first, String heading, List<String> lines) {
        if (lines.isEmpty()) return first;
        if (!first) s.append('\n');
        if (comments) s.append("    ").append(heading).append('\n');
        for (String l : lines) s.append("    ").append(l).append('\n');
        return false;
    }

    private List<String> ordered() {
        List<String> keys = new ArrayList<>();
        for (String k : ISOLATION_ORDER) if (params.containsKey(k)) keys.add(k);
        for (String k : START_ORDER) if (params.containsKey(k)) keys.add(k);
        for (String k : params.keySet()) if (!keys.contains(k)) keys.add(k);
        return keys;
    }

    private List<String> line(String key, JailParamValue value) {
        return switch (value) {
            case JailParamValue.Flag f -> {
                String l = (f.on() ? key : JailConfQuoting.negated(key)) + ";";
                if (comments && f.on() && key.equals("exec.clean")) l = String.format("%-25s%s", l, CLEAN_COMMENT);
                yield List.of(l);
            }
            case JailParamValue.Number n -> List.of(key + " = " + n.value() + ";");
            case JailParamValue.Text t -> List.of(key + " = " + JailConfQuoting.value(key, t.value()) + ";");
            case JailParamValue.Values vs -> vs.values().stream().map(v -> plus(key, v)).toList();
        };
    }

    private static String plus(String key, String value) {
        return key + " += " + JailConfQuoting.doubleQuoted(value) + ";";
    }
}
