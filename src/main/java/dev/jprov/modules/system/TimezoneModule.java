package dev.jprov.modules.system;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * community.general.timezone on FreeBSD. The zone is read as the module's BSDTimezone reads it (the target of the
 * /etc/localtime link under /usr/share/zoneinfo; no /etc/localtime is UTC) and, for a copied /etc/localtime, as
 * tzsetup(8) records it: the name in /var/db/zoneinfo when that zone's file has the same bytes. It is set as
 * Ansible sets it, a symlink to /usr/share/zoneinfo/NAME renamed over /etc/localtime, and recorded in
 * /var/db/zoneinfo as tzsetup does (usr.sbin/tzsetup/tzsetup.c install_zoneinfo), so that `tzsetup -r` after a
 * tzdata update reinstalls the same zone. {@code hwclock} is FreeBSD's /etc/wall_cmos_clock (present: the CMOS
 * clock keeps local time), where Ansible's BSD class refuses the option.
 */
public final class TimezoneModule implements Module {
    static final String NAME = "timezone";
    static final String ZONEINFO = "/usr/share/zoneinfo/";
    static final String LOCALTIME = "/etc/localtime";
    static final String DB = "/var/db/zoneinfo";
    static final String WALL_CMOS_CLOCK = "/etc/wall_cmos_clock";
    /** The characters of tzdata's names (Etc/GMT+5, America/Port-au-Prince): nothing a diff or sh must quote. */
    private static final java.util.regex.Pattern ZONE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+.-]+)*");

    @Override
    public List<String> names() {
        return List.of("community.general.timezone", NAME);
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<String> hwclock = args.has("hwclock", "rtc")
                ? Optional.of(args.stringAliased("hwclock", "rtc").orElseThrow()) : Optional.empty();
        Optional<String> name = args.string("name");
        args.finish();
        hwclock.ifPresent(h -> {
            if (!h.equals("local") && !h.equals("UTC")) {
                throw new ArgsException("value of hwclock must be one of: local, UTC, got: " + h);
            }
        });
        if (hwclock.isEmpty() && name.isEmpty()) throw new ArgsException("one of the following is required: hwclock, name");
        name.ifPresent(n -> {
            if (!ZONE_NAME.matcher(n).matches() || List.of(n.split("/", -1)).contains("..")) {
                throw new ArgsException(n + " is not a recognized timezone");
            }
        });
        return new TimezoneCall(name, hwclock);
    }

    record TimezoneCall(Optional<String> name, Optional<String> hwclock) implements ShellProbeInvocation {
        @Override
        public Probe.Shell probe() {
            ShellScript s = ShellScript.create()
                    .raw("if [ -L /etc/localtime ]; then echo lt=link; elif [ -e /etc/localtime ]; then echo lt=file;"
                            + " else echo lt=absent; fi")
                    .raw("[ -e /etc/localtime ] || echo broken=yes")
                    .raw("printf 'target=%s\\n' \"$(readlink /etc/localtime 2>/dev/null)\"")
                    .raw("jp_db=$(head -n 1 /var/db/zoneinfo 2>/dev/null); printf 'db=%s\\n' \"$jp_db\"")
                    .raw("if [ -n \"$jp_db\" ] && cmp -s /etc/localtime \"/usr/share/zoneinfo/$jp_db\"; then"
                            + " echo dbmatch=yes; fi")
                    .raw("[ -e /etc/wall_cmos_clock ] && echo cmos=local");
            name.ifPresent(n -> s.line("[ -f {} ] && echo valid=yes", ZONEINFO + n));
            return new Probe.Shell(s.raw("true").text(), List.of(Resource.path(LOCALTIME), Resource.path(DB),
                    Resource.path(WALL_CMOS_CLOCK)));
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            Map<String, String> found = new LinkedHashMap<>();
            for (String line : answer.stdout().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) found.put(line.substring(0, eq), line.substring(eq + 1));
            }
            List<String> warnings = new ArrayList<>();
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            hwclock.ifPresent(h -> {
                before.put("hwclock", found.containsKey("cmos") ? "local" : "UTC");
                after.put("hwclock", h);
            });
            if (name.isPresent()) {
                before.put("name", current(found, warnings));
                after.put("name", name.get());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("before", before);
            diff.put("after", after);
            result.put("diff", diff);
            if (!warnings.isEmpty()) result.put("warnings", warnings);
            if (before.equals(after)) return Planned.of(List.of(Change.none(LOCALTIME)), result);
            if (name.isPresent() && !name.get().equals(before.get("name")) && !found.containsKey("valid")) {
                return Planned.failed(name.get() + " is not a recognized timezone", Map.of());
            }
            List<Step> steps = new ArrayList<>();
            List<Resource> writes = new ArrayList<>();
            if (hwclock.isPresent() && !hwclock.get().equals(before.get("hwclock"))) {
                steps.add(Step.Exec.of(hwclock.get().equals("local")
                        ? ShellScript.create().line(": > {} && chmod 0444 {}", WALL_CMOS_CLOCK, WALL_CMOS_CLOCK)
                        : ShellScript.create().cmd(Cmd.of("rm", "-f", WALL_CMOS_CLOCK)),
                        hwclock.get().equals("local") ? "create " + WALL_CMOS_CLOCK : "rm -f " + WALL_CMOS_CLOCK));
                writes.add(Resource.path(WALL_CMOS_CLOCK));
            }
            if (name.isPresent() && !name.get().equals(before.get("name"))) {
                String zone = ZONEINFO + name.get();
                String temp = LOCALTIME + ".jprov";
                steps.add(Step.Exec.of(ShellScript.create()
                        .line("rm -f {} && ln -s {} {} && mv -f {} {} && printf '%s\\n' {} > {}", temp, zone, temp,
                                temp, LOCALTIME, name.get(), DB),
                        "ln -s " + zone + " " + LOCALTIME + "; echo " + name.get() + " > " + DB));
                writes.add(Resource.path(LOCALTIME));
                writes.add(Resource.path(DB));
            }
            Change c = new Change(Action.UPDATE, LOCALTIME, new Diff("", json(before), "", json(after)), steps, writes);
            return Planned.of(List.of(c), result);
        }

        /**
         * The diff as Ansible's callback shows a dict (json.dumps, sorted keys, indent 4) under "before"/"after".
         * The values are zone names and local/UTC, which need no JSON escapes.
         */
        private static String json(Map<String, Object> values) {
            List<String> lines = new java.util.TreeMap<>(values).entrySet().stream()
                    .map(e -> "    \"" + e.getKey() + "\": \"" + e.getValue() + "\"").toList();
            return "{\n" + String.join(",\n", lines) + "\n}\n";
        }

        /** The zone now: the link's target, tzsetup's record when the copy matches it, UTC when there is none. */
        private static String current(Map<String, String> found, List<String> warnings) {
            String lt = found.getOrDefault("lt", "absent");
            if (lt.equals("absent") || found.containsKey("broken")) {
                warnings.add("Could not read /etc/localtime. Assuming UTC.");
                return "UTC";
            }
            if (lt.equals("link")) {
                String target = found.getOrDefault("target", "");
                String absolute = target.startsWith("/") ? target : normalize("/etc/" + target);
                if (absolute.startsWith(ZONEINFO)) return absolute.substring(ZONEINFO.length());
            } else if (found.containsKey("dbmatch")) {
                return found.get("db");
            }
            // Ansible's fall-back too (its search of /usr/share/zoneinfo for a copy's bytes is left out)
            warnings.add("Could not identify timezone name from /etc/localtime. Assuming UTC.");
            return "UTC";
        }

        private static String normalize(String path) {
            List<String> parts = new ArrayList<>();
            for (String p : path.split("/")) {
                if (p.isEmpty() || p.equals(".")) continue;
                if (p.equals("..")) {
                    if (!parts.isEmpty()) parts.removeLast();
                } else {
                    parts.add(p);
                }
            }
            return "/" + String.join("/", parts);
        }
    }
}
