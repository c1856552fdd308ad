package dev.jprov.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's setup facts without Python on the host: one shell probe whose {@code key=value} lines become the
 * facts, named as setup returns them ({@code ansible_system}, ...). Used by a play's fact gathering and by the
 * setup/gather_facts module. Where a fact has a FreeBSD rule in ansible-core 2.14's module_utils/facts, that rule
 * is followed: distribution (system/distribution.py get_distribution_FreeBSD), virtualization
 * (virtual/freebsd.py with virtual/sysctl.py), processors and memory (hardware/freebsd.py).
 */
public final class SystemFacts {
    private SystemFacts() {}

    public static final Probe.Shell PROBE = new Probe.Shell("""
            set -- $(uname -snrm)
            printf 'system=%s\\nnodename=%s\\nkernel=%s\\nmachine=%s\\n' "$1" "$2" "$3" "$4"
            printf 'kernel_version=%s\\n' "$(uname -v)"
            printf 'uid=%s\\ngid=%s\\neuid=%s\\negid=%s\\n' "$(id -ru)" "$(id -rg)" "$(id -u)" "$(id -g)"
            printf 'user=%s\\n' "$(id -un)"
            printf 'passwd=%s\\n' "$(getent passwd "$(id -un)" 2>/dev/null)"
            printf 'umask=%s\\n' "$(umask)"
            if [ -r /etc/os-release ]; then
              ( . /etc/os-release; printf 'os_id=%s\\nos_version=%s\\nos_codename=%s\\n' "${ID:-}" \\
                "${VERSION_ID:-}" "${VERSION_CODENAME:-}" )
            fi
            if [ -r /bin/freebsd-version ]; then printf 'userland=%s\\n' "$(/bin/freebsd-version -u 2>/dev/null)"; fi
            if [ "$1" = FreeBSD ]; then
              for k in kern.vm_guest hw.hv_vendor security.jail.jailed hw.model hw.ncpu hw.physmem hw.pagesize \\
                  vm.stats.vm.v_free_count; do
                printf 'sysctl.%s=%s\\n' "$k" "$(sysctl -n "$k" 2>/dev/null | head -n 1)"
              done
              if [ -e /dev/xen/xenstore ]; then echo xenstore=1; fi
            else
              printf 'ncpu=%s\\n' "$(nproc 2>/dev/null)"
              if [ -f /.dockerenv ]; then echo dockerenv=1; fi
              if [ -f /run/.containerenv ]; then echo containerenv=1; fi
              printf 'container=%s\\n' "$(tr '\\000' '\\n' < /proc/1/environ 2>/dev/null | sed -n 's/^container=//p')"
              printf 'memtotal=%s\\n' "$(sed -n 's/^MemTotal: *\\([0-9]*\\).*/\\1/p' /proc/meminfo 2>/dev/null)"
            fi
            env | sed 's/^/env./'
            """, List.of(Resource.ANY));

    private static final Pattern FREEBSD_RELEASE =
            Pattern.compile("(\\d+)\\.(\\d+)-(RELEASE|STABLE|CURRENT|RC|PRERELEASE).*");

