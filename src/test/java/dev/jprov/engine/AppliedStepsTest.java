package dev.jprov.engine;

import static dev.jprov.engine.ResultFixtures.TIMED_OUT;
import static dev.jprov.engine.ResultFixtures.exit;
import static dev.jprov.engine.ResultFixtures.mayFail;
import static dev.jprov.engine.ResultFixtures.ok;
import static dev.jprov.engine.ResultFixtures.reboot;
import static dev.jprov.engine.ResultFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A call's steps read from what ran: the first failure stops them, in Ansible's words. */
class AppliedStepsTest {

    /** {@code failure}: "message | rc | changed", or "none". */
    record Case(String name, List<Step> steps, List<StepResult> ran, int results, String failure) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no steps: nothing ran, nothing failed", List.of(), List.of(), 0, "none"),
                new Case("every step ran", List.of(step("a"), step("b")), List.of(ok(), ok()), 2, "none"),
                new Case("the middle step failed: its stderr and rc",
                        List.of(step("a"), step("b"), step("c")), List.of(ok(), exit(3, "out", "boom\n")), 2,
                        "boom | 3 | true"),
                new Case("failed with an empty stderr: its stdout",
                        List.of(step("a"), step("b")), List.of(ok(), exit(3, " out \n", " ")), 2,
                        "out | 3 | true"),
                new Case("failed without a word: the step and its rc",
                        List.of(step("a"), step("b")), List.of(ok(), exit(4, "", "")), 2,
                        "b failed (rc=4) | 4 | true"),
                new Case("a step that may fail leaves it to the module",
                        List.of(mayFail("grep x f"), step("c")), List.of(exit(1, "", ""), ok()), 2, "none"),
                new Case("a step did not run", List.of(step("a"), step("b"), step("c")), List.of(ok()), 1,
                        "step did not run: b | none | true"),
                new Case("a reboot that did not come back: no rc, and no change reported",
                        List.of(step("a"), reboot()), List.of(ok(), exit(Step.Reboot.TIMED_OUT, "600", TIMED_OUT)), 2,
                        TIMED_OUT + " | none | false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheStepsThatRan(Case c) {
        AppliedSteps applied = AppliedSteps.of(c.steps(), c.ran());
        assertEquals(c.ran().subList(0, c.results()), applied.results());
        assertEquals(c.failure(), applied.failure().map(f -> f.message() + " | "
                + (f.rc().isPresent() ? String.valueOf(f.rc().getAsInt()) : "none") + " | " + f.changed())
                .orElse("none"));
    }
}
