package dev.jprov.engine;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.TransportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One target's side of a run: its single remote shell, the answers of its probe rounds, and the round trips
 * made. Probing pulls in the probes of upcoming tasks (the lookahead) so that a run with no changes asks the
 * host once. Changes wait in a queue until something needs them made, and are then made in one round trip with
 * the probes that read what they leave. Answers are dropped when they may be stale: after this session's own
 * changes, another session's on the same machine (see {@link Machine}), or a reboot. Its methods are synchronized:
 * a task of another host delegated here uses it too.
 */
public final class HostSession {
    private final String name;
    private final SessionShell shell;
    private final FactCache cache = new FactCache();
    private final PendingChanges pending = new PendingChanges();
    private final String backupSuffix;
    private final Machine machine;
    private final int reader; // this session's place in the machine's write log
    private long seenBoots; // the machine's boot count the cache's answers belong to

    HostSession(String name, RemoteShell shell, String backupSuffix) {
        this(name, shell, backupSuffix, Machine.fixed());
    }

    HostSession(String name, RemoteShell shell, String backupSuffix, Machine machine) {
        this.name = name;
        this.shell = new SessionShell(shell, machine);
        this.backupSuffix = backupSuffix;
        this.machine = machine;
        this.seenBoots = machine.boots();
        this.reader = machine.writes().join();
    }

    /** Both sessions reach the same machine (they share its write log): e.g. a local host and the controller. */
    boolean sameMachineAs(HostSession other) {
        return machine.writes() == other.machine.writes();
    }

    /**
     * Drops every answer that what happened on the machine since may have made stale: all of them after a reboot
     * (through this session or another: what the kernel held is new, files may have changed), and those about what
     * other sessions on the machine wrote (what they predict in check mode is learnt instead).
     */
    private void forgetWhatChanged() {
        long boots = machine.boots();
        if (boots != seenBoots) {
            cache.clear();
            cache.settle();
            seenBoots = boots;
        }
        for (MachineWrite w : machine.writes().unread(reader)) cache.learn(w, machine.fileSystem());
    }

    String name() {
        return name;
    }

    RemoteShell shell() {
        return shell.shell();
    }

    int roundTrips() {
        return shell.roundTrips();
    }

    /** The machine's SSH connection, which meta: reset_connection reopens; none for local hosts. */
    Optional<dev.jprov.transport.ReopenableShell> connection() {
        return machine.connection();
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
        forgetWhatChanged();
        if (cache.hasAll(needed)) return cache.get(needed);
        LinkedHashSet<Probe> round = new LinkedHashSet<>(needed);
        round.addAll(lookahead.get());
        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(new ArrayList<>(round));
        ExecResult result;
        if (pending.isEmpty()) {
            result = shell.send(batch.script());
        } else {
            List<PendingChanges.Ticket> tickets = pending.take();
            result = make(tickets, batch);
            for (PendingChanges.Ticket t : tickets) {
                if (t.task < task && t.failed()) throw new PendingFailure(name);
            }
            if (result == null) throw new PendingFailure(name); // a reboot failed before the probes could run
        }
        // A reboot among the changes: the probes ran on the new boot, which is what the cache now describes.
        forgetWhatChanged();
        cache.putAll(batch.answers(result));
        if (!shell.knowsFlavor()) shell.flavor(batch.flavor(result));
        Map<Probe, Object> out = cache.get(needed);
        // What another session wrote while the probes ran: these answers were true once, later tasks ask again.
        forgetWhatChanged();
        return out;
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
        forgetWhatChanged();
        PendingChanges.Ticket t = pending.add(task, steps, writes);
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

    /** Runs the tickets (see {@link QueueRun}) and tells the machine's other sessions what they wrote. */
    private ExecResult make(List<PendingChanges.Ticket> tickets, ProbeBatch probes) throws TransportException {
        try {
            return new QueueRun(tickets).run(shell, backupSuffix, probes);
        } finally {
            // What was predicted of the changes is now the host's to tell (a change may also have failed), for
            // this session and every other one on the machine, even when the connection died half way.
            cache.settle();
            List<Resource> written = new ArrayList<>();
            for (PendingChanges.Ticket t : tickets) written.addAll(t.writes);
            machine.writes().add(new MachineWrite(reader, machine.fileSystem(), written, Map.of()));
        }
    }

    /**
     * Check mode's stand-in for apply: drops the answers the changes would make stale, and records what they would
     * leave where that is known, so later tasks plan against the state the real run would give them; the machine's
     * other sessions learn the same.
     */
    synchronized void simulate(List<Resource> writes, List<FileFacts> predicted, Map<Probe, Object> predictedAnswers) {
        forgetWhatChanged();
        // Nothing changed on the host, so asking it again would give the same answers: keep them (a dry run
        // stays one round trip), and let what the changes would leave override them where it is known. A command's
        // "anything" is no evidence against a prediction.
        List<Resource> known = writes.stream().filter(w -> w.kind() != Resource.Kind.ANY).toList();
        cache.forgetPredictions(known);
        Map<Probe, Object> leaves = new HashMap<>();
        for (FileFacts f : predicted) leaves.putAll(FactCache.predictionsOf(f, true));
        leaves.putAll(predictedAnswers);
        leaves.forEach(cache::predict);
        machine.writes().add(new MachineWrite(reader, machine.fileSystem(), known, leaves));
    }

    /** Forget every answer (after a task whose effects are unknown, such as a dynamic include or a handler). */
    synchronized void forgetAll() {
        cache.clear();
    }
}
