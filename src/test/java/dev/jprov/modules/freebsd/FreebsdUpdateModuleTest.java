package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** freebsd_update against what usr.sbin/freebsd-update/freebsd-update.sh prints. */
class FreebsdUpdateModuleTest {
    private static final String WD = "/var/db/freebsd-update/jail-unbound";
    private static final String STAGED_OUTPUT = """
            Looking up update.FreeBSD.org mirrors... 3 mirrors found.
            Fetching metadata signature for 14.2-RELEASE from update1.freebsd.org... done.
            Fetching metadata index... done.
            Inspecting system... done.
            Preparing to download files... done.
            Fetching 6 patches.....6 done.
            Applying patches... done.

            The following files will be updated as part of updating to
            14.2-RELEASE-p3:
            /bin/freebsd-version
            /lib/libc.so.7
            """;
    private static final String NOTHING_OUTPUT = """
            Looking up update.FreeBSD.org mirrors... 3 mirrors found.
            Fetching metadata signature for 14.2-RELEASE from update1.freebsd.org... done.
            Fetching metadata index... done.
            Inspecting system... done.
            Preparing to download files... done.

            No updates needed to update system to 14.2-RELEASE-p3.
            """;

    /** A jail root of {@code version} on a 14.3 host kernel, and what fetch printed. */
    private static ProbeAnswer answer(String version, String fetch, int rc) {
        return answer(version, version, fetch, rc);
    }

    /** {@code running}: what the probe passed as --currently-running (nothing for -j, which reads it itself). */
    private static ProbeAnswer answer(String version, String running, String fetch, int rc) {
        return CannedAnswers.ok("kernel=14.3-RELEASE\nroot=/jails/unbound\nversion=" + version + "\nrunning=" + running
                + "\n@fetch\n" + fetch + "@fetch-rc=" + rc + "\n");
    }

