package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.Until;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.transport.TransportException;
import java.time.Duration;
import java.util.LinkedHashMap;
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
        Predicate<Map<String, Object>> holds = result -> {
            Map<String, Object> v = new LinkedHashMap<>(vars);
            if (task.register() != null) v.put(task.register(), result);
            v.putAll(result);
            return runner.holds(until.conditions(), v);
        };
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
