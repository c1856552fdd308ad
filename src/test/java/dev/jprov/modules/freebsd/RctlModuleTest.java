package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RctlModuleTest {
    static final String SEED_CONF = """
            jail:unbound:memoryuse:deny=512M
            jail:unbound:maxproc:deny=64
            """;
    static final String SEED_LIVE = "jail:unbound:memoryuse:deny=536870912\njail:unbound:maxproc:deny=64\n";
    static final List<Object> SEED_RULES = List.of(
            Map.of("subject", "jail", "id", "unbound", "resource", "memoryuse", "action", "deny", "amount", "512M"),
            "jail:unbound:maxproc:deny=64");

    /** usr.bin/rctl/rctl.c enosys(), printed by errx(1, ...) when kern.racct.enable is 0. */
    static final String RCTL_DISABLED = "rctl: RACCT/RCTL present, but disabled; enable using kern.racct.enable=1 tunable\n";
    /** /boot/loader.conf of a fresh ZFS-on-root install (usr.sbin/bsdinstall/scripts/zfsboot). */
    static final String FRESH_LOADER_CONF = """
            kern.geom.label.disk_ident.enable="0"
            kern.geom.label.gptid.enable="0"
            zfs_load="YES"
            """;

    static CannedAnswers host(String conf, String live, String rcConf) {
        CannedAnswers h = new CannedAnswers().shell("sysctl -n kern.racct.enable", 0, "1\n", "").shell("rctl", 0, live, "");
        if (conf != null) h.file("/etc/rctl.conf", conf);
        if (rcConf != null) h.file("/etc/rc.conf", rcConf);
        return h;
    }

    static Stream<Arguments> rows() {
        String enabled = "rctl_enable=\"YES\"\n";
        return Stream.of(
                Arguments.of("no-op: file, live rules (in bytes) and rc.conf agree", host(SEED_CONF, SEED_LIVE, enabled),
                        Map.of(), List.of(Action.NONE), List.of()),
                Arguments.of("fresh host", host(null, "", null), Map.of(),
                        List.of(Action.CREATE, Action.CREATE, Action.CREATE, Action.CREATE),
                        List.of("write /etc/rctl.conf (62 bytes)", "rctl -a 'jail:unbound:memoryuse:deny=512M'",
                                "rctl -a 'jail:unbound:maxproc:deny=64'", "sysrc 'rctl_enable=YES'")),
                Arguments.of("amount changed live only", host(SEED_CONF, "jail:unbound:memoryuse:deny=268435456\njail:unbound:maxproc:deny=64\n", enabled),
                        Map.of(), List.of(Action.UPDATE), List.of("rctl -a 'jail:unbound:memoryuse:deny=512M'")),
                Arguments.of("exclusive removes other rules of the subject", host(SEED_CONF + "jail:unbound:openfiles:deny=100\njail:wireguard:maxproc:deny=32\n",
                        SEED_LIVE + "jail:unbound:openfiles:deny=100\njail:wireguard:maxproc:deny=32\n", enabled),
                        Map.of("exclusive", true), List.of(Action.UPDATE, Action.DELETE),
                        List.of("write /etc/rctl.conf (93 bytes)", "rctl -r jail:unbound:openfiles:deny")),
                Arguments.of("absent", host(SEED_CONF, SEED_LIVE, enabled), Map.of("state", "absent"),
                        List.of(Action.UPDATE, Action.DELETE, Action.DELETE),
                        List.of("write /etc/rctl.conf (0 bytes)", "rctl -r jail:unbound:memoryuse:deny",
                                "rctl -r jail:unbound:maxproc:deny")),
                Arguments.of("absent no-op", host("", "", null), Map.of("state", "absent"), List.of(Action.NONE), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(String title, CannedAnswers host, Map<String, Object> extra, List<Action> actions, List<String> steps) {
        Map<String, Object> args = new java.util.LinkedHashMap<>(Map.of("rules", SEED_RULES));
        args.putAll(extra);
        Planned p = CannedAnswers.plan(new RctlModule(), args, host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        assertEquals(steps, p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList());
    }

    @Test
    void diffPerRuleShowsReadableAmounts() {
        Planned p = CannedAnswers.plan(new RctlModule(), Map.of("rules", List.of("jail:unbound:memoryuse:deny=512M")),
                host("jail:unbound:memoryuse:deny=256M\n", "jail:unbound:memoryuse:deny=268435456\n", "rctl_enable=YES\n"));
        Change live = p.changes().get(1);
        assertEquals("jail:unbound:memoryuse:deny=256M\n", live.diff().before());
        assertEquals("jail:unbound:memoryuse:deny=512M\n", live.diff().after());
        Step.WriteFile w = (Step.WriteFile) p.changes().get(0).steps().getFirst();
        assertEquals("jail:unbound:memoryuse:deny=512M\n", new String(w.content()));
    }

    /** A host whose kernel has accounting off (GENERIC's default): rctl fails as rctl.c does, sysctl says 0. */
    static CannedAnswers racctOff(String conf, String rcConf, String loaderConf) {
        CannedAnswers h = new CannedAnswers().shell("sysctl -n kern.racct.enable", 0, "0\n", "")
                .shell("grep -Hs", 0, "", "").shell("rctl", 1, "", RCTL_DISABLED);
        if (conf != null) h.file("/etc/rctl.conf", conf);
        if (rcConf != null) h.file("/etc/rc.conf", rcConf);
        if (loaderConf != null) h.file("/boot/loader.conf", loaderConf);
        return h;
    }

    static Stream<Arguments> racctOffRows() {
        String enabled = "rctl_enable=\"YES\"\n";
        String racctOn = FRESH_LOADER_CONF + "kern.racct.enable=\"1\"\n";
        return Stream.of(
                Arguments.of("fresh host: tunable in loader.conf, rctl.conf and rctl_enable for the boot; live untouched",
                        racctOff(null, null, FRESH_LOADER_CONF), Map.of("racct_enable", true),
                        List.of(Action.UPDATE, Action.CREATE, Action.CREATE),
                        List.of("write /boot/loader.conf (" + racctOn.length() + " bytes)",
                                "write /etc/rctl.conf (62 bytes)", "sysrc 'rctl_enable=YES'")),
                Arguments.of("tunable set to 0: replaced in place", racctOff(SEED_CONF, enabled,
                                "kern.racct.enable=0 # off for now\n" + FRESH_LOADER_CONF),
                        Map.of("racct_enable", true), List.of(Action.UPDATE),
                        List.of("write /boot/loader.conf (" + racctOn.length() + " bytes)")),
                Arguments.of("written, not rebooted yet: still changed, so the reboot handler is notified",
                        racctOff(SEED_CONF, enabled, racctOn), Map.of("racct_enable", true), List.of(Action.RUN),
                        List.of()),
                Arguments.of("absent needs no accounting: rctl.conf only", racctOff(SEED_CONF, enabled, FRESH_LOADER_CONF),
                        Map.of("state", "absent"), List.of(Action.UPDATE), List.of("write /etc/rctl.conf (0 bytes)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("racctOffRows")
    void racctOffWithTheOptionPlansForTheNextBoot(String title, CannedAnswers host, Map<String, Object> extra,
                                                   List<Action> actions, List<String> steps) {
        plans(title, host, extra, actions, steps);
        Map<String, Object> args = new java.util.LinkedHashMap<>(Map.of("rules", SEED_RULES));
        args.putAll(extra);
        Planned p = CannedAnswers.plan(new RctlModule(), args, host);
        assertEquals(!extra.containsKey("state"), p.result().get("reboot_required"));
        assertTrue(p.changes().stream().flatMap(c -> c.steps().stream()).noneMatch(s -> s.display().startsWith("rctl ")),
                "live rules are not touched while accounting is off");
    }

    @Test
    void aDryRunWithRacctOffSaysRebootNeededWithTheLoaderConfDiff() {
        Planned p = CannedAnswers.plan(new RctlModule(), Map.of("rules", SEED_RULES, "racct_enable", true),
                racctOff(null, null, FRESH_LOADER_CONF));
        assertEquals(Planned.Outcome.OK, p.outcome());
        assertEquals(true, p.result().get("reboot_required"));
        assertEquals("RACCT is off in the running kernel (kern.racct.enable=0; rctl: RACCT/RCTL present, but "
                + "disabled): reboot needed; kern.racct.enable=\"1\" is in /boot/loader.conf and the rules in "
                + "/etc/rctl.conf, which rc.d/rctl loads at boot; live rules were not touched", p.result().get("msg"));
        Change loader = p.changes().getFirst();
        assertEquals(FRESH_LOADER_CONF, loader.diff().before());
        assertEquals(FRESH_LOADER_CONF + "kern.racct.enable=\"1\"\n", loader.diff().after());
        Step.WriteFile w = (Step.WriteFile) loader.steps().getFirst();
        assertEquals(FRESH_LOADER_CONF + "kern.racct.enable=\"1\"\n", new String(w.content()));
    }

    @Test
    void racctOffWithoutTheOptionFailsInOneLineNamingTheFix() {
        Planned p = CannedAnswers.plan(new RctlModule(), Map.of("rules", SEED_RULES), racctOff(null, null, FRESH_LOADER_CONF));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals(List.of(), p.changes());
        assertEquals("RACCT is off in the running kernel (kern.racct.enable=0; rctl: RACCT/RCTL present, but "
                + "disabled): set kern.racct.enable=\"1\" in /boot/loader.conf and reboot, or give this task "
                + "racct_enable: true to do it", p.result().get("msg"));
    }

    @Test
    void aLaterLoaderFileThatTurnsItOffAgainIsNamed() {
        CannedAnswers h = racctOff(null, null, FRESH_LOADER_CONF);
        h.shell("grep -Hs", 0, "/boot/loader.conf.local:kern.racct.enable=\"0\"\n", "");
        Planned p = CannedAnswers.plan(new RctlModule(), Map.of("rules", SEED_RULES, "racct_enable", true), h);
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("RACCT is off in the running kernel (kern.racct.enable=0; rctl: RACCT/RCTL present, but "
                + "disabled) and /boot/loader.conf.local:kern.racct.enable=\"0\" sets it again after "
                + "/boot/loader.conf: remove that line, then run again", p.result().get("msg"));
    }

    @Test
    void afterTheRebootRcdRctlLoadedTheRulesAndTheRunIsOk() {
        // rc.d/rctl: `rctl -a` of every rule of /etc/rctl.conf at boot; the kernel prints amounts in bytes.
        Planned p = CannedAnswers.plan(new RctlModule(), Map.of("rules", SEED_RULES, "racct_enable", true),
                host(SEED_CONF, SEED_LIVE, "rctl_enable=\"YES\"\n").shell("grep -Hs", 0, "", "")
                        .file("/boot/loader.conf", FRESH_LOADER_CONF + "kern.racct.enable=\"1\"\n"));
        assertEquals(Planned.Outcome.OK, p.outcome());
        assertFalse(p.changesHost());
        assertEquals(false, p.result().get("reboot_required"));
    }

    @Test
    void aKernelWithoutRacctFails() {
        CannedAnswers h = new CannedAnswers().shell("sysctl -n kern.racct.enable", 1, "",
                "sysctl: unknown oid 'kern.racct.enable'\n").shell("rctl", 1, "",
                "rctl: RACCT/RCTL support not present in kernel; see rctl(8) for details\n");
        Planned p = CannedAnswers.plan(new RctlModule(), Map.of("rules", SEED_RULES), h);
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(String.valueOf(p.result().get("msg")).contains("options RACCT and RCTL"));
    }

    static Stream<Arguments> loaderConfEdits() {
        String set = "kern.racct.enable=\"1\"\n";
        return Stream.of(
                Arguments.of("", set),
                Arguments.of("zfs_load=\"YES\"", "zfs_load=\"YES\"\n" + set),
                Arguments.of("kern.racct.enable=1\n", "kern.racct.enable=1\n"),
                Arguments.of("kern.racct.enable=\"1\"\nkern.racct.enable=\"0\"\nx=1\n", set + set + "x=1\n"),
                Arguments.of("#kern.racct.enable=\"0\"\n", "#kern.racct.enable=\"0\"\n" + set),
                Arguments.of("  kern.racct.enable = \"0\"  # not yet\n", set));
    }

    @ParameterizedTest
    @MethodSource("loaderConfEdits")
    void editsLoaderConfAsTheLoaderReadsIt(String before, String after) {
        assertEquals(after, new LoaderTunable("kern.racct.enable", "1").edit(before));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(Map.of("rules", List.of("jail:unbound:memoryuse")), "must be subject:subject-id:resource:action=amount"),
                Arguments.of(Map.of("rules", List.of("jail:unbound:memory:deny=1")), "unknown resource 'memory'"),
                Arguments.of(Map.of("rules", List.of("jail:unbound:cputime:deny=3")), "cputime cannot be denied"),
                Arguments.of(Map.of("rules", List.of("jail:unbound:maxproc:throttle=3")), "cannot be throttled"),
                Arguments.of(Map.of("rules", List.of("jail:unbound:memoryuse:deny=lots")), "amount 'lots'"),
                Arguments.of(Map.of("rules", List.of("jail:un bound:memoryuse:deny=1")), "bad subject id"),
                Arguments.of(Map.of("rules", List.of("host:x:memoryuse:deny=1")), "unknown subject 'host'"),
                Arguments.of(Map.of("rules", List.of(Map.of("subject", "jail", "id", "u", "resource", "maxproc", "action", "deny"))), "missing amount"),
                Arguments.of(Map.of("rules", List.of("jail:u:maxproc:deny=1", "j:u:maxproc:deny=2")), "given twice"),
                Arguments.of(Map.of("rules", List.of("jail:u:maxproc:deny=1"), "colour", 1), "Unsupported parameters for (rctl) module: colour"));
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadRulesBeforeTouchingAnything(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new RctlModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
