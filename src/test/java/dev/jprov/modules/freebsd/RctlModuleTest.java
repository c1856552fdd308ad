package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
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

    static CannedHost host(String conf, String live, String rcConf) {
        CannedHost h = new CannedHost().shell("rctl", 0, live, "");
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
    void plans(String title, CannedHost host, Map<String, Object> extra, List<Action> actions, List<String> steps) {
        Map<String, Object> args = new java.util.LinkedHashMap<>(Map.of("rules", SEED_RULES));
        args.putAll(extra);
        Planned p = CannedHost.plan(new RctlModule(), args, host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        assertEquals(steps, p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList());
    }

    @Test
    void diffPerRuleShowsReadableAmounts() {
        Planned p = CannedHost.plan(new RctlModule(), Map.of("rules", List.of("jail:unbound:memoryuse:deny=512M")),
                host("jail:unbound:memoryuse:deny=256M\n", "jail:unbound:memoryuse:deny=268435456\n", "rctl_enable=YES\n"));
        Change live = p.changes().get(1);
        assertEquals("jail:unbound:memoryuse:deny=256M\n", live.diff().before());
        assertEquals("jail:unbound:memoryuse:deny=512M\n", live.diff().after());
        Step.WriteFile w = (Step.WriteFile) p.changes().get(0).steps().getFirst();
        assertEquals("jail:unbound:memoryuse:deny=512M\n", new String(w.content()));
    }

    @Test
    void racctDisabledFailsWithTheFix() {
        Planned p = CannedHost.plan(new RctlModule(), Map.of("rules", SEED_RULES), new CannedHost().shell("rctl", 1, "",
                "rctl: RACCT/RCTL present, but disabled; enable using kern.racct.enable=1 tunable\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(String.valueOf(p.result().get("msg")).contains("/boot/loader.conf"));
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
        ArgsException e = assertThrows(ArgsException.class, () -> CannedHost.prepare(new RctlModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
