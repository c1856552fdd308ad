package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import java.util.List;
import java.util.Optional;

/**
 * Whether the running kernel accounts resources, which rctl(8) needs. GENERIC has RACCT compiled in but off
 * ({@code kern.racct.enable=0}, a loader tunable, read-only at run time); rctl then fails with usr.bin/rctl/rctl.c's
 * enosys() message "RACCT/RCTL present, but disabled; enable using kern.racct.enable=1 tunable". Without the
 * sysctl the kernel has no RACCT at all ("RACCT/RCTL support not present in kernel").
 */
enum Racct {
    ON, OFF, ABSENT;

    static final String TUNABLE = "kern.racct.enable";
    static final String LOADER_CONF = "/boot/loader.conf";
    /** Read by the loader after /boot/loader.conf (stand/defaults/loader.conf), so a value there wins. */
    static final String LATER_FILES = "/boot/loader.conf.d/*.conf /boot/loader.conf.local";

    /** The running kernel's value; only a boot changes it, so it is stale only after what changes rctl. */
    static final Probe.Shell PROBE = new Probe.Shell("sysctl -n " + TUNABLE,
            List.of(new Resource(Resource.Kind.RCTL, "*")));

    /** Assignments of the tunable in the files the loader reads after loader.conf, as grep -H prints them. */
    static final Probe.Shell LATER_ASSIGNMENTS = new Probe.Shell("grep -Hs '^[[:space:]]*kern\\.racct\\.enable"
            + "[[:space:]]*=' " + LATER_FILES + " || true", List.of(Resource.path("/boot")));

    /**
     * From the sysctl and from {@code rctl} itself: rules that list are proof enough; otherwise the sysctl's 0,
     * or rctl's own words, say off, and a missing sysctl (sysctl: unknown oid) says not compiled in. Another
     * failure of rctl is neither and shows as rctl's error.
     */
    static Optional<Racct> of(ProbeAnswer sysctl, ProbeAnswer rctl) {
        if (rctl.ok()) return Optional.of(ON);
        if (sysctl.ok() && sysctl.stdout().strip().equals("0") || rctl.stderr().contains("present, but disabled")) {
            return Optional.of(OFF);
        }
        if (!sysctl.ok() || rctl.stderr().contains("support not present")) return Optional.of(ABSENT);
        return Optional.empty();
    }

    /** The first later file that sets the tunable to something else than {@code wanted}, with its line. */
    static Optional<String> overriddenLater(ProbeAnswer answer, String wanted) {
        for (String line : answer.stdout().split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            LoaderTunable t = new LoaderTunable(TUNABLE, wanted);
            Optional<String> value = t.current(line.substring(colon + 1));
            if (value.isPresent() && !value.get().equals(wanted)) return Optional.of(line.strip());
        }
        return Optional.empty();
    }
}