    static Stream<Arguments> cases() {
        String install = "env 'PAGER=cat' freebsd-update --not-running-from-cron -d " + WD
                + " -b /jails/unbound --currently-running ";
        Map<String, Object> root = args("basedir", "/jails/unbound/", "workdir", WD);
        return Stream.of(
                Arguments.of("no-op: fetch found nothing new (nothing staged, nothing to fetch again)", root,
                        answer("14.2-RELEASE-p3", NOTHING_OUTPUT, 0), Action.NONE, ""),
                Arguments.of("a 14.2 root on a 14.3 kernel is updated as 14.2",
                        root, answer("14.2-RELEASE", STAGED_OUTPUT, 0), Action.UPDATE,
                        install + "14.2-RELEASE fetch install"),
                Arguments.of("a patched root passes its patch level, as -j does with freebsd-version -j", root,
                        answer("14.2-RELEASE-p1", STAGED_OUTPUT, 0), Action.UPDATE,
                        install + "14.2-RELEASE-p1 fetch install"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, ProbeAnswer answer, Action action, String steps) {
        Planned p = CannedAnswers.plan(new FreebsdUpdateModule(), args, answer);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void theProbePassesTheRootsOwnReleaseNeverTheKernels() {
        Probe.Shell probe = (Probe.Shell) CannedAnswers.prepare(new FreebsdUpdateModule(),
                args("basedir", "/jails/unbound")).probes().get(0);
        String s = probe.script();
        assertTrue(s.contains("jfu_version=$(sed -n 's/^USERLAND_VERSION=\"\\(.*\\)\"$/\\1/p' \"$jfu_root\""
                + "/bin/freebsd-version 2>/dev/null)"), s);
        assertTrue(s.contains("jfu_run=$jfu_version\n"), s);
        // The probe fetches into its own work directory beside the root's: a dry run stages nothing that the
        // root's `freebsd-update install` would install, and keeps its downloads for the next dry run.
        assertTrue(s.contains("env 'PAGER=cat' freebsd-update --not-running-from-cron -d "
                + "/var/db/freebsd-update/root-jails-unbound.jprov-probe -b /jails/unbound --currently-running "
                + "\"$jfu_run\" fetch"), s);
        // The work directory must exist for the script's -d check; it is made on the host, mode 700.
        assertTrue(s.contains("[ -d /var/db/freebsd-update/root-jails-unbound.jprov-probe ] || mkdir -p -m 700 "
                + "/var/db/freebsd-update/root-jails-unbound.jprov-probe || exit 1"), s);
        assertFalse(s.contains("mktemp"), "fetch keeps its downloads for the next dry run");
        assertFalse(s.contains("-d /var/db/freebsd-update/root-jails-unbound "), "never the root's own work directory");
    }

    @Test
    void aRootOnA143KernelReportsBoth() {
        Planned p = CannedAnswers.plan(new FreebsdUpdateModule(), args("basedir", "/jails/unbound"),
                answer("14.2-RELEASE", STAGED_OUTPUT, 0));
        assertEquals("14.3-RELEASE", p.result().get("kernel"));
        assertEquals("14.2-RELEASE", p.result().get("currently_running"));
        assertEquals("14.2-RELEASE", p.result().get("before"));
        assertEquals("14.2-RELEASE-p3", p.result().get("after"));
        assertEquals(true, p.result().get("staged"));
        assertEquals("env 'PAGER=cat' freebsd-update --not-running-from-cron -d /var/db/freebsd-update/root-jails-unbound"
                + " -b /jails/unbound --currently-running 14.2-RELEASE fetch install", Plans.steps(p));
        assertEquals("userland: 14.2-RELEASE\n", Plans.before(p));
        assertEquals("userland: 14.2-RELEASE-p3\n  updated: /bin/freebsd-version\n  updated: /lib/libc.so.7\n",
                Plans.after(p));
        assertEquals(List.of("/bin/freebsd-version", "/lib/libc.so.7"), p.result().get("updates"));
    }

    @Test
    void aDryRunAfterAFetchWithNothingNewDoesNotFetchAgain() {
        Planned dry = CannedAnswers.plan(new FreebsdUpdateModule(), args("jail", "unbound"),
                answer("14.2-RELEASE-p3", "", NOTHING_OUTPUT, 0));
        assertEquals(Action.NONE, Plans.action(dry));
        assertEquals(false, dry.result().get("staged"));
        assertEquals("14.2-RELEASE-p3", dry.result().get("after"));
        // Something new: the step fetches and installs in the root's own work directory, made if missing.
        Planned real = CannedAnswers.plan(new FreebsdUpdateModule(), args("jail", "unbound"),
                answer("14.2-RELEASE", "", STAGED_OUTPUT, 0));
        Step.Exec step = (Step.Exec) real.changes().get(0).steps().get(0);
        assertEquals("env 'PAGER=cat' freebsd-update --not-running-from-cron -d " + WD + " -j unbound fetch install",
                step.display());
        assertTrue(step.script().contains("[ -d " + WD + " ] || mkdir -p -m 700 " + WD + " || exit 1"), step.script());
    }

    @Test
    void checkModeAndTheRealRunPlanTheSameFromTheSameProbe() {
        Map<String, Object> args = args("basedir", "/jails/unbound", "snapshot_dataset", "zroot/jails/unbound");
        var first = CannedAnswers.prepare(new FreebsdUpdateModule(), args);
        var second = CannedAnswers.prepare(new FreebsdUpdateModule(), args);
        // Same probe: the check-mode task's answer serves the real task, fetch runs once per run.
        assertEquals(first.probes(), second.probes());
        Planned a = CannedAnswers.plan(new FreebsdUpdateModule(), args, answer("14.2-RELEASE", STAGED_OUTPUT, 0));
        Planned b = CannedAnswers.plan(new FreebsdUpdateModule(), args, answer("14.2-RELEASE", STAGED_OUTPUT, 0));
        assertEquals(a.changes().size(), b.changes().size());
        assertEquals(Plans.steps(a), Plans.steps(b));
    }

    @Test
    void snapshotsFirstAndRollsBackOnFailure() {
        Planned p = CannedAnswers.plan(new FreebsdUpdateModule(), args("jail", "unbound", "snapshot_dataset",
                "zroot/jails/unbound"), answer("14.2-RELEASE", "", STAGED_OUTPUT, 0));
        Step.Exec step = (Step.Exec) p.changes().get(0).steps().get(0);
        // The test context's backup suffix is .1234.2024-01-02@03:04:05~.
        String snap = "zroot/jails/unbound@jprov-update-20240102-030405";
        assertEquals(snap, p.result().get("snapshot"));
        assertTrue(step.script().contains(" >/dev/null 2>&1 || zfs snapshot " + snap + " || exit 1"), step.script());
        assertTrue(step.script().contains("zfs rollback -r " + snap), step.script());
        assertTrue(step.script().contains("freebsd-update --not-running-from-cron -d " + WD
                + " -j unbound fetch install"), step.script());
    }

    @Test
    void theHostKeepsTheScriptsDefaults() {
        Planned p = CannedAnswers.plan(new FreebsdUpdateModule(), args(), CannedAnswers.ok(
                "kernel=14.3-RELEASE\nversion=14.3-RELEASE\nrunning=\n@fetch\n" + STAGED_OUTPUT
                        .replace("14.2", "14.3") + "@fetch-rc=0\n"));
        assertEquals("env 'PAGER=cat' freebsd-update --not-running-from-cron fetch install", Plans.steps(p));
    }

    @Test
    void fetchErrorsFailWithTheScriptsMessage() {
        Planned p = CannedAnswers.plan(new FreebsdUpdateModule(), args("basedir", "/jails/unbound"), answer("14.2-RELEASE",
                "freebsd-update: Directory does not exist or is not writable: /var/db/freebsd-update/x\n", 1));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(((String) p.result().get("msg")).contains("Directory does not exist or is not writable"));
    }

    @Test
    void aRootWithoutFreebsdVersionFails() {
        Planned p = CannedAnswers.plan(new FreebsdUpdateModule(), args("basedir", "/jails/none"),
                CannedAnswers.ok("kernel=14.3-RELEASE\nroot=/jails/none\nversion=\nrunning=\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("freebsd_update: root /jails/none: cannot read the userland version (USERLAND_VERSION in "
                + "/jails/none/bin/freebsd-version)", p.result().get("msg"));
    }

    @Test
    void currentlyRunningCanBeGivenAndWinsOverTheRoot() {
        Probe.Shell probe = (Probe.Shell) CannedAnswers.prepare(new FreebsdUpdateModule(),
                args("basedir", "/jails/unbound", "currently_running", "14.2")).probes().get(0);
        assertTrue(probe.script().contains("jfu_run=14.2\n"), probe.script());
        assertThrows(dev.jprov.modules.ArgsException.class, () -> CannedAnswers.prepare(new FreebsdUpdateModule(),
                args("basedir", "/jails/unbound", "currently_running", "$(reboot)")));
    }

    @Test
    void stampComesFromTheRunsBackupSuffix() {
        assertEquals("20251231-235959", FreebsdUpdateModule.stamp(".77.2025-12-31@23:59:59~"));
    }
}
