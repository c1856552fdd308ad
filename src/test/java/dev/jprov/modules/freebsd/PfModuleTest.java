package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PfModuleTest {
    /** Seed 000's NAT and egress rules. */
    static final String SEED = """
            ext_if = "vtnet0"
            jail_net = "10.0.0.0/24"
            nat on $ext_if inet from $jail_net to any -> ($ext_if)
            pass in quick on bridge0 from $jail_net to ! $jail_net keep state
            """;

    static CannedHost host(String current, boolean parses, String status) {
        CannedHost h = new CannedHost().shell("pfctl -nf -", parses ? 0 : 1, "",
                        parses ? "" : "stdin:2: syntax error\n")
                .shell("pfctl -s info", 0, status, "");
        if (current != null) h.file("/etc/pf.conf", current);
        return h;
    }

    static Map<String, Object> args(Map<String, Object> extra) {
        Map<String, Object> a = new LinkedHashMap<>(Map.of("content", SEED));
        a.putAll(extra);
        return a;
    }

    static Stream<Arguments> rows() {
        String on = "Status: Enabled for 0 days 00:01:00           Debug: Urgent\n";
        String off = "Status: Disabled                               Debug: Urgent\n";
        return Stream.of(
                Arguments.of("no-op", host(SEED, true, on), Map.of("enabled", true), List.of(Action.NONE), List.of()),
                Arguments.of("new ruleset with confirm-or-revert", host("pass all\n", true, on), Map.of(), List.of(Action.UPDATE),
                        List.of("save /etc/pf.conf as /etc/pf.conf.jprov-prev",
                                "write /etc/pf.conf (" + SEED.length() + " bytes)",
                                "daemon -f -p /var/run/jprov-pf-revert.pid sh -c 'sleep 60; cp /etc/pf.conf.jprov-prev /etc/pf.conf && pfctl -f /etc/pf.conf'",
                                "pfctl -f /etc/pf.conf",
                                "confirm over a new connection (else the host reverts in 60 s)")),
                Arguments.of("enable only, timer disables again", host(SEED, true, off), Map.of("enabled", true, "confirm_timeout", 30),
                        List.of(Action.RUN),
                        List.of("daemon -f -p /var/run/jprov-pf-revert.pid sh -c 'sleep 30; pfctl -d'", "pfctl -e",
                                "confirm over a new connection (else the host reverts in 30 s)")),
                Arguments.of("pf_enable in rc.conf", host(SEED, true, on).file("/etc/rc.conf", "sshd_enable=YES\n"), Map.of("pf_enable", true),
                        List.of(Action.CREATE), List.of("sysrc 'pf_enable=YES'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(String title, CannedHost host, Map<String, Object> extra, List<Action> actions, List<String> steps) {
        Planned p = CannedHost.plan(new PfModule(), args(extra), host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        assertEquals(steps, p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList());
    }

    @Test
    void reconfirmDisarmsTheTimerAndTheWriteIsValidated() {
        Planned p = CannedHost.plan(new PfModule(), args(Map.of()), host("pass all\n", true, ""));
        List<Step> steps = p.changes().getFirst().steps();
        Step.Reconfirm confirm = (Step.Reconfirm) steps.getLast();
        assertEquals("kill \"$(cat /var/run/jprov-pf-revert.pid)\" && rm -f /var/run/jprov-pf-revert.pid /etc/pf.conf.jprov-prev",
                confirm.script());
        assertEquals("pfctl -nf %s", ((Step.WriteFile) steps.get(1)).validate().orElseThrow());
        assertEquals("pass all\n", p.changes().getFirst().diff().before());
        assertEquals(SEED, p.changes().getFirst().diff().after());
    }

    @Test
    void aRulesetThatDoesNotParseFailsInThePlanWithFileAndLine() {
        Planned p = CannedHost.plan(new PfModule(), args(Map.of()), host("pass all\n", false, ""));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals(List.of(), p.changes());
        assertEquals("pfctl -nf rejected the new /etc/pf.conf: /etc/pf.conf (new):2: syntax error; nothing was changed",
                p.result().get("msg"));
    }

    @Test
    void anArmedTimerOfAnEarlierRunStopsTheTask() {
        Planned p = CannedHost.plan(new PfModule(), args(Map.of()), host("pass all\n", true, "Status: Enabled\narmed\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(String.valueOf(p.result().get("msg")).contains("still armed"));
    }

    @Test
    void syntaxCheckFeedsTheCandidateOnStdinWithoutWritingIt() {
        PfModule.Plan plan = (PfModule.Plan) CannedHost.prepare(new PfModule(), args(Map.of()));
        String script = plan.syntaxCheck().script();
        assertTrue(script.startsWith("pfctl -nf - <<'JPROV_PF_"), script);
        assertTrue(script.contains("\n" + SEED), script);
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(Map.of("content", "x", "src", "pf.conf.j2"), "exactly one of content and src"),
                Arguments.of(Map.of("content", "x", "confirm_timeout", 2), "confirm_timeout must be 10..3600"),
                Arguments.of(Map.of("content", "x", "path", "pf.conf"), "path must be absolute"),
                Arguments.of(Map.of("content", "x", "reload", true), "Unsupported parameters for (pf) module: reload"));
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadArguments(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedHost.prepare(new PfModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
