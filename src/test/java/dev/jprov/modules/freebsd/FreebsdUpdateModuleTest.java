package dev.jprov.modules.freebsd;

import static dev.jprov.modules.freebsd.Fixture.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreebsdUpdateModuleTest {
    private static final ProbeAnswer PENDING = Fixture.ok("""
            root=/jails/unbound
            version=14.2-RELEASE
            @fetch
            Looking up update.FreeBSD.org mirrors... 3 mirrors found.
            Fetching 6 patches.....6 done.
            Applying patches... done.

            The following files will be updated as part of updating to
            14.2-RELEASE-p3:
            /bin/freebsd-version
            /lib/libc.so.7
            """);
    private static final ProbeAnswer CURRENT = Fixture.ok("""
            root=/jails/unbound
            version=14.2-RELEASE-p3
            @fetch
            Inspecting system... done.

            No updates needed to update system to 14.2-RELEASE-p3.
            """);

    @Test
    void noOpWhenNothingIsPending() {
        Planned p = Fixture.plan(new FreebsdUpdateModule(), args("jail", "unbound"), CURRENT);
        assertEquals(Action.NONE, Fixture.action(p));
        assertEquals("14.2-RELEASE-p3", p.result().get("before"));
        assertEquals("14.2-RELEASE-p3", p.result().get("after"));
    }

    @Test
    void installsWithoutSnapshot() {
        Planned p = Fixture.plan(new FreebsdUpdateModule(), args("basedir", "/jails/unbound/"), PENDING);
        assertEquals(Action.UPDATE, Fixture.action(p));
        assertEquals("env 'PAGER=cat' freebsd-update --not-running-from-cron -b /jails/unbound fetch install",
                Fixture.steps(p));
        assertEquals("userland: 14.2-RELEASE\n", Fixture.before(p));
        assertEquals("userland: 14.2-RELEASE-p3\n  updated: /bin/freebsd-version\n  updated: /lib/libc.so.7\n",
                Fixture.after(p));
        assertEquals(List.of("/bin/freebsd-version", "/lib/libc.so.7"), p.result().get("updates"));
    }

    @Test
    void snapshotsFirstAndRollsBackOnFailure() {
        Planned p = Fixture.plan(new FreebsdUpdateModule(), args("jail", "unbound", "snapshot_dataset",
                "zroot/jails/unbound"), PENDING);
        Step.Exec step = (Step.Exec) p.changes().get(0).steps().get(0);
        // The test context's backup suffix is .1234.2024-01-02@03:04:05~.
        String snap = "zroot/jails/unbound@jprov-update-20240102-030405";
        assertEquals(snap, p.result().get("snapshot"));
        assertTrue(step.script().contains(" >/dev/null 2>&1 || zfs snapshot " + snap + " || exit 1"), step.script());
        assertTrue(step.script().contains("zfs rollback -r " + snap), step.script());
        assertTrue(step.script().contains("freebsd-update --not-running-from-cron -j unbound fetch install"));
    }

    @Test
    void fetchErrorsFail() {
        Planned p = Fixture.plan(new FreebsdUpdateModule(), args(), new ProbeAnswer(1,
                "version=14.2-RELEASE\n@fetch\nfreebsd-update: cannot fetch\n", ""));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
    }

    @Test
    void stampComesFromTheRunsBackupSuffix() {
        assertEquals("20251231-235959", FreebsdUpdateModule.stamp(".77.2025-12-31@23:59:59~"));
    }
}
