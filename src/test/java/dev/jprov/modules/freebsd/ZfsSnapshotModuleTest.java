package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZfsSnapshotModuleTest {
    private static final String DS = "zroot/jails/unbound";

    private static ProbeAnswer snaps(String written, String... names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) s.append(DS).append('@').append(n).append('\n');
        s.append("@props\nmountpoint\t/jails/unbound\nwritten\t").append(written).append('\n');
        return CannedAnswers.ok(s.toString());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: snapshot exists", args("dataset", DS, "name", "pre-update-1"),
                        snaps("0", "pre-update-1"), Action.NONE, ""),
                Arguments.of("create", args("dataset", DS, "name", "pre-update-2"),
                        snaps("4096", "pre-update-1"), Action.CREATE, "zfs snapshot zroot/jails/unbound@pre-update-2"),
                Arguments.of("create recursive, full name form", args("name", DS + "@pre-update-2", "recursive", true),
                        snaps("0"), Action.CREATE, "zfs snapshot -r zroot/jails/unbound@pre-update-2"),
                Arguments.of("destroy", args("dataset", DS, "name", "old", "state", "absent"),
                        snaps("0", "old", "pre-update-1"), Action.DELETE, "zfs destroy zroot/jails/unbound@old"),
                Arguments.of("no-op: absent and gone", args("dataset", DS, "name", "old", "state", "absent"),
                        snaps("0", "pre-update-1"), Action.NONE, ""),
                Arguments.of("rollback: newer snapshots exist", args("dataset", DS, "name", "a", "state", "rolled_back"),
                        snaps("0", "a", "b"), Action.UPDATE, "zfs rollback -r zroot/jails/unbound@a"),
                Arguments.of("rollback: written since the newest", args("dataset", DS, "name", "b", "state", "rolled_back"),
                        snaps("8192", "a", "b"), Action.UPDATE, "zfs rollback -r zroot/jails/unbound@b"),
                Arguments.of("no-op: already at the snapshot", args("dataset", DS, "name", "b", "state", "rolled_back"),
                        snaps("0", "a", "b"), Action.NONE, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, ProbeAnswer answer, Action action, String steps) {
        Planned p = CannedAnswers.plan(new ZfsSnapshotModule(), args, answer);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @org.junit.jupiter.api.Test
    void rollbackToAMissingSnapshotFails() {
        Planned p = CannedAnswers.plan(new ZfsSnapshotModule(), args("dataset", DS, "name", "nope", "state", "rolled_back"),
                snaps("0", "a"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("zfs_snapshot: cannot roll back to zroot/jails/unbound@nope: no such snapshot", p.result().get("msg"));
    }

    @org.junit.jupiter.api.Test
    void rollbackDiffNamesTheSnapshotsItDestroys() {
        Planned p = CannedAnswers.plan(new ZfsSnapshotModule(), args("dataset", DS, "name", "a", "state", "rolled_back"),
                snaps("0", "a", "b"));
        assertEquals("zroot/jails/unbound (written since a: 0B)\nzroot/jails/unbound@b\n", Plans.before(p));
        assertEquals("zroot/jails/unbound (at a)\n", Plans.after(p));
    }
}
