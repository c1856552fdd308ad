package dev.jprov.engine;

import static dev.jprov.engine.ResultFixtures.judged;
import static dev.jprov.engine.ResultFixtures.map;
import static dev.jprov.engine.ResultFixtures.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.playbook.Condition;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * changed_when and failed_when over a result: the result is visible under the register name and by its own keys,
 * the task's vars too; without conditions the result's own verdict stands.
 */
class ChangedFailedWhenTest {

    record Case(String name, List<Condition> changedWhen, List<Condition> failedWhen, String register,
                Map<String, Object> result, boolean changed, boolean failed, String judged) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Condition> NONE = List.of();

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no conditions, no change: ok", NONE, NONE, null, map("x", 1), false, false,
                        "{x=1, changed=false}"),
                new Case("no conditions: a failure stands", NONE, NONE, "out", map("msg", "boom"), true, true,
                        "{msg=boom, changed=true, failed=true}"),
                new Case("no conditions: a module's failed: false stays", NONE, NONE, null, map("failed", false),
                        false, false, "{failed=false, changed=false}"),
                new Case("changed_when reads the register name", when("out.rc == 0"), NONE, "out", map("rc", 0),
                        false, false, "{rc=0, changed=true}"),
                new Case("changed_when reads the result's own keys", when("rc == 1"), NONE, null, map("rc", 0),
                        true, false, "{rc=0, changed=false}"),
                new Case("changed_when reads the task's vars", when("limit == 2"), NONE, null, map("rc", 0),
                        false, false, "{rc=0, changed=true}"),
                new Case("failed_when fails it, and says so", NONE, when("out.rc == 2"), "out", map("rc", 2),
                        true, false, "{rc=2, changed=true, failed_when_result=true, failed=true}"),
                new Case("failed_when false clears the module's failure", NONE, when("out.rc == 2"), "out",
                        map("rc", 1, "failed", true), true, true, "{rc=1, changed=true, failed_when_result=false}"),
                new Case("both", when("out.stdout != ok"), when("out.rc != 0"), "out", map("rc", 0, "stdout", "ok"),
                        true, false, "{rc=0, stdout=ok, changed=false, failed_when_result=false}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judges(Case c) {
        ChangedFailedWhen judgement = judged(c.changedWhen(), c.failedWhen(), c.register(), map("limit", 2));
        assertEquals(c.judged(), judgement.judge(c.result(), c.changed(), c.failed()).toString());
    }
}
