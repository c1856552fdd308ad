package dev.jprov.engine;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ChangeBatch;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.StepResult;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.TransportException;
import dev.jprov.transport.RemoteScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One target's side of a run: its single remote shell, the answers of its probe rounds, and the round trips
 * made. Probing pulls in the probes of upcoming tasks (the lookahead) so that a run with no changes asks the
 * host once. Changes wait in a queue until something needs them made, and are then made in one round trip with
 * the probes that read what they leave. Its methods are synchronized: a task of another host delegated here uses
 * it too.
 */
public final class HostSession {
    private final String name;
    private final RemoteShell shell;
    private final FactCache cache = new FactCache();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final PendingChanges pending = new PendingChanges();
    private String flavor = ""; // "jp_flavor=bsd\n" once a probe round has told
    private final String backupSuffix;
    private final Machine machine;
    private long seenBoots; // the machine's boot count the cache's answers belong to

    HostSession(String name, RemoteShell shell, String backupSuffix) {
        this(name, shell, backupSuffix, Machine.fixed());
    }

    HostSession(String name, RemoteShell shell, String backupSuffix, Machine machine) {
        this.name = name;
        this.shell = shell;
        this.backupSuffix = backupSuffix;
        this.machine = machine;
        this.seenBoots = machine.boots();
    }

    /**
     * Drops every answer when the machine rebooted since they were given (through this session or another one on
     * the same machine: its host, a jail, a become variant): what the kernel held (modules, pf, jails, sysctl
     * values) is new, and files may have been changed by the boot.
     */
    private void forgetEarlierBoots() {
        long boots = machine.boots();
        if (boots == seenBoots) return;
        cache.clear();
        cache.settle();
        seenBoots = boots;
    }

    String name() {
        return name;
    }

    RemoteShell shell() {
        return shell;
    }

    int roundTrips() {
        return roundTrips.get();
    }

    /**
     * Answers for {@code needed}, from the cache when all are there, else from one new probe round that also asks
     * the lookahead's probes (answers for later tasks, valid until a change makes them stale).
     */
    Map<Probe, Object> answers(List<Probe> needed, Supplier<List<Probe>> lookahead) throws TransportException,
            ProbeBatch.ProbeFailure {
        return answers(needed, lookahead, Integer.MAX_VALUE);
    }

    /**
     * Answers for task number {@code task} (see {@link #nextTask}). A new probe round first makes the queued
     * changes, in the same round trip, so the probes see what they leave; if a change of an earlier task failed,
     * the task gets a {@link PendingFailure} instead, since the host's play ends at that earlier task.
     */
    synchronized Map<Probe, Object> answers(List<Probe> needed, Supplier<List<Probe>> lookahead, int task)
            throws TransportException, ProbeBatch.ProbeFailure {
        forgetEarlierBoots();
        if (cache.hasAll(needed)) return cache.get(needed);
        LinkedHashSet<Probe> round = new LinkedHashSet<>(needed);
        round.addAll(lookahead.get());
        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(new ArrayList<>(round));
        ExecResult result;
        if (pending.isEmpty()) {
            result = send(batch.script());
        } else {
            List<PendingChanges.Ticket> tickets = pending.take();
            result = make(tickets, batch);
            for (PendingChanges.Ticket t : tickets) {
                if (t.task < task && failed(t)) throw new PendingFailure(name);
            }
            if (result == null) throw new PendingFailure(name); // a reboot failed before the probes could run
        }
        // A reboot among the changes: the probes ran on the new boot, which is what the cache now describes.
        forgetEarlierBoots();
        cache.putAll(batch.answers(result));
        if (flavor.isEmpty()) flavor = batch.flavor(result);
        return cache.get(needed);
    }

    /** A number for the next task that queues changes here: changes run in the order of these numbers. */
    synchronized int nextTask() {
        return pending.nextTask();
    }

