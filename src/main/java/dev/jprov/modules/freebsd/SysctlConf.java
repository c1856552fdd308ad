package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sysctl.conf(5) as ansible.posix.sysctl reads and rewrites it: every line stripped, {@code name=value} lines
 * (not starting with # or ;) read with the last value winning, and a rewrite that keeps the first line of each name
 * as {@code name=value} (blanks around '=' dropped), drops its later duplicates, and appends a name not there.
 * sbin/sysctl/sysctl.c's parsefile() reads the result the same way at boot (rc.d/sysctl).
 */
record SysctlConf(List<String> lines) {

    static SysctlConf parse(String text) {
        List<String> lines = new ArrayList<>();
        if (!text.isEmpty()) {
            String[] raw = text.split("\n", -1);
            int n = text.endsWith("\n") ? raw.length - 1 : raw.length;
            for (int i = 0; i < n; i++) lines.add(raw[i].strip());
        }
        return new SysctlConf(lines);
    }

    private static boolean assignment(String line) {
        return !line.isBlank() && !line.startsWith("#") && !line.startsWith(";") && line.contains("=");
    }

    /** The value the file gives {@code name}: its last assignment. */
    Optional<String> value(String name) {
        Optional<String> found = Optional.empty();
        for (String line : lines) {
            if (!assignment(line)) continue;
            int eq = line.indexOf('=');
            if (line.substring(0, eq).strip().equals(name)) found = Optional.of(line.substring(eq + 1).strip());
        }
        return found;
    }

    /** The file's text with {@code name} set to {@code value}, or removed when it is empty (fix_lines + write). */
    String rewrite(String name, Optional<String> value) {
        StringBuilder out = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : lines) {
            if (!assignment(line)) {
                out.append(line).append('\n');
                continue;
            }
            int eq = line.indexOf('=');
            String k = line.substring(0, eq).strip();
            if (!seen.add(k)) continue;
            if (k.equals(name)) {
                value.ifPresent(v -> out.append(name).append('=').append(v).append('\n'));
            } else {
                out.append(k).append('=').append(line.substring(eq + 1).strip()).append('\n');
            }
        }
        if (!seen.contains(name) && value.isPresent()) out.append(name).append('=').append(value.get()).append('\n');
        return out.toString();
    }
}
