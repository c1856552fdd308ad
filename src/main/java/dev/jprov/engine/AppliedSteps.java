package dev.jprov.engine;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one call's steps did: the results of those that ran, in order, and the first failure. The host stops a
 * batch at a step that fails, so the steps after it did not run.
 */
record AppliedSteps(List<StepResult> results, Optional<Failure> failure) {

    /**
     * Why a call's steps failed, as Ansible words it: the message, the exit code it shows as {@code rc} (none for
     * a step that did not run or a reboot), and whether the result still reports the change.
     */
    record Failure(String message, OptionalInt rc, boolean changed) {

        static Failure notRun(Step step) {
            return new Failure("step did not run: " + step.display(), OptionalInt.empty(), true);
        }

        static Failure of(Step step, StepResult result) {
            String message = result.stderr().isBlank() ? result.stdout().strip() : result.stderr().strip();
            if (message.isEmpty()) message = step.display() + " failed (rc=" + result.exitCode() + ")";
            // A reboot's exit code is jprov's own, not a command's: Ansible shows none, and its failed reboot
            // result has no "changed" (reported as false).
            if (step instanceof Step.Reboot) return new Failure(message, OptionalInt.empty(), false);
            return new Failure(message, OptionalInt.of(result.exitCode()), true);
        }
    }

    /**
     * Reads the results of a call's {@code steps}: {@code ran} holds those of the steps that ran, in order (a
     * prefix of {@code steps}).
     */
    static AppliedSteps of(List<Step> steps, List<StepResult> ran) {
        List<StepResult> results = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            if (s >= ran.size()) return new AppliedSteps(results, Optional.of(Failure.notRun(step)));
            StepResult result = ran.get(s);
            results.add(result);
            // A step that may fail leaves the judging to the module (command's rc, failed_when).
            boolean mayFail = step instanceof Step.Exec e && e.mayFail();
            if (result.exitCode() != 0 && !mayFail) {
                return new AppliedSteps(results, Optional.of(Failure.of(step, result)));
            }
        }
        return new AppliedSteps(results, Optional.empty());
    }
}
