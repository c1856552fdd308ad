package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import dev.jprov.facts.Resource;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZfsModuleTest {
    private static final String DS = "zroot/jails/mailserver";
    private static final String EXISTING = """
            type\tfilesystem\t-
            mountpoint\t/jails/mailserver\tlocal
            quota\t0\tdefault
            compression\tlz4\tinherited from zroot
            recordsize\t131072\tdefault
            atime\toff\tlocal
            jprov:role\t-\t-
            """;
    private static final ProbeAnswer MISSING = new ProbeAnswer(1, "ancestor\tzroot/jails\t/jails\n",
            "cannot open 'zroot/jails/mailserver': dataset does not exist\n");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: every asked property already as zfs -p prints it",
                        args("name", DS, "state", "present", "extra_zfs_properties",
                                args("quota", "none", "compression", "lz4", "recordsize", "128K", "atime", false)),
                        CannedAnswers.ok(EXISTING), Action.NONE, "", "", ""),
                Arguments.of("update: sizes and user property, one zfs set",
                        args("name", DS, "state", "present", "extra_zfs_properties",
                                args("quota", "10G", "compress", "lz4", "recsize", "64K", "jprov:role", "mail")),
                        CannedAnswers.ok(EXISTING), Action.UPDATE,
                        "zfs set 'quota=10G' 'recordsize=64K' 'jprov:role=mail' zroot/jails/mailserver",
                        "quota: none\nrecordsize: 128K\njprov:role: -\n",
                        "quota: 10G\nrecordsize: 64K\njprov:role: mail\n"),
                Arguments.of("create with properties",
                        args("name", DS, "state", "present", "extra_zfs_properties",
                                args("quota", "10G", "atime", "off")),
                        MISSING, Action.CREATE,
                        "zfs create -p -o 'quota=10G' -o 'atime=off' zroot/jails/mailserver", "",
                        "zroot/jails/mailserver (new dataset)\n  quota: 10G\n  atime: off\n"),
                Arguments.of("clone from origin",
                        args("name", DS, "state", "present", "origin", "zroot/jails/base@14.2"),
                        MISSING, Action.CREATE,
                        "zfs clone -p zroot/jails/base@14.2 zroot/jails/mailserver", "",
                        "zroot/jails/mailserver (clone of zroot/jails/base@14.2)\n"),
                Arguments.of("absent: destroy",
                        args("name", DS, "state", "absent"), CannedAnswers.ok(EXISTING), Action.DELETE,
                        "zfs destroy zroot/jails/mailserver",
                        "zroot/jails/mailserver (filesystem, mountpoint /jails/mailserver)\n", ""),
                Arguments.of("absent, recursive",
                        args("name", DS, "state", "absent", "recursive", true), CannedAnswers.ok(EXISTING),
                        Action.DELETE, "zfs destroy -r zroot/jails/mailserver",
                        "zroot/jails/mailserver (filesystem, mountpoint /jails/mailserver)\n", ""),
                Arguments.of("no-op: absent and already gone",
                        args("name", DS, "state", "absent"), MISSING, Action.NONE, "", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, ProbeAnswer answer, Action action, String steps,
               String before, String after) {
        Planned p = CannedAnswers.plan(new ZfsModule(), args, answer);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
        assertEquals(before, Plans.before(p));
        assertEquals(after, Plans.after(p));
    }

    @Test
    void messageReadsPropertyOldToNew() {
        Planned p = CannedAnswers.plan(new ZfsModule(), args("name", DS, "state", "present", "extra_zfs_properties",
                args("quota", "10G")), CannedAnswers.ok(EXISTING));
        assertEquals("zroot/jails/mailserver: quota: none -> 10G", p.result().get("msg"));
    }

    @Test
    void createdDatasetWritesTheMountpointItInherits() {
        Planned p = CannedAnswers.plan(new ZfsModule(), args("name", DS, "state", "present"), MISSING);
        assertTrue(p.changes().get(0).writes().contains(Resource.path("/jails/mailserver")),
                p.changes().get(0).writes()::toString);
    }

    @Test
    void probeReadsOnlyTheAskedPropertiesInOneCall() {
        var inv = CannedAnswers.prepare(new ZfsModule(), args("name", DS, "state", "present", "extra_zfs_properties",
                args("quota", "1G", "mountpoint", "/jails/mailserver/")));
        String script = ((dev.jprov.facts.Probe.Shell) inv.probes().get(0)).script();
        assertTrue(script.startsWith("if zfs get -H -p -o property,value,source type,mountpoint,quota "
                + "zroot/jails/mailserver;"), script);
    }

    @Test
    void otherZfsErrorsFailThePlan() {
        Planned p = CannedAnswers.plan(new ZfsModule(), args("name", DS, "state", "present", "extra_zfs_properties",
                args("compresion", "lz4")), new ProbeAnswer(2, "", "bad property list: invalid property 'compresion'\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(p.result().get("msg").toString().contains("invalid property 'compresion'"));
    }
}
