package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.util.List;

/**
 * What a host's kernel has of pf, read in one probe: whether pf.ko (and pflog.ko, when the rules log) is loaded,
 * asked with {@code kldstat -q -m} as rc.subr's load_kld asks; pfctl's status line; how many translation and
 * filter rules are loaded; whether the revert timer of an earlier run is still armed.
 * pfctl is only asked once kldstat says pf is there: on a fresh FreeBSD 14.3 host pf.ko is not loaded, /dev/pf
 * does not exist, and every pfctl call fails (sbin/pfctl/pfctl.c: {@code err(1, "%s", pf_device)}, and even
 * {@code -n} stops at {@code pfctl_open(pf_device)}: "Failed to open netlink").
 */
record PfKernel(boolean loaded, boolean pflogLoaded, boolean enabled, int loadedRules, boolean armed) {
    static final String NOT_LOADED = "pf.ko not loaded";
    private static final String LOADED = "pf.ko loaded";
    private static final String PFLOG_LOADED = "pflog.ko loaded";
    private static final String RULES = "loaded rules: ";
    private static final String ARMED = "armed";

    /** The probe; {@code withPflog} also asks for pflog.ko (only rules that log need it). */
    static Probe.Shell probe(boolean withPflog) {
        String pf = "if kldstat -q -m pf; then echo '" + LOADED + "'; pfctl -s info 2>&1 | head -n 1; "
                + "echo \"" + RULES + "$({ pfctl -sn; pfctl -sr; } 2>/dev/null | grep -c .)\"; "
                + "else echo '" + NOT_LOADED + "'; fi";
        String pflog = withPflog ? "; if kldstat -q -m pflog; then echo '" + PFLOG_LOADED + "'; fi" : "";
        String armed = ShellScript.fill("; if [ -f {} ] && kill -0 \"$(cat {})\" 2>/dev/null; then echo " + ARMED
                + "; fi", PfModule.PIDFILE, PfModule.PIDFILE);
        return new Probe.Shell(pf + pflog + armed,
                List.of(new Resource(Resource.Kind.PF, "*"), Resource.path(PfModule.PIDFILE)));
    }

    static PfKernel parse(ProbeAnswer answer) {
        List<String> lines = answer.stdout().lines().map(String::strip).toList();
        boolean loaded = lines.contains(LOADED);
        boolean enabled = lines.stream().anyMatch(l -> l.startsWith("Status: Enabled"));
        int rules = lines.stream().filter(l -> l.startsWith(RULES))
                .map(l -> l.substring(RULES.length()).strip()).filter(s -> s.matches("[0-9]+"))
                .mapToInt(Integer::parseInt).findFirst().orElse(0);
        return new PfKernel(loaded, loaded && lines.contains(PFLOG_LOADED), loaded && enabled, loaded ? rules : 0,
                lines.contains(ARMED));
    }

    /** The kernel side for a diff. */
    String describe() {
        if (!loaded) return NOT_LOADED + "\n";
        return "pf.ko loaded" + (pflogLoaded ? ", pflog.ko loaded" : "") + "\n" + loadedRules + " rules loaded\n"
                + "Status: " + (enabled ? "Enabled" : "Disabled") + "\n";
    }
}
