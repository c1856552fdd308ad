package dev.jprov.engine;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ChangeBatch;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.TransportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a session's queued changes: their steps in one round trip, or one per segment where a
 * {@link Step.Reconfirm} or a {@link Step.Reboot} (each made alone, over a connection of its own) splits them, then
 * the probes (if any) in the same round trip as the last segment. A ticket whose step failed runs none of its
 * later steps; no step of a later task runs after a task's step failed; a reboot the host does not come back from
 * ends the run.
 */
final class QueueRun {
    private final List<PendingChanges.Ticket> tickets;
    private final List<Queued> queued = new ArrayList<>();
    private final List<Map<Integer, StepResult>> results = new ArrayList<>();
    private final Set<Queued> failed = new HashSet<>();

    QueueRun(List<PendingChanges.Ticket> tickets) {
        this.tickets = tickets;
        for (int k = 0; k < tickets.size(); k++) {
            List<Step> steps = tickets.get(k).steps;
            for (int j = 0; j < steps.size(); j++) queued.add(new Queued(k, tickets.get(k).task, j, steps.get(j)));
            results.add(new HashMap<>());
        }
    }

    /**
     * Runs the steps and then {@code probes}; returns the result that carries the probes (null when there were none,
     * or when a reboot failed before they could run). Only a run that came back completes its tickets: when the
     * connection dies, what ran is not known.
     */
    ExecResult run(SessionShell shell, String backupSuffix, ProbeBatch probes) throws TransportException {
        ExecResult probed = null;
        int i = 0;
        while (i < queued.size() || (probes != null && probed == null)) {
            if (i < queued.size() && alone(queued.get(i).step())) {
                Queued q = queued.get(i++);
                if (!q.runsAfter(failed)) continue;
                StepResult r = q.step() instanceof Step.Reconfirm c ? shell.reconfirm(c)
                        : shell.reboot((Step.Reboot) q.step());
                record(q, r);
                // The host did not come back: nothing more can run or be asked on it.
                if (q.step() instanceof Step.Reboot && r.exitCode() != 0) break;
                continue;
            }
            ChangeBatch batch = new ChangeBatch(Boundary.random(), backupSuffix);
            List<Queued> sent = new ArrayList<>();
            for (; i < queued.size() && !alone(queued.get(i).step()); i++) {
                Queued q = queued.get(i);
                if (!q.runsAfter(failed)) continue;
                batch.add(q.step(), q.ticket(), q.task());
                sent.add(q);
            }
            ProbeBatch then = i >= queued.size() ? probes : null;
            if (batch.isEmpty() && then == null) continue;
            ExecResult result = shell.send(then == null ? batch.script() : batch.script(then));
            if (then != null) probed = result;
            Map<Integer, StepResult> byStep = batch.resultsByStep(result);
            for (int at = 0; at < sent.size(); at++) {
                StepResult r = byStep.get(at);
                if (r == null && at == 0 && result.exitCode() != 0) {
                    // The shell never got to the first step (su or sudo refused, jexec found no jail): that is the
                    // first step's failure, with what the wrapper said.
                    r = new StepResult(result.exitCode(), result.stdoutText(), result.stderrText());
                }
                if (r == null) failed.add(sent.get(at));
                else record(sent.get(at), r);
            }
        }
        for (int k = 0; k < tickets.size(); k++) tickets.get(k).complete(results.get(k));
        return probed;
    }

    private void record(Queued q, StepResult r) {
        results.get(q.ticket()).put(q.local(), r);
        if (r.exitCode() != 0) failed.add(q);
    }

    /** Steps that are not part of a batch script: they run over a connection of their own. */
    private static boolean alone(Step step) {
        return step instanceof Step.Reconfirm || step instanceof Step.Reboot;
    }

    /** A step in the run: its ticket (by position), that ticket's task, and its place in the ticket. */
    private record Queued(int ticket, int task, int local, Step step) {
        /** A step runs unless a step of its ticket, or of an earlier task, has failed. */
        boolean runsAfter(Set<Queued> failed) {
            for (Queued f : failed) if (f.ticket == ticket || f.task < task) return false;
            return true;
        }
    }
}
