package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * community.general.zpool against zpool(8)'s answers: {@code zpool status -P -L} as status_callback prints it
 * (sys/contrib/openzfs/cmd/zpool/zpool_main.c), {@code zpool get}/{@code zfs get -H -o property,value all}; the
 * plans are the commands plugins/modules/zpool.py runs for the same answers.
 */
class ZpoolModuleTest {
    private static final String STATUS = """
              pool: tank
             state: ONLINE
            config:

            \tNAME             STATE     READ WRITE CKSUM
            \ttank             ONLINE       0     0     0
            \t  mirror-0       ONLINE       0     0     0
            \t    /var/tmp/d0  ONLINE       0     0     0
            \t    /var/tmp/d1  ONLINE       0     0     0
            \tlogs
            \t  /var/tmp/d2    ONLINE       0     0     0

            errors: No known data errors
            """;
    private static final String POOL = "size\t128M\nautoexpand\toff\nashift\t0\ncomment\t-\n";
    private static final String FS = "compression\toff\natime\ton\n";

    private static ProbeAnswer exists(String status, String pool, String fs) {
        return CannedAnswers.ok("@status\n" + status + "@pool\n" + pool + "@fs\n" + fs);
    }

    private static final ProbeAnswer ABSENT = CannedAnswers.ok("@absent\n");

    private static Map<String, Object> mirror(String... disks) {
        return args("type", "mirror", "disks", List.of(disks));
    }

    private static final List<Object> LAYOUT = List.of(mirror("/var/tmp/d1", "/var/tmp/d0"),
            args("role", "log", "disks", List.of("/var/tmp/d2")));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: the layout (in any order) and the properties are there",
                        args("name", "tank", "vdevs", LAYOUT, "pool_properties", args("autoexpand", false),
                                "filesystem_properties", args("atime", true)),
                        exists(STATUS, POOL, FS), "NONE", ""),
                Arguments.of("no-op: absent and not there", args("name", "tank", "state", "absent"), ABSENT, "NONE",
                        ""),
                Arguments.of("create with every option, in the module's order",
                        args("name", "tank", "vdevs", List.of(mirror("/var/tmp/d0", "/var/tmp/d1"),
                                        args("role", "cache", "disks", List.of("/var/tmp/d3"))),
                                "pool_properties", args("ashift", 12, "autoexpand", true),
                                "filesystem_properties", args("compression", "lz4"), "mountpoint", "/srv/tank",
                                "force", true, "disable_new_features", true),
                        ABSENT, "CREATE",
                        "zpool create -d -f -o 'ashift=12' -o 'autoexpand=on' -O 'compression=lz4' -m /srv/tank tank "
                                + "mirror /var/tmp/d0 /var/tmp/d1 cache /var/tmp/d3"),
                Arguments.of("absent destroys", args("name", "tank", "state", "absent"), exists(STATUS, POOL, FS),
                        "DELETE", "zpool destroy tank"),
                Arguments.of("a new mirror is added (normalized), with ashift only",
                        args("name", "tank", "vdevs", List.of(LAYOUT.get(0), LAYOUT.get(1),
                                mirror("/var/tmp/d5", "/var/tmp/d4")), "pool_properties", args("ashift", 0)),
                        exists(STATUS, POOL, FS), "UPDATE",
                        "zpool add -o 'ashift=0' tank mirror /var/tmp/d4 /var/tmp/d5"),
                Arguments.of("a disk no longer listed: its top-level vdev is removed",
                        args("name", "tank", "vdevs", List.of(LAYOUT.get(0))), exists(STATUS, POOL, FS), "UPDATE",
                        "zpool remove tank logs"),
                Arguments.of("properties that differ are set one by one",
                        args("name", "tank", "vdevs", LAYOUT, "pool_properties", args("autoexpand", "on",
                                "comment", "-"), "filesystem_properties", args("compression", "zstd")),
                        exists(STATUS, POOL, FS), "UPDATE", "zpool set 'autoexpand=on' tank\nzfs set 'compression=zstd' tank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, ProbeAnswer answer, String action, String steps) {
        Planned p = CannedAnswers.plan(new ZpoolModule(), args, answer);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p).name());
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void theResultCarriesTheModulesDiffAndTheChangeShowsItAsJson() {
        Planned p = CannedAnswers.plan(new ZpoolModule(), args("name", "tank", "vdevs", LAYOUT,
                "pool_properties", args("autoexpand", true)), exists(STATUS, POOL, FS));
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) p.result().get("diff");
        assertEquals("tank", diff.get("before_header"));
        assertEquals(Map.of("autoexpand", "off"), ((Map<?, ?>) diff.get("before")).get("pool_properties"));
        assertEquals("""
                {
                    "filesystem_properties": {},
                    "pool_properties": {
                        "autoexpand": "on"
                    },
                    "vdevs": [
                        {
                            "disks": [
                                "/var/tmp/d0",
                                "/var/tmp/d1"
                            ],
                            "type": "mirror"
                        },
                        {
                            "disks": [
                                "/var/tmp/d2"
                            ],
                            "role": "log",
                            "type": "stripe"
                        }
                    ]
                }
                """, Plans.after(p));
    }

    @Test
    void theLayoutIsReadAsTheModuleReadsIt() {
        ZpoolStatus s = ZpoolStatus.of("tank", STATUS);
        assertEquals(List.of(new ZpoolVdev(java.util.Optional.empty(), "mirror", List.of("/var/tmp/d0", "/var/tmp/d1")),
                new ZpoolVdev(java.util.Optional.of("log"), "stripe", List.of("/var/tmp/d2"))), s.layout());
        assertEquals(List.of("mirror-0", "logs"), s.named().stream().map(ZpoolStatus.Named::name).toList());
        assertEquals("/dev/ada0", ZpoolStatus.baseDevice("/dev/ada0p4"));
        assertEquals("/dev/sdb", ZpoolStatus.baseDevice("/dev/sdb1"));
    }

    @Test
    void zpoolsOwnFailureIsTheMessage() {
        Planned p = CannedAnswers.plan(new ZpoolModule(), args("name", "tank", "vdevs", LAYOUT),
                new ProbeAnswer(1, "@status\n", "internal error: Device busy\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("internal error: Device busy", p.result().get("msg"));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(args("name", "tank"), "state is present but all of the following are missing: vdevs"),
                Arguments.of(args("vdevs", LAYOUT), "missing required arguments: name"),
                Arguments.of(args("name", "tank", "vdevs", List.of(args("type", "raidz4", "disks", List.of("/d")))),
                        "value of type must be one of: stripe, mirror, raidz, raidz1, raidz2, raidz3, got: raidz4"),
                Arguments.of(args("name", "tank", "vdevs", List.of(args("role", "logs", "disks", List.of("/d")))),
                        "value of role must be one of: log, cache, spare, dedup, special, got: logs"),
                Arguments.of(args("name", "tank", "vdevs", List.of(args("devices", List.of("/d")))),
                        "Unsupported parameters for (zpool) module: vdevs.devices"),
                Arguments.of(args("name", "tank", "vdevs", List.of(args("type", "mirror"))),
                        "missing required arguments: disks found in vdevs"),
                Arguments.of(args("name", "tank", "vdevs", List.of(args("disks", List.of()))),
                        "vdev #1: at least one disk is required (got: [])"),
                Arguments.of(args("name", "tank", "state", "gone"), "value of state must be one of: present, absent"),
                Arguments.of(args("name", "tank", "state", "absent", "ashift", 12),
                        "Unsupported parameters for (community.general.zpool) module: ashift"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArguments")
    void refuses(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new ZpoolModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
