package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FreeBSD facts of a host in one probe: userland and kernel release, architecture, hostname, ZFS pools,
 * the datasets under a prefix, jails (running ones from jls, configured ones from the jail.conf files, marked
 * stopped), whether pf is enabled and whether RACCT/rctl is on. Public so gather_facts can fold it into its round.
 * Configured jails are found by their stanza lines ({@code name {}) in /etc/jail.conf and /etc/jail.conf.d/*.conf,
 * which is what those files look like in practice, not a full jail.conf parse.
 */
public final class FreeBsdFacts {
    private FreeBsdFacts() {}

    public static Probe.Shell probe(Optional<String> datasetPrefix) {
        StringBuilder s = new StringBuilder();
        s.append("printf 'userland=%s\\n' \"$(freebsd-version -u 2>/dev/null)\"\n");
        s.append("printf 'kernel=%s\\n' \"$(freebsd-version -k 2>/dev/null)\"\n");
        s.append("printf 'arch=%s\\n' \"$(uname -m)\"\n");
        s.append("printf 'hostname=%s\\n' \"$(hostname)\"\n");
        s.append("printf 'racct=%s\\n' \"$(sysctl -n kern.racct.enable 2>/dev/null)\"\n");
        s.append("printf 'pf=%s\\n' \"$(pfctl -s info 2>/dev/null | sed -n 's/^Status: \\([A-Za-z]*\\).*/\\1/p')\"\n");
        s.append("echo @pools; zpool list -H -o name 2>/dev/null\n");
        datasetPrefix.ifPresent(p -> s.append("echo @datasets; ")
                .append(ShellScript.fill("zfs list -H -p -o name,mountpoint,used -r {} 2>/dev/null\n", p)));
        s.append("echo @jails; jls -h jid name path host.hostname 2>/dev/null\n");
        s.append("echo @configured; sed -n 's/^[[:space:]]*\\([A-Za-z0-9_][A-Za-z0-9_-]*\\)[[:space:]]*{.*$/\\1/p' "
                + "/etc/jail.conf /etc/jail.conf.d/*.conf 2>/dev/null\n");
        s.append("echo @end");
        return new Probe.Shell(s.toString(), List.of(Resource.ANY));
    }

    /** The facts, keyed as playbooks read them under ansible_facts. */
    public static Map<String, Object> parse(ProbeAnswer answer) {
        Map<String, String> kv = new LinkedHashMap<>();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String section = null;
        for (String line : answer.stdout().split("\n")) {
            if (line.startsWith("@")) {
                section = line.substring(1);
                sections.put(section, new ArrayList<>());
            } else if (section != null) {
                if (!line.isBlank()) sections.get(section).add(line);
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("freebsd_userland", kv.getOrDefault("userland", ""));
        f.put("freebsd_kernel", kv.getOrDefault("kernel", ""));
        f.put("architecture", kv.getOrDefault("arch", ""));
        f.put("hostname", kv.getOrDefault("hostname", ""));
        f.put("zfs_pools", List.copyOf(sections.getOrDefault("pools", List.of())));
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (String l : sections.getOrDefault("datasets", List.of())) {
            String[] c = l.split("\t", -1);
            if (c.length < 3) continue;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", c[0]);
            d.put("mountpoint", c[1]);
            d.put("used", parseLong(c[2]));
            datasets.add(d);
        }
        f.put("zfs_datasets", datasets);
        List<Map<String, Object>> jails = new ArrayList<>();
        Set<String> running = new LinkedHashSet<>();
        List<String> jl = sections.getOrDefault("jails", List.of());
        for (int i = 1; i < jl.size(); i++) {
            // jls -h: a header line, then "jid name path hostname" (jail names and paths have no blanks).
            String[] c = jl.get(i).strip().split("\\s+", 4);
            if (c.length < 3) continue;
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", c[1]);
            j.put("jid", (int) parseLong(c[0]));
            j.put("path", c[2]);
            j.put("hostname", c.length > 3 ? c[3] : "");
            j.put("state", "running");
            running.add(c[1]);
            jails.add(j);
        }
        for (String name : new LinkedHashSet<>(sections.getOrDefault("configured", List.of()))) {
            if (running.contains(name)) continue;
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", name);
            j.put("jid", null);
            j.put("path", "");
            j.put("hostname", "");
            j.put("state", "stopped");
            jails.add(j);
        }
        f.put("jails", jails);
        f.put("pf_enabled", kv.getOrDefault("pf", "").equalsIgnoreCase("Enabled"));
        f.put("rctl_enabled", kv.getOrDefault("racct", "").strip().equals("1"));
        return f;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
