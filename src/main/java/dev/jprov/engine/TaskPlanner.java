package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.playbook.Task;
import dev.jprov.transport.TransportException;
import java.util.List;
import java.util.Map;

/**
 * A host's tasks made ready and planned in a session: their calls prepared (loop, when, templated arguments),
 * then planned with the probes of the tasks ahead riding along in the same probe round.
 */
final class TaskPlanner {
    private final TaskRunner runner;
    private final LoopItems loops;
    private final ModuleContexts contexts;
    private final Lookahead ahead;
    private final String host;

    TaskPlanner(TaskRunner runner, LoopItems loops, ModuleContexts contexts, Lookahead ahead, String host) {
        this.runner = runner;
        this.loops = loops;
        this.contexts = contexts;
        this.ahead = ahead;
        this.host = host;
    }

    List<PreparedCall> prepare(Task task, Map<String, Object> vars) {
        return runner.prepare(task, vars, contexts.of(task), loops);
    }

    /** Plans the task and queues its changes in {@code session}; the outcome waits for them (see Planning). */
    TaskRunner.Planning plan(HostSession session, Task task, Map<String, Object> vars, int key, boolean handler)
            throws TransportException, ProbeBatch.ProbeFailure {
        return runner.plan(session, task, prepare(task, vars), vars, ahead::probes, key, host, handler);
    }

    /** Plans the task and makes its changes (with those queued before them): its outcome. */
    TaskRunner.Outcome run(HostSession session, Task task, Map<String, Object> vars, int key, boolean handler)
            throws TransportException, ProbeBatch.ProbeFailure {
        return runner.run(session, task, prepare(task, vars), vars, ahead::probes, key, host, handler);
    }

    /** Plans some of the task's prepared calls (one loop item's, for until on a loop). */
    TaskRunner.Planning plan(HostSession session, Task task, List<PreparedCall> calls, Map<String, Object> vars,
                             int key, boolean handler) throws TransportException, ProbeBatch.ProbeFailure {
        return runner.plan(session, task, calls, vars, ahead::probes, key, host, handler);
    }

    /** The same for one attempt of an until: loop. */
    TaskRunner.Outcome run(HostSession session, Task task, Map<String, Object> vars, int key, boolean handler,
                           UntilAttempt attempt) throws TransportException, ProbeBatch.ProbeFailure {
        return runner.run(session, task, prepare(task, vars), vars, ahead::probes, key, host, handler, attempt);
    }
}
