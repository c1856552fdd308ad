package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.modules.ArgsException;
import dev.jprov.playbook.Task;
import dev.jprov.source.LoadException;
import dev.jprov.transport.TransportException;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The tasks planned on a host whose outcomes wait for the host's queued changes, oldest first. A task whose outcome
 * may wait (see {@link WaitRule}) does not wait for its changes: they queue on the host's session with the next
 * tasks', and are made in one round trip when a probe needs what they leave, a task needs its own result, or the
 * list of tasks ends. Settling reports the waiting tasks in task order; if a change failed, the later tasks'
 * changes were not made and the host's play ends at it, as if the tasks had run one by one.
 */
final class WaitingTasks {

    private record Waiting(Task task, Map<String, Object> vars, int key, String title, TaskRunner.Planning planning) {}

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final TaskPlanner planner;
    private final HostReport report;
    private final TaskEffects effects;

    WaitingTasks(TaskPlanner planner, HostReport report, TaskEffects effects) {
        this.planner = planner;
        this.report = report;
        this.effects = effects;
    }

    /**
     * Plans a task in {@code session} and queues it; it settles at once (with those before it) when the next tasks
     * must know its outcome before they plan. A task that cannot be planned fails after the tasks before it.
     */
    void plan(HostSession session, Task task, Map<String, Object> vars, int key, String title) {
        TaskRunner.Planning planning;
        try {
            planning = planner.plan(session, task, vars, key, false);
        } catch (PendingFailure e) {
            settle(); // reports the earlier task's failure, which ends the host's play there
            effects.apply(task, vars, report.fail(key, title, task, e.getMessage()));
            return;
        } catch (TransportException e) {
            throw lost(key, title, e);
        } catch (TemplateError | ArgsException | LoadException | ProbeBatch.ProbeFailure e) {
            settle();
            effects.apply(task, vars, report.fail(key, title, task, e.getMessage()));
            return;
        }
        waiting.add(new Waiting(task, vars, key, title, planning));
        if (planning.affectsLaterTasks() || (!planning.waiting() && waiting.size() == 1)) settle();
    }

    /** Makes the queued changes and reports the waiting tasks in order; throws at the first that failed. */
    void settle() {
        while (!waiting.isEmpty()) settleOldest();
    }

    private void settleOldest() {
        Waiting w = waiting.peekFirst();
        TaskRunner.Outcome outcome;
        try {
            outcome = w.planning().finish();
        } catch (TransportException e) {
            throw lost(w.key(), w.title(), e);
        }
        waiting.removeFirst();
        report.record(outcome);
        try {
            effects.apply(w.task(), w.vars(), outcome);
        } catch (TaskFailed f) {
            waiting.clear(); // their changes were not made: the host's play ends at the failed task
            throw f;
        }
    }

    /**
     * The connection died: the waiting tasks whose changes were made before are reported as they ended, and the
     * host is unreachable at the next one (else at this task): whether its changes were made is not known.
     */
    HostStopped lost(int key, String title, TransportException e) {
        while (!waiting.isEmpty() && !waiting.peekFirst().planning().waiting()) settleOldest();
        Waiting first = waiting.peekFirst();
        waiting.clear();
        if (first == null) report.unreachable(key, title, e);
        else report.unreachable(first.key(), first.title(), e);
        return new HostStopped();
    }
}
