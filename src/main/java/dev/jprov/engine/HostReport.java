package dev.jprov.engine;

import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.transport.TransportException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a host's task endings tell the reporters and the recap: a task's outcome, a failure the engine found
 * before the module could run (a template, arguments, a probe), and the host becoming unreachable.
 */
final class HostReport {
    private final RunContext run;
    private final HostState host;
    private final HostVars vars;
    private final TaskRunner runner;

    HostReport(RunContext run, HostState host, HostVars vars, TaskRunner runner) {
        this.run = run;
        this.host = host;
        this.vars = vars;
        this.runner = runner;
    }

    /** Reports a task's outcome: its result lines (the runner made them) and its count in the recap. */
    void record(TaskRunner.Outcome outcome) {
        run.report(outcome.events());
        if (outcome.status() == Status.IGNORED) {
            run.recap().countIgnored(host.name, Boolean.TRUE.equals(outcome.result().get("changed")));
        } else {
            run.recap().count(host.name, outcome.status());
        }
    }

    /**
     * Reports a failure with {@code message} as the task's outcome (ignored when the task says so). With no task
     * (gathering facts) the host's play fails at once.
     */
    TaskRunner.Outcome fail(int key, String title, TaskNode task, String message) {
        boolean ignore = task != null
                && runner.isTrue(task.keywords().ignoreErrors(), vars.play(), false, task.location());
        Status st = ignore ? Status.IGNORED : Status.FAILED;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("msg", message);
        r.put("failed", true);
        run.report(new Event.TaskResult(host.name, key, title, false, st, null, String.valueOf(message),
                List.of(), List.of(), TaskRunner.forReporters(r), false));
        run.recap().count(host.name, st);
        if (task == null) throw new TaskFailed(null, r);
        return new TaskRunner.Outcome(st, r, false);
    }

    /** The host could not be reached at this task: it is unreachable for the rest of the run. */
    void unreachable(int key, String title, TransportException e) {
        host.unreachable = true;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("msg", e.getMessage());
        r.put("unreachable", true);
        run.recap().count(host.name, Status.UNREACHABLE);
        run.report(new Event.TaskResult(host.name, key, title, false, Status.UNREACHABLE, null, e.getMessage(),
                List.of(), List.of(), r, false));
    }
}
