package dev.jprov.engine;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * gather_facts without Python on the host: one probe, folded into the host's first probe round, giving the
 * ansible_* facts playbooks test most (system, kernel, architecture, hostname, distribution, user).
 */
final class GatherFacts {
    private GatherFacts() {}

    static final Probe.Shell PROBE = new Probe.Shell("""
            set -- $(uname -snrm)
            printf 'system=%s\\nnodename=%s\\nkernel=%s\\nmachine=%s\\n' "$1" "$2" "$3" "$4"
            printf 'uid=%s\\n' "$(id -u)"
            printf 'user=%s\\n' "${USER:-${LOGNAME:-}}"
            printf 'umask=%s\\n' "$(umask)"
            if [ -r /etc/os-release ]; then
              ( . /etc/os-release; printf 'os_id=%s\\nos_version=%s\\nos_codename=%s\\n' "${ID:-}" \\
                "${VERSION_ID:-}" "${VERSION_CODENAME:-}" )
            fi
            if [ -r /bin/freebsd-version ]; then printf 'userland=%s\\n' "$(/bin/freebsd-version -u 2>/dev/null)"; fi
            """, List.of(Resource.ANY));

    static Map<String, Object> parse(ProbeAnswer answer) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String line : answer.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) raw.put(line.substring(0, eq), line.substring(eq + 1));
        }
        String system = raw.getOrDefault("system", "");
        String nodename = raw.getOrDefault("nodename", "");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("system", system);
        f.put("kernel", raw.getOrDefault("kernel", ""));
        f.put("architecture", raw.getOrDefault("machine", ""));
        f.put("machine", raw.getOrDefault("machine", ""));
        f.put("nodename", nodename);
        f.put("fqdn", nodename);
        int dot = nodename.indexOf('.');
        f.put("hostname", dot > 0 ? nodename.substring(0, dot) : nodename);
        f.put("domain", dot > 0 ? nodename.substring(dot + 1) : "");
        f.put("user_id", raw.getOrDefault("user", ""));
        f.put("user_uid", parseInt(raw.get("uid")));
        f.put("umask", raw.getOrDefault("umask", ""));
        if ("FreeBSD".equals(system)) {
            String userland = raw.getOrDefault("userland", "");
            String release = userland.isEmpty() ? raw.getOrDefault("kernel", "") : userland;
            f.put("os_family", "FreeBSD");
            f.put("distribution", "FreeBSD");
            f.put("distribution_release", release);
            f.put("distribution_version", release.replaceAll("-.*", ""));
            f.put("distribution_major_version", release.replaceAll("\\..*", ""));
            f.put("pkg_mgr", "pkgng");
            f.put("service_mgr", "bsdinit");
        } else {
            String id = raw.getOrDefault("os_id", system.toLowerCase(Locale.ROOT));
            String dist = id.isEmpty() ? system : Character.toUpperCase(id.charAt(0)) + id.substring(1);
            f.put("os_family", switch (id) {
                case "debian", "ubuntu" -> "Debian";
                case "rhel", "centos", "fedora", "rocky", "almalinux" -> "RedHat";
                case "alpine" -> "Alpine";
                default -> dist;
            });
            f.put("distribution", dist);
            f.put("distribution_release", raw.getOrDefault("os_codename", ""));
            f.put("distribution_version", raw.getOrDefault("os_version", ""));
            f.put("distribution_major_version", raw.getOrDefault("os_version", "").replaceAll("\\..*", ""));
        }
        return f;
    }

    private static Object parseInt(String s) {
        try {
            return s == null ? null : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
