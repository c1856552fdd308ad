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

/**
 * A task's attempts on a host: one, or with until: again (re-probing) until its conditions hold or the retries run
 * out, reporting each retry. Only the last attempt's result lines are reported (by the caller).
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
        int attempts = until == null || run.options().check() ? 1
                : Math.max(1, number(until.retries(), vars, 3));
        long delay = until == null ? 0 : number(until.delay(), vars, 5);
        for (int i = 1; ; i++) {
            TaskRunner.Outcome outcome = planner.run(target, task, vars, key, handler);
            if (until == null || i >= attempts || outcome.status() == Status.SKIPPED) return outcome;
            Map<String, Object> v = new LinkedHashMap<>(vars);
            if (task.register() != null) v.put(task.register(), outcome.result());
            v.putAll(outcome.result());
            if (outcome.status() != Status.FAILED && runner.holds(until.conditions(), v)) return outcome;
            run.report(new Event.Retrying(host, key, title, attempts - i));
            target.forgetAll(); // the next attempt must see the host as it is now
            pause(delay);
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

    private void pause(long seconds) {
        try {
            timing.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostStopped();
        }
    }
}
