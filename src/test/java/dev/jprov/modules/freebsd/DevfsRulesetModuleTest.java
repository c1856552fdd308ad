package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class DevfsRulesetModuleTest {
    /** Seed 000's custom ruleset. */
    static final List<String> SEED_RULES = List.of("add include $devfsrules_hide_all",
            "add include $devfsrules_unhide_basic", "add include $devfsrules_unhide_login", "add path 'bpf*' unhide",
            "add path pf unhide");
    static final String SECTION = "[devfsrules_jail_with_pf=100]\n" + String.join("\n", SEED_RULES) + "\n";
    static final String LIVE = "100 include 1\n200 include 2\n300 include 3\n400 path bpf* unhide\n500 path pf unhide\n";
    static final String OTHER = "# local rules\n[localrules=10]\nadd path 'da*' unhide\n";

    static Map<String, Object> args(Map<String, Object> extra) {
        Map<String, Object> a = new LinkedHashMap<>(Map.of("name", "devfsrules_jail_with_pf", "number", 100,
                "rules", SEED_RULES));
        a.putAll(extra);
        return a;
    }

    static CannedAnswers host(String file, String live) {
        CannedAnswers h = new CannedAnswers().shell("devfs rule -s 100 show", 0, live, "");
        if (file != null) h.file("/etc/devfs.rules", file);
        return h;
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("no-op", host(OTHER + "\n" + SECTION, LIVE), Map.of(), List.of(Action.NONE), OTHER + "\n" + SECTION),
                Arguments.of("new file", host(null, ""), Map.of(), List.of(Action.CREATE, Action.UPDATE), SECTION),
                Arguments.of("append after other sections", host(OTHER, ""), Map.of(), List.of(Action.CREATE, Action.UPDATE), OTHER + "\n" + SECTION),
                Arguments.of("file right, live stale", host(OTHER + "\n" + SECTION, "100 include 1\n"), Map.of(), List.of(Action.UPDATE), null),
                Arguments.of("replace in place keeps later sections", host(SECTION.replace("add path pf unhide\n", "") + "\n" + OTHER, LIVE),
                        Map.of(), List.of(Action.UPDATE), SECTION + "\n" + OTHER),
                Arguments.of("absent", host(OTHER + "\n" + SECTION, LIVE), Map.of("state", "absent", "rules", List.of()),
                        List.of(Action.DELETE, Action.DELETE), OTHER),
                Arguments.of("absent no-op", host(OTHER, ""), Map.of("state", "absent", "rules", List.of()), List.of(Action.NONE), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(String title, CannedAnswers host, Map<String, Object> extra, List<Action> actions, String fileAfter) {
        Planned p = CannedAnswers.plan(new DevfsRulesetModule(), args(extra), host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        p.changes().stream().flatMap(c -> c.steps().stream()).filter(s -> s instanceof Step.WriteFile)
                .map(s -> (Step.WriteFile) s).findFirst()
                .ifPresent(w -> assertEquals(fileAfter, new String(w.content())));
    }

    @Test
    void loadsTheRulesetWithIncludesResolved() {
        Planned p = CannedAnswers.plan(new DevfsRulesetModule(), args(Map.of()), host(null, ""));
        Step.Exec load = (Step.Exec) p.changes().get(1).steps().getFirst();
        assertEquals("""
                devfs rule -s 100 delset &&
                devfs rule -s 100 add include 1 &&
                devfs rule -s 100 add include 2 &&
                devfs rule -s 100 add include 3 &&
                devfs rule -s 100 add path 'bpf*' unhide &&
                devfs rule -s 100 add path pf unhide""", load.script());
        assertEquals(SECTION, p.changes().get(0).diff().after());
        assertEquals(LIVE, p.changes().get(1).diff().after());
    }

    @Test
    void numberTakenByAnotherNameFails() {
        Planned p = CannedAnswers.plan(new DevfsRulesetModule(), args(Map.of()), host("[other=100]\nadd hide\n", ""));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("/etc/devfs.rules line 1: ruleset 100 is already named other", p.result().get("msg"));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(Map.of("rules", List.of("path pf unhide")), "must start with 'add'"),
                Arguments.of(Map.of("rules", List.of("add path pf")), "has no action"),
                Arguments.of(Map.of("rules", List.of("add path pf show")), "unknown argument 'show'"),
                Arguments.of(Map.of("rules", List.of("add path 'a;b' unhide")), "shell characters"),
                Arguments.of(Map.of("rules", List.of("add path pf mode 999")), "mode must be octal"),
                Arguments.of(Map.of("name", "my rules"), "must be letters"),
                Arguments.of(Map.of("number", 0), "number must be 1..65535"),
                Arguments.of(Map.of("colour", "red"), "Unsupported parameters for (devfs_ruleset) module: colour"));
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadArguments(Map<String, Object> extra, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new DevfsRulesetModule(), args(extra)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
