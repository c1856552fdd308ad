package dev.jprov.engine;

import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the result Ansible registers for one call of a task from its plan and what its steps did: the
 * failure of a step, the module's reading of the step results, changed_when/failed_when, and the loop item.
 */
final class ItemResultAssembler {
    private static final String SKIP_REASON = "Conditional result was False";

    private final boolean check;
    private final ChangedFailedWhen judgement;
    private final String loopVar;

    /** {@code loopVar} names the item in a loop item's result ("item" unless loop_control says). */
    ItemResultAssembler(boolean check, ChangedFailedWhen judgement, String loopVar) {
        this.check = check;
        this.judgement = judgement;
        this.loopVar = loopVar;
    }

    /** A task whose when: was false: it never planned. */
    ItemResult skippedTask() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skip_reason", SKIP_REASON);
        return new ItemResult(r, Status.SKIPPED, null, List.of(), List.of());
    }

    /**
     * The result of {@code call}: {@code plan} is its plan (null when it was skipped or its arguments were bad),
     * {@code steps} the steps queued for it and {@code ran} the results of those that ran (none in check mode).
     */
    ItemResult assemble(PreparedCall call, Planned plan, List<Step> steps, List<StepResult> ran) {
        ItemResult planned;
        if (call.skipped()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.put("skipped", true);
            r.put("skip_reason", SKIP_REASON);
            planned = new ItemResult(r, Status.SKIPPED, null, List.of(), List.of());
        } else if (call.error() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.put("msg", call.error());
            planned = new ItemResult(r, Status.FAILED, null, List.of(), List.of());
        } else {
            planned = fromPlan(plan, steps, ran, call.vars());
        }
        Map<String, Object> r = planned.result();
        if (call.hasItem()) {
            r.put(loopVar, call.item());
            r.put("ansible_loop_var", loopVar);
        }
        // ansible_check_mode is the play's variable, never a key of a registered result.
        r.remove("ansible_check_mode");
        return new ItemResult(r, planned.status(), call.hasItem() ? call.label() : null, planned.diffs(),
                planned.commands());
    }

    private ItemResult fromPlan(Planned p, List<Step> steps, List<StepResult> ran, Map<String, Object> callVars) {
        Map<String, Object> r = new LinkedHashMap<>(p.result());
        List<Diff> diffs = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Change ch : p.changes()) {
            if (ch.changes() && !ch.diff().isEmpty()) diffs.add(ch.diff());
            for (Step s : ch.steps()) commands.add(s.display());
        }
        Status st;
        if (p.outcome() == Planned.Outcome.SKIPPED) {
            r.putIfAbsent("changed", false);
            st = Status.SKIPPED;
        } else {
            boolean changed = p.changesHost();
            boolean failed = p.outcome() == Planned.Outcome.FAILED;
            // Check mode stops before apply: the planned result stands.
            if (!check && changed) {
                AppliedSteps applied = AppliedSteps.of(steps, ran);
                AppliedSteps.Failure failure = applied.failure().orElse(null);
                if (failure != null) {
                    changed = failure.changed();
                    Map<String, Object> before = r;
                    failure.rc().ifPresent(rc -> before.put("rc", rc));
                }
                r = new LinkedHashMap<>(p.afterApply().result(r, applied.results()));
                // a module that read its step's output as a failure that made nothing (tempfile) says so
                if (Boolean.TRUE.equals(r.get("failed")) && Boolean.FALSE.equals(r.get("changed"))) changed = false;
                if (failure != null) {
                    failed = true;
                    r.put("msg", failure.message());
                }
            }
            if (r.get("failed") instanceof Boolean b && b) failed = true;
            r.put("changed", changed);
            r = judgement.judge(r, changed, failed, callVars);
            changed = Boolean.TRUE.equals(r.get("changed"));
            failed = Boolean.TRUE.equals(r.get("failed"));
            st = failed ? Status.FAILED : changed ? Status.CHANGED : Status.OK;
        }
        // Ansible's own results say "failed": false when they did not fail; a module's "failed": false goes.
        if (!r.containsKey("failed")) r.put("failed", st == Status.FAILED);
        else if (st != Status.FAILED) r.remove("failed");
        if (st == Status.FAILED) r.put("failed", true);
        return new ItemResult(r, st, null, diffs, commands);
    }
}