    /**
     * Queues a task's (or loop item's) steps: they are made with the next round trip that needs them. Until then,
     * answers about what they write are stale, except {@code known} and what a file rewritten whole is certain to
     * be: what they are certain to leave.
     */
    synchronized PendingChanges.Ticket enqueue(int task, List<Step> steps, List<Resource> writes,
                                               Map<Probe, Object> known) {
        forgetEarlierBoots();
        PendingChanges.Ticket t = pending.add(task, steps);
        List<FileFacts> rewritten = new ArrayList<>();
        List<String> wholeFiles = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Step.WriteFile w) {
                cache.rewrite(w).ifPresent(rewritten::add);
                wholeFiles.add(w.path());
            }
        }
        boolean onlyWholeFiles = wholeFiles.size() == steps.size()
                && writes.stream().allMatch(r -> r.kind() == Resource.Kind.PATH && wholeFiles.contains(r.name()));
        cache.expect(writes, known, rewritten, onlyWholeFiles ? wholeFiles : List.of());
        return t;
    }

    /** Makes every queued change now (one round trip, more only when a step confirms over a new connection). */
    synchronized void flush() throws TransportException {
        if (!pending.isEmpty()) make(pending.take(), null);
    }

    /** Whether a step of the ticket failed or did not run: what stops the steps of later tasks. */
    private static boolean failed(PendingChanges.Ticket t) {
        for (int i = 0; i < t.steps.size(); i++) {
            StepResult r = t.results().get(i);
            if (r == null || r.exitCode() != 0) return true;
        }
        return false;
    }

    /**
     * Runs the tickets' steps in one round trip, or one per segment when a {@link Step.Reconfirm} or a
     * {@link Step.Reboot} (each made alone, over a connection of its own) splits them,
     * then {@code probes} (if any) in the same round trip as the last segment; returns the result that carries the
     * probes. A ticket whose step failed runs none of its later steps; no step of a later task runs after a task's
     * step failed.
     */
    private ExecResult make(List<PendingChanges.Ticket> tickets, ProbeBatch probes) throws TransportException {
        List<Queued> queued = new ArrayList<>();
        List<Map<Integer, StepResult>> results = new ArrayList<>();
        for (int k = 0; k < tickets.size(); k++) {
            List<Step> steps = tickets.get(k).steps;
            for (int j = 0; j < steps.size(); j++) queued.add(new Queued(k, tickets.get(k).task, j, steps.get(j)));
            results.add(new HashMap<>());
        }
        Set<Queued> failed = new HashSet<>();
        ExecResult probed = null;
        try {
            int i = 0;
            while (i < queued.size() || (probes != null && probed == null)) {
                if (i < queued.size() && queued.get(i).step() instanceof Step.Reconfirm confirm) {
                    Queued q = queued.get(i++);
                    if (q.runsAfter(failed)) q.record(reconfirm(confirm), results, failed);
                    continue;
                }
                if (i < queued.size() && queued.get(i).step() instanceof Step.Reboot reboot) {
                    Queued q = queued.get(i++);
                    if (q.runsAfter(failed)) {
                        StepResult r = new MachineReboot(machine, shell).run(reboot);
                        roundTrips.incrementAndGet();
                        q.record(r, results, failed);
                        // The host did not come back: nothing more can run or be asked on it (the asking task
                        // gets the reboot's failure: see answers).
                        if (r.exitCode() != 0) break;
                    }
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
                ExecResult result = send(then == null ? batch.script() : batch.script(then));
                if (then != null) probed = result;
                Map<Integer, StepResult> byStep = batch.resultsByStep(result);
                for (int at = 0; at < sent.size(); at++) {
                    StepResult r = byStep.get(at);
                    if (r == null && at == 0 && result.exitCode() != 0) {
                        // The shell never got to the first step (su or sudo refused, jexec found no jail): that is
                        // the first step's failure, with what the wrapper said.
                        r = new StepResult(result.exitCode(), result.stdoutText(), result.stderrText());
                    }
                    if (r == null) failed.add(sent.get(at));
                    else sent.get(at).record(r, results, failed);
                }
            }
            // Only a run that came back completes its tickets: when the connection dies, what ran is not known.
            for (int k = 0; k < tickets.size(); k++) tickets.get(k).complete(results.get(k));
            return probed;
        } finally {
            // What was predicted of the changes is now the host's to tell (a change may also have failed).
            cache.settle();
        }
    }

    /** Steps that are not part of a batch script: they run over a connection of their own. */
    private static boolean alone(Step step) {
        return step instanceof Step.Reconfirm || step instanceof Step.Reboot;
    }

    /** A step in a run of the queue: its ticket (by position), that ticket's task, and its place in the ticket. */
    private record Queued(int ticket, int task, int local, Step step) {
        /** A step runs unless a step of its ticket, or of an earlier task, has failed. */
        boolean runsAfter(Set<Queued> failed) {
            for (Queued f : failed) if (f.ticket == ticket || f.task < task) return false;
            return true;
        }

        void record(StepResult r, List<Map<Integer, StepResult>> results, Set<Queued> failed) {
            results.get(ticket).put(local, r);
            if (r.exitCode() != 0) failed.add(this);
        }
    }

    /** One round trip; the script starts by saying which stat(1) the target has, once that is known. */
    private ExecResult send(RemoteScript script) throws TransportException {
        RemoteScript told = flavor.isEmpty() ? script : switch (script) {
            case RemoteScript.ProbeScript p -> new RemoteScript.ProbeScript(flavor + p.text());
            case RemoteScript.ChangeScript c -> new RemoteScript.ChangeScript(flavor + c.text());
        };
        ExecResult result = shell.run(told);
        roundTrips.incrementAndGet();
        return result;
    }

    /** Runs the confirmation over a fresh connection; any failure to connect is a failed step, not unreachable. */
    private StepResult reconfirm(Step.Reconfirm confirm) {
        try (RemoteShell fresh = shell.reconnect()) {
            ExecResult r = fresh.run(new RemoteScript.ChangeScript(confirm.script()));
            roundTrips.incrementAndGet();
            return new StepResult(r.exitCode(), r.stdoutText(), r.stderrText());
        } catch (TransportException e) {
            return new StepResult(255, "", "could not confirm over a new connection: " + e.getMessage());
        }
    }

    /**
     * Check mode's stand-in for apply: drops the answers the changes would make stale, and records what they would
     * leave where that is known, so later tasks plan against the state the real run would give them.
     */
    synchronized void simulate(List<Resource> writes, List<FileFacts> predicted, Map<Probe, Object> predictedAnswers) {
        // Nothing changed on the host, so asking it again would give the same answers: keep them (a dry run
        // stays one round trip), and let what the changes would leave override them where it is known.
        cache.forgetPredictions(writes);
        for (FileFacts f : predicted) cache.predict(f);
        predictedAnswers.forEach(cache::predict);
    }

    /** Forget every answer (after a task whose effects are unknown, such as a dynamic include or a handler). */
    synchronized void forgetAll() {
        cache.clear();
    }
}
