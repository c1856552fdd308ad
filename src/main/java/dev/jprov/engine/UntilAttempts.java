package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.Until;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.transport.TransportException;
import java.time.Duration;
import dev.jprov.modules.RunEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A task's attempts on a host: one, or with until: again (re-probing) until its conditions hold or the retries run
 * out, reporting each retry, as ansible-core 2.14's TaskExecutor does ({@link UntilAttempt} judges each attempt).
 * Only the last attempt's result lines are reported (by the caller).
 */
final class UntilAttempts {
    private final RunContext run;
    private final TaskRunner runner;
    private final TaskPlanner planner;
    private final String host;
    private final Timing timing;

    UntilAttempts(RunContext run, TaskRunner runner, TaskPlanner planner, String host, Timing timing) {
        this.run = run;
        this.runner = runner;
        this.planner = planner;
        this.host = host;
        this.timing = timing;
    }

    TaskRunner.Outcome run(Task task, Map<String, Object> vars, int key, String title, boolean handler,
                           HostSession target) throws TransportException, ProbeBatch.ProbeFailure {
        Until until = task.until();
        if (until == null) return planner.run(target, task, vars, key, handler);
        // ansible-core 2.14: retries N (default 3) allows N retries after the first attempt; 0 or less, none
        int retries = number(until.retries(), vars, 3);
        int total = run.options().check() || retries <= 0 ? 1 : retries + 1;
        long delay = number(until.delay(), vars, 5);
        List<PreparedCall> calls = planner.prepare(task, vars);
        if (!calls.isEmpty() && calls.get(0).hasItem()) {
            return eachItem(task, vars, key, title, handler, target, calls, total, delay);
        }
        Predicate<Map<String, Object>> holds = holds(task, vars);
        for (int i = 1; ; i++) {
            UntilAttempt attempt = new UntilAttempt(i, total, holds);
            TaskRunner.Outcome outcome = planner.run(target, task, vars, key, handler, attempt);
            // the condition is tested after a failed attempt too: where it holds, the task stays failed
            if (attempt.last() || outcome.status() == Status.SKIPPED || holds.test(outcome.result())) return outcome;
            run.report(new Event.Retrying(host, key, title, total - i));
            target.forgetAll(); // the next attempt must see the host as it is now
            timing.pause(Duration.ofSeconds(delay));
        }
    }

    /**
     * until on a loop, as ansible-core 2.14's TaskExecutor runs it (_run_loop calls _execute, which retries, per
     * item): each item is attempted until its condition holds or its retries run out, before the next item.
     */
    private TaskRunner.Outcome eachItem(Task task, Map<String, Object> vars, int key, String title, boolean handler,
                                        HostSession target, List<PreparedCall> calls, int total, long delay)
            throws TransportException, ProbeBatch.ProbeFailure {
        List<ItemResult> items = new ArrayList<>();
        RunEffects effects = RunEffects.NONE;
        TaskRunner.Planning last = null;
        for (PreparedCall call : calls) {
            Map<String, Object> itemVars = new LinkedHashMap<>(vars);
            if (call.vars() != null) itemVars.putAll(call.vars());
            Predicate<Map<String, Object>> holds = holds(task, itemVars);
            for (int i = 1; ; i++) {
                UntilAttempt attempt = new UntilAttempt(i, total, holds);
                last = planner.plan(target, task, List.of(call), vars, key, handler);
                ItemResult item = last.items(attempt).get(0);
                if (attempt.last() || item.status() == Status.SKIPPED || holds.test(item.result())) {
                    items.add(item);
                    effects = effects.then(last.effects());
                    break;
                }
                run.report(new Event.Retrying(host, key, title, total - i));
                target.forgetAll();
                timing.pause(Duration.ofSeconds(delay));
            }
        }
        return last.outcome(items, effects);
    }

    /** The until conditions over a result, registered under the task's name and as bare keys. */
    private Predicate<Map<String, Object>> holds(Task task, Map<String, Object> vars) {
        return result -> {
            Map<String, Object> v = new LinkedHashMap<>(vars);
            if (task.register() != null) v.put(task.register(), result);
            v.putAll(result);
            return runner.holds(task.until().conditions(), v);
        };
    }

    private int number(Object value, Map<String, Object> vars, int fallback) {
        if (value == null) return fallback;
        Object r = run.templating().render(value, vars, null);
        try {
            return (int) Double.parseDouble(String.valueOf(r));
        } catch (NumberFormatException e) {
            throw new TemplateError("not a number: " + r, e);
        }
    }

}