    /** The facts of a probe answer, keys as setup returns them (ansible_ prefixed). */
    public static Map<String, Object> parse(ProbeAnswer answer) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> env = new TreeMap<>();
        for (String line : answer.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String k = line.substring(0, eq);
            if (k.startsWith("env.")) env.put(k.substring(4), line.substring(eq + 1));
            else raw.put(k, line.substring(eq + 1));
        }
        String system = raw.getOrDefault("system", "");
        String nodename = raw.getOrDefault("nodename", "");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("system", system);
        f.put("kernel", raw.getOrDefault("kernel", ""));
        f.put("kernel_version", raw.getOrDefault("kernel_version", ""));
        f.put("architecture", raw.getOrDefault("machine", ""));
        f.put("machine", raw.getOrDefault("machine", ""));
        f.put("nodename", nodename);
        f.put("fqdn", nodename);
        int dot = nodename.indexOf('.');
        f.put("hostname", dot > 0 ? nodename.substring(0, dot) : nodename);
        f.put("domain", dot > 0 ? nodename.substring(dot + 1) : "");
        user(raw, f);
        f.put("umask", raw.getOrDefault("umask", ""));
        if ("FreeBSD".equals(system)) {
            freebsd(raw, f);
        } else {
            linux(raw, system, f);
        }
        f.put("env", env);
        f.put("gather_subset", List.of("all"));
        f.put("module_setup", true);
        Map<String, Object> out = new LinkedHashMap<>();
        f.forEach((k, v) -> out.put("ansible_" + k, v));
        return out;
    }

    /** The user facts (system/user.py): passwd entry fields and the real and effective ids. */
    private static void user(Map<String, String> raw, Map<String, Object> f) {
        String[] pw = raw.getOrDefault("passwd", "").split(":", -1);
        f.put("user_id", raw.getOrDefault("user", ""));
        f.put("user_uid", number(raw.get("euid")));
        f.put("user_gid", number(raw.get("egid")));
        f.put("user_gecos", pw.length > 4 ? pw[4] : "");
        f.put("user_dir", pw.length > 5 ? pw[5] : "");
        f.put("user_shell", pw.length > 6 ? pw[6] : "");
        f.put("real_user_id", number(raw.get("uid")));
        f.put("effective_user_id", number(raw.get("euid")));
        f.put("real_group_id", number(raw.get("gid")));
        f.put("effective_group_id", number(raw.get("egid")));
    }

    private static void freebsd(Map<String, String> raw, Map<String, Object> f) {
        // get_distribution_FreeBSD: the release is platform.release(), the kernel's
        String release = raw.getOrDefault("kernel", "");
        f.put("os_family", "FreeBSD");
        f.put("distribution", "FreeBSD");
        f.put("distribution_release", release);
        Matcher m = FREEBSD_RELEASE.matcher(release);
        if (m.matches()) {
            f.put("distribution_major_version", m.group(1));
            f.put("distribution_version", m.group(1) + "." + m.group(2));
        } else {
            f.put("distribution_major_version", release.replaceAll("\\..*", ""));
            f.put("distribution_version", release.replaceAll("-.*", ""));
        }
        f.put("pkg_mgr", "pkgng");
        f.put("service_mgr", "bsdinit");
        Object ncpu = number(raw.get("sysctl.hw.ncpu"));
        f.put("processor_count", ncpu);
        f.put("processor_cores", ncpu);
        f.put("processor_vcpus", ncpu);
        long physmem = longOr(raw.get("sysctl.hw.physmem"), 0);
        long page = longOr(raw.get("sysctl.hw.pagesize"), 0);
        f.put("memtotal_mb", physmem / 1024 / 1024);
        f.put("memfree_mb", longOr(raw.get("sysctl.vm.stats.vm.v_free_count"), 0) * page / 1024 / 1024);
        freebsdVirtual(raw, f);
    }

    /** virtual/freebsd.py: xenstore, then kern.vm_guest's product match, then hw.model's vendor match. */
    private static void freebsdVirtual(Map<String, String> raw, Map<String, Object> f) {
        String type = "";
        String role = "";
        List<String> guest = new ArrayList<>();
        if (raw.containsKey("xenstore")) {
            guest.add("xen");
            type = "xen";
            role = "guest";
        }
        String vmGuest = product(raw.getOrDefault("sysctl.kern.vm_guest", ""), false, guest);
        product(raw.getOrDefault("sysctl.hw.hv_vendor", ""), false, guest);
        product(raw.getOrDefault("sysctl.security.jail.jailed", ""), true, guest);
        // Ansible updates with kern.vm_guest's answer only (the "or" of the three picks its non-empty dict)
        if (type.isEmpty() && vmGuest != null) {
            type = vmGuest;
            role = "guest";
        }
        String model = raw.getOrDefault("sysctl.hw.model", "").strip();
        String vendor = model.equals("QEMU") ? "kvm" : model.equals("OpenBSD") ? "vmm" : null;
        if (vendor != null) {
            if (!guest.contains(vendor)) guest.add(vendor);
            if (type.isEmpty()) {
                type = vendor;
                role = "guest";
            }
        }
        f.put("virtualization_type", type);
        f.put("virtualization_role", role);
        f.put("virtualization_tech_guest", guest);
        f.put("virtualization_tech_host", List.of());
    }

    /** detect_virt_product: the first technology a sysctl's value names (null for none); all go to guest. */
    private static String product(String out, boolean jailKey, List<String> guest) {
        String found = null;
        String trimmed = out.stripTrailing();
        List<String[]> rules = List.of(
                new String[] {"kvm", out.matches("(?s)(KVM|kvm|Bochs|SmartDC).*") ? "y" : ""},
                new String[] {"VMware", out.matches("(?s).*VMware.*") ? "y" : ""},
                new String[] {"virtualbox", trimmed.equals("VirtualBox") ? "y" : ""},
                new String[] {"xen", out.matches("(?s)(HVM domU|XenPVH|XenPV|XenPVHVM).*") ? "y" : ""},
                new String[] {"Hyper-V", trimmed.equals("Hyper-V") ? "y" : ""},
                new String[] {"parallels", trimmed.equals("Parallels") ? "y" : ""},
                new String[] {"RHEV", trimmed.equals("RHEV Hypervisor") ? "y" : ""},
                new String[] {"jails", jailKey && trimmed.equals("1") ? "y" : ""});
        for (String[] r : rules) {
            if (r[1].isEmpty()) continue;
            if (!guest.contains(r[0])) guest.add(r[0]);
            if (found == null) found = r[0];
        }
        return found;
    }

    private static void linux(Map<String, String> raw, String system, Map<String, Object> f) {
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
        Object ncpu = number(raw.get("ncpu"));
        f.put("processor_vcpus", ncpu);
        f.put("memtotal_mb", longOr(raw.get("memtotal"), 0) / 1024);
        // virtual/linux.py's container checks, the ones a controller or test container shows
        String container = raw.getOrDefault("container", "");
        String type = raw.containsKey("dockerenv") ? "docker"
                : raw.containsKey("containerenv") ? "podman"
                : container.isEmpty() ? "NA" : container;
        f.put("virtualization_type", type);
        f.put("virtualization_role", type.equals("NA") ? "NA" : "guest");
        f.put("virtualization_tech_guest", type.equals("NA") ? List.of() : List.of(type, "container"));
        f.put("virtualization_tech_host", List.of());
    }

    private static Object number(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static long longOr(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
