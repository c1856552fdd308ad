package dev.jprov.engine;

import dev.jprov.playbook.Condition;
import dev.jprov.playbook.Loop;
import dev.jprov.playbook.TaskNode;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The iterations of a dynamic include on a host: one per loop item (one without a loop) whose when: holds, and
 * the skips of the others reported as Ansible does: "skipping: [h] => (item=x)", or one "skipping: [h]" (counted
 * as skipped) when nothing is included.
 */
final class IncludeIterations {

    /**
     * An iteration of the include: its place among the include's items (skipped ones count), its variables, and
     * whether its when was false (then it is not run, only registered).
     */
    record Iteration(int index, Map<String, Object> vars, boolean skipped) {}

    private final RunContext run;
    private final TaskRunner runner;
    private final LoopItems loops;
    private final PlayShared shared;
    private final String host;

    IncludeIterations(RunContext run, TaskRunner runner, LoopItems loops, PlayShared shared, String host) {
        this.run = run;
        this.runner = runner;
        this.loops = loops;
        this.shared = shared;
        this.host = host;
    }

    List<Iteration> of(TaskNode inc, Loop loop, List<Condition> when, Map<String, Object> vars) {
        List<Map<String, Object>> all = new ArrayList<>(); // null where when: is false
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        if (loop == null) {
            all.add(runner.holds(when, vars) ? vars : null);
            labels.add(null);
            items.add(vars);
        } else {
            for (LoopItems.Item item : itemsUnlessSkipped(loop, when, vars)) {
                all.add(runner.holds(when, item.vars()) ? item.vars() : null);
                labels.add(item.label());
                items.add(item.vars());
            }
        }
        int key = shared.keyOf(inc);
        Map<String, Object> skipped = new LinkedHashMap<>();
        skipped.put("changed", false);
        skipped.put("skip_reason", "Conditional result was False");
        List<Iteration> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != null) {
                out.add(new Iteration(i, all.get(i), false));
            } else if (labels.get(i) != null) {
                out.add(new Iteration(i, items.get(i), true));
                run.report(new Event.TaskResult(host, key, inc.displayName(), false, Status.SKIPPED, labels.get(i),
                        "", List.of(), List.of(), skipped, false));
            }
        }
        if (out.stream().allMatch(Iteration::skipped)) {
            run.report(new Event.TaskResult(host, key, inc.displayName(), false, Status.SKIPPED, null, "",
                    List.of(), List.of(), skipped, false));
            run.recap().count(host, Status.SKIPPED);
        }
        return out;
    }

    /**
     * The loop's items; none when an undefined variable fails it and the when, without an item, is false (as for
     * tasks).
     */
    private List<LoopItems.Item> itemsUnlessSkipped(Loop loop, List<Condition> when, Map<String, Object> vars) {
        try {
            return loops.items(loop, vars);
        } catch (TemplateError loopError) {
            if (loopError.undefined() && runner.falseWithoutItem(when, vars)) return List.of();
            throw loopError;
        }
    }

    /** What an include's tasks see besides the host's variables: the enclosing include's, its own vars, its item. */
    static Map<String, Object> scoped(Map<String, Object> includeVars, Map<String, Object> own, Loop loop,
                                      Map<String, Object> itemVars) {
        Map<String, Object> scoped = new LinkedHashMap<>(includeVars);
        scoped.putAll(own);
        if (loop != null) {
            String lv = loop.control() == null || loop.control().loopVar() == null ? "item"
                    : loop.control().loopVar();
            scoped.put(lv, itemVars.get(lv));
        }
        return scoped;
    }
}
