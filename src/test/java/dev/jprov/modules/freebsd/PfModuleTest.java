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
    /** The seed with ssh logged: pflog.ko and pflog_enable are needed. */
    static final String LOGGED = SEED + "pass in log quick on $ext_if proto tcp to port 22 keep state\n";

    /** rc.conf of a fresh bsdinstall (usr.sbin/bsdinstall/scripts/config writes these). */
    static final String FRESH_RC_CONF = "hostname=\"fresh\"\nifconfig_vtnet0=\"DHCP\"\nsshd_enable=\"YES\"\n"
            + "zfs_enable=\"YES\"\n";
    static final String ENABLED_RC_CONF = FRESH_RC_CONF + "pf_enable=\"YES\"\n";

    /** pfctl -s info's first line (sbin/pfctl/pfctl_parser.c print_status: "Status: %s", then the debug level). */
    static final String ON = "Status: Enabled for 0 days 00:01:00           Debug: Urgent\n";
    static final String OFF = "Status: Disabled                               Debug: Urgent\n";

    /** The status probe's answer on a host where pf.ko is loaded with {@code rules} rules. */
    static String loaded(String status, int rules) {
        return "pf.ko loaded\n" + status + "loaded rules: " + rules + "\n";
    }

    /** pf.ko not loaded (fresh 14.3 install): the probe does not call pfctl, which would fail on /dev/pf. */
    static final String NOT_LOADED = "pf.ko not loaded\n";

    static CannedAnswers host(String current, String status, String rcConf) {
        boolean loaded = !status.equals(NOT_LOADED);
        CannedAnswers h = new CannedAnswers().shell("pfctl -nf -", 0, loaded ? "" : NOT_LOADED, "")
                .shell("pfctl -s info", 0, status, "");
        if (current != null) h.file("/etc/pf.conf", current);
        h.file("/etc/rc.conf", rcConf);
        return h;
    }

    static Map<String, Object> args(String content, Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>(Map.of("content", content));
        for (int i = 0; i < kv.length; i += 2) a.put((String) kv[i], kv[i + 1]);
        return a;
    }

    static final String DAEMON = "daemon -f -p /var/run/jprov-pf-revert.pid sh -c ";
    static final String SNAPSHOT = "save the loaded ruleset (pfctl -sr, -sn) as /var/run/jprov-pf-loaded.conf, the "
            + "revert target";

    static Stream<Arguments> rows() {
        Object[] asked = {"enabled", true, "pf_enable", true};
        return Stream.of(
                Arguments.of("no-op: loaded, enabled, file and rc.conf as asked", host(SEED, loaded(ON, 2), ENABLED_RC_CONF),
                        args(SEED, asked), List.of(Action.NONE), List.of()),
                Arguments.of("pf never loaded: load the module, install, enable, persist; revert to pf as it was",
                        host(null, NOT_LOADED, FRESH_RC_CONF), args(SEED, asked),
                        List.of(Action.CREATE, Action.CREATE, Action.CREATE, Action.CREATE),
                        List.of("kldload -n pf",
                                "write /etc/pf.conf (" + SEED.length() + " bytes)",
                                DAEMON + "'sleep 60; rm -f /etc/pf.conf; pfctl -d; kldunload pf'",
                                "pfctl -f /etc/pf.conf", "pfctl -e",
                                "confirm over a new connection (else the host reverts to pf as it was: disabled and "
                                        + "pf.ko unloaded in 60 s)",
                                "sysrc 'pf_enable=YES'")),
                Arguments.of("pf loaded with an old ruleset: revert to the ruleset that was loaded",
                        host("pass all\n", loaded(ON, 1), ENABLED_RC_CONF), args(SEED, asked),
                        List.of(Action.UPDATE, Action.UPDATE),
                        List.of("save /etc/pf.conf as /etc/pf.conf.jprov-prev",
                                "write /etc/pf.conf (" + SEED.length() + " bytes)",
                                SNAPSHOT,
                                DAEMON + "'sleep 60; cp -p /etc/pf.conf.jprov-prev /etc/pf.conf; "
                                        + "{ pfctl -f /var/run/jprov-pf-loaded.conf || pfctl -d; }'",
                                "pfctl -f /etc/pf.conf",
                                "confirm over a new connection (else the host reverts to the ruleset loaded before "
                                        + "(pfctl -sr/-sn) in 60 s)")),
                Arguments.of("rules that log: pflog.ko loaded too, pflog_enable persisted",
                        host(null, NOT_LOADED, FRESH_RC_CONF), args(LOGGED, asked),
                        List.of(Action.CREATE, Action.CREATE, Action.CREATE, Action.CREATE, Action.CREATE),
                        List.of("kldload -n pf", "kldload -n pflog",
                                "write /etc/pf.conf (" + LOGGED.length() + " bytes)",
                                DAEMON + "'sleep 60; rm -f /etc/pf.conf; pfctl -d; kldunload pflog; kldunload pf'",
                                "pfctl -f /etc/pf.conf", "pfctl -e",
                                "confirm over a new connection (else the host reverts to pf as it was: disabled and "
                                        + "pf.ko unloaded in 60 s)",
                                "sysrc 'pf_enable=YES'", "sysrc 'pflog_enable=YES'")),
                Arguments.of("file in place but pf.ko not loaded (a boot without pf_enable): checked, then loaded",
                        host(SEED, NOT_LOADED, FRESH_RC_CONF), args(SEED, "enabled", true),
                        List.of(Action.CREATE, Action.CREATE),
                        List.of("kldload -n pf", "pfctl -nf /etc/pf.conf (checked now that pf.ko is loaded)",
                                DAEMON + "'sleep 60; pfctl -d; kldunload pf'", "pfctl -f /etc/pf.conf", "pfctl -e",
                                "confirm over a new connection (else the host reverts to pf as it was: disabled and "
                                        + "pf.ko unloaded in 60 s)")),
                Arguments.of("loaded and disabled: enable only, the timer disables again",
                        host(SEED, loaded(OFF, 2), ENABLED_RC_CONF), args(SEED, "enabled", true, "confirm_timeout", 30),
                        List.of(Action.RUN),
                        List.of(DAEMON + "'sleep 30; pfctl -d'", "pfctl -e",
                                "confirm over a new connection (else the host reverts to pf disabled as it was in 30 s)")),
                Arguments.of("loaded without rules (kldload by hand): the file is loaded",
                        host(SEED, loaded(ON, 0), ENABLED_RC_CONF), args(SEED, "enabled", true),
                        List.of(Action.UPDATE),
                        List.of(SNAPSHOT, DAEMON + "'sleep 60; { pfctl -f /var/run/jprov-pf-loaded.conf || pfctl -d; }'",
                                "pfctl -f /etc/pf.conf",
                                "confirm over a new connection (else the host reverts to the ruleset loaded before "
                                        + "(pfctl -sr/-sn) in 60 s)")),
                Arguments.of("pf_enable only", host(SEED, loaded(ON, 2), FRESH_RC_CONF), args(SEED, "pf_enable", true),
                        List.of(Action.CREATE), List.of("sysrc 'pf_enable=YES'")),
                Arguments.of("another path: pf_rules persisted", host(null, loaded(ON, 2), ENABLED_RC_CONF)
                                .file("/etc/pf/jails.conf", SEED),
                        args(SEED, "path", "/etc/pf/jails.conf", "pf_enable", true),
                        List.of(Action.CREATE), List.of("sysrc 'pf_rules=/etc/pf/jails.conf'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(String title, CannedAnswers host, Map<String, Object> args, List<Action> actions, List<String> steps) {
        Planned p = CannedAnswers.plan(new PfModule(), args, host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        assertEquals(steps, p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList());
    }

    @Test
    void aDryRunOnAFreshHostSaysTheCheckWaitsForKldloadAndDoesNotFail() {
        Planned p = CannedAnswers.plan(new PfModule(), args(SEED, "enabled", true, "pf_enable", true),
                host(null, NOT_LOADED, FRESH_RC_CONF));
        assertEquals(Planned.Outcome.OK, p.outcome());
        assertEquals(false, p.result().get("validated"));
        assertTrue(String.valueOf(p.result().get("msg")).startsWith("pf.ko is not loaded, so pfctl cannot check "
                + "/etc/pf.conf yet: the run loads it (kldload -n pf)"), String.valueOf(p.result().get("msg")));
        assertEquals("pf as it was: disabled and pf.ko unloaded", p.result().get("revert_to"));
        // The real run checks the new file with pfctl -nf before the rename, after kldload (the first step).
        Step.WriteFile w = (Step.WriteFile) p.changes().get(1).steps().getFirst();
        assertEquals("pfctl -nf %s", w.validate().orElseThrow());
        assertEquals("kldload -n pf", p.changes().getFirst().steps().getFirst().display());
        assertEquals(PfKernel.NOT_LOADED + "\n", p.changes().get(2).diff().before());
        assertEquals("ruleset of /etc/pf.conf loaded\nStatus: Enabled\n", p.changes().get(2).diff().after());
    }

    @Test
    void checkModeReportsWhatTheRealRunDoes() {
        // No module has a check-mode branch: a dry run is the plan; its changes are the ones the real run makes.
        CannedAnswers fresh = host(null, NOT_LOADED, FRESH_RC_CONF);
        Planned dry = CannedAnswers.plan(new PfModule(), args(SEED, "enabled", true, "pf_enable", true), fresh);
        Planned real = CannedAnswers.plan(new PfModule(), args(SEED, "enabled", true, "pf_enable", true), fresh);
        assertEquals(dry.changes().stream().filter(Change::changes).count(),
                real.changes().stream().filter(Change::changes).count());
        assertEquals(4, dry.changes().stream().filter(Change::changes).count());
        // After the real run the host is as asked: the same call is a no-op.
        Planned after = CannedAnswers.plan(new PfModule(), args(SEED, "enabled", true, "pf_enable", true),
                host(SEED, loaded(ON, 2), ENABLED_RC_CONF));
        assertFalse(after.changesHost());
    }

    @Test
    void reconfirmDisarmsTheTimerAndRemovesTheSavedCopies() {
        Planned p = CannedAnswers.plan(new PfModule(), args(SEED), host("pass all\n", loaded(ON, 1), ENABLED_RC_CONF));
        Step.Reconfirm confirm = (Step.Reconfirm) p.changes().getLast().steps().getLast();
        assertEquals("kill \"$(cat /var/run/jprov-pf-revert.pid)\" && rm -f /var/run/jprov-pf-revert.pid "
                + "/etc/pf.conf.jprov-prev /var/run/jprov-pf-loaded.conf", confirm.script());
        assertEquals("pass all\n", p.changes().getFirst().diff().before());
        assertEquals(SEED, p.changes().getFirst().diff().after());
        Step.Exec snapshot = (Step.Exec) p.changes().getLast().steps().getFirst();
        assertEquals("pfctl -sr > /var/run/jprov-pf-loaded.conf.r && pfctl -sn > /var/run/jprov-pf-loaded.conf.n && "
                + "{ sed -n '/^scrub/p' /var/run/jprov-pf-loaded.conf.r; cat /var/run/jprov-pf-loaded.conf.n; "
                + "sed '/^scrub/d' /var/run/jprov-pf-loaded.conf.r; } > /var/run/jprov-pf-loaded.conf && "
                + "rm -f /var/run/jprov-pf-loaded.conf.r /var/run/jprov-pf-loaded.conf.n", snapshot.script());
    }

    @Test
    void theRevertNeverLoadsAnEmptyFile() {
        for (CannedAnswers h : List.of(host(null, NOT_LOADED, FRESH_RC_CONF), host("pass all\n", loaded(ON, 1), FRESH_RC_CONF),
                host(null, loaded(OFF, 0), FRESH_RC_CONF))) {
            Planned p = CannedAnswers.plan(new PfModule(), args(SEED, "enabled", true), h);
            String revert = p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display)
                    .filter(s -> s.startsWith(DAEMON)).findFirst().orElseThrow();
            assertFalse(revert.contains(": >") || revert.contains("pfctl -f /etc/pf.conf"), revert);
        }
    }

    @Test
    void aRulesetThatDoesNotParseFailsInThePlanWithFileAndLine() {
        CannedAnswers h = new CannedAnswers().shell("pfctl -nf -", 1, "", "stdin:2: syntax error\n")
                .shell("pfctl -s info", 0, loaded(ON, 1), "").file("/etc/pf.conf", "pass all\n");
        Planned p = CannedAnswers.plan(new PfModule(), args(SEED), h);
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals(List.of(), p.changes());
        assertEquals("pfctl -nf rejected the new /etc/pf.conf: /etc/pf.conf (new):2: syntax error; nothing was changed",
                p.result().get("msg"));
    }

    @Test
    void anArmedTimerOfAnEarlierRunStopsTheTask() {
        Planned p = CannedAnswers.plan(new PfModule(), args(SEED),
                host("pass all\n", loaded(ON, 1) + "armed\n", FRESH_RC_CONF));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(String.valueOf(p.result().get("msg")).contains("still armed"));
    }

    @Test
    void syntaxCheckFeedsTheCandidateOnStdinOnlyWhenPfIsLoaded() {
        PfModule.Plan plan = (PfModule.Plan) CannedAnswers.prepare(new PfModule(), args(SEED));
        String script = plan.syntaxCheck().script();
        assertTrue(script.startsWith("if kldstat -q -m pf; then pfctl -nf - <<'JPROV_PF_"), script);
        assertTrue(script.contains("\n" + SEED), script);
        assertTrue(script.endsWith("\nelse echo 'pf.ko not loaded'; fi"), script);
    }

    static Stream<Arguments> rulesets() {
        return Stream.of(
                Arguments.of(SEED, false, true),
                Arguments.of(LOGGED, true, true),
                Arguments.of("block log (all, to pflog1) all\n", true, true),
                Arguments.of("pass in on em0 \\\n    log proto tcp\n", true, true),
                Arguments.of("# pass log all\nset loginterface em0\nlog_host = \"10.0.0.1\"\n", false, false),
                Arguments.of("pass in all label \"log this\"\n", false, true),
                Arguments.of("", false, false));
    }

    @ParameterizedTest
    @MethodSource("rulesets")
    void readsWhetherRulesLogAndWhetherThereAreRules(String text, boolean logs, boolean rules) {
        assertEquals(logs, new PfRuleset(text).logs());
        assertEquals(rules, new PfRuleset(text).hasRules());
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
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new PfModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
