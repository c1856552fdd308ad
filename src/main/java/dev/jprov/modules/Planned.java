package dev.jprov.modules;

import dev.jprov.plan.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of one module call: its changes (NONE changes included, for the report), its result as Ansible
 * would register it ({@code changed} and {@code failed} are filled in by the executor), how the result reads
 * once the steps have run (command's rc and stdout only exist then), and what it does to the run (facts, inventory).
 */
public record Planned(Outcome outcome, List<Change> changes, Map<String, Object> result, AfterApply afterApply,
                      RunEffects effects) {

    public enum Outcome { OK, FAILED, SKIPPED }

    /**
     * Turns the step results into the registered result; the default keeps the planned one. It may fail the task
     * only when one of its steps exited non-zero: the changes of later tasks may be made in the same round trip,
     * which stops only at a step that failed.
     */
    @FunctionalInterface
    public interface AfterApply {
        Map<String, Object> result(Map<String, Object> planned, List<StepResult> steps);

        AfterApply KEEP = (planned, steps) -> planned;
    }

    public Planned {
        changes = List.copyOf(changes);
        result = new LinkedHashMap<>(result);
    }

    public Planned(Outcome outcome, List<Change> changes, Map<String, Object> result, AfterApply afterApply) {
        this(outcome, changes, result, afterApply, RunEffects.NONE);
    }

    public static Planned of(List<Change> changes, Map<String, Object> result) {
        return new Planned(Outcome.OK, changes, result, AfterApply.KEEP);
    }

    public static Planned ok(Map<String, Object> result) {
        return new Planned(Outcome.OK, List.of(), result, AfterApply.KEEP);
    }

    public static Planned failed(String msg, Map<String, Object> result) {
        Map<String, Object> r = new LinkedHashMap<>(result);
        r.put("msg", msg);
        return new Planned(Outcome.FAILED, List.of(), r, AfterApply.KEEP);
    }

    public static Planned skipped(String msg) {
        return new Planned(Outcome.SKIPPED, List.of(), Map.of("msg", msg, "skipped", true), AfterApply.KEEP);
    }

    public Planned withAfterApply(AfterApply after) {
        return new Planned(outcome, changes, result, after, effects);
    }

    /** The same plan with what its result does to the run (facts, inventory). */
    public Planned withEffects(RunEffects runEffects) {
        return new Planned(outcome, changes, result, afterApply, runEffects);
    }

    public boolean changesHost() {
        return changes.stream().anyMatch(Change::changes);
    }
}
