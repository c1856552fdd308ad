package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.ControllerPause;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Change;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import dev.jprov.transport.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plans the calls of a task in order and queues (or, in check mode, simulates) their steps on the host's session.
 * A loop item that reads what an earlier item changes sees what that change leaves: its content when certain,
 * else the host's answer after the change, as Ansible runs items one after the other.
 */
final class TaskExecution {
    final HostSession session;
    final Supplier<List<Probe>> lookahead;
    final boolean check;
    final boolean readOnly; // a read-only command of a --check run: its command runs as a probe
    final Map<Integer, StepResult> probed = new HashMap<>(); // those commands' results, by index in steps
    final List<Planned> plans = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<int[]> stepRanges = new ArrayList<>();
    private final int task;
    private final AsyncPolls polls;
    private final Timing timing;
    private final List<PendingChanges.Ticket> tickets = new ArrayList<>();

    TaskExecution(HostSession session, Supplier<List<Probe>> lookahead, boolean check, boolean readOnly,
                  AsyncPolls polls, Timing timing) {
        this.session = session;
        this.polls = polls;
        this.timing = timing;
        this.lookahead = lookahead;
        this.check = check;
        this.readOnly = readOnly;
        this.task = session.nextTask();
    }

    void plan(List<PreparedCall> calls) throws TransportException, ProbeBatch.ProbeFailure {
        for (int i = 0; i < calls.size(); i++) {
            PreparedCall c = calls.get(i);
            Planned p = null;
            if (c.invocation() instanceof ControllerPause pause) {
                p = waitOnController(pause);
            } else if (c.invocation() != null) {
                List<Probe> probes = c.invocation().probes();
                // The first call also brings the other items' probes and the lookahead into the round.
                Supplier<List<Probe>> ahead = i == 0 ? () -> allProbes(calls) : List::of;
                Facts facts = new Facts(session.answers(probes, () -> {
                    List<Probe> more = new ArrayList<>(ahead.get());
                    more.addAll(lookahead.get());
                    return more;
                }, task));
                try {
                    p = c.invocation().plan(facts);
                } catch (ArgsException e) {
                    p = Planned.failed(e.getMessage(), Map.of());
                }
            }
            plans.add(p);
            int from = steps.size();
            if (check && readOnly && p != null && ReadOnlyCommand.probe(p).isPresent()) {
                probe(p, ReadOnlyCommand.probe(p).get(), i);
                tickets.add(null);
            } else {
                PendingChanges.Ticket ticket = p != null && p.outcome() == Planned.Outcome.OK ? queue(p) : null;
                tickets.add(ticket);
                // An async item with poll waits for its job before the next item starts, as Ansible runs items.
                if (ticket != null && c.invocation() instanceof DetachedCall d && d.settings().poll() > 0) {
                    session.flush();
                    StepResult started = ticket.results().get(0);
                    if (started != null && started.exitCode() == 0) plans.set(i, polls.await(session, d, p));
                }
            }
            stepRanges.add(new int[] {from, steps.size()});
        }
    }

    /** pause: the changes queued before it are made, then the controller waits (in check mode too, as Ansible). */
    private Planned waitOnController(ControllerPause pause) throws TransportException {
        session.flush();
        Instant start = timing.now();
        timing.pause(pause.length());
        Instant stop = timing.now();
        ZoneId zone = ZoneId.systemDefault();
        return pause.paused(LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(stop, zone),
                Duration.between(start, stop));
    }

    /** Runs a read-only command as a probe of its own (never answered from an earlier one: it reads anything). */
    private void probe(Planned p, Probe.Shell command, int item) throws TransportException, ProbeBatch.ProbeFailure {
        Probe.Shell fresh = new Probe.Shell(command.script() + " # read-only command, task " + task + " item " + item,
                command.reads());
        Object answer = session.answers(List.of(fresh), List::of, task).get(fresh);
        ProbeAnswer a = (ProbeAnswer) answer;
        probed.put(steps.size(), new StepResult(a.exitCode(), a.stdout(), a.stderr()));
        for (Change ch : p.changes()) steps.addAll(ch.steps());
    }

    private PendingChanges.Ticket queue(Planned p) {
        List<Step> mine = new ArrayList<>();
        List<Resource> writes = new ArrayList<>();
        for (Change ch : p.changes()) {
            mine.addAll(ch.steps());
            writes.addAll(ch.writes());
        }
        if (mine.isEmpty()) return null;
        steps.addAll(mine);
        if (check) {
            session.simulate(writes, CheckModePredictions.files(List.of(p)),
                    CheckModePredictions.contents(List.of(p)));
            return null;
        }
        return session.enqueue(task, mine, writes, CheckModePredictions.contents(List.of(p)));
    }

    private static List<Probe> allProbes(List<PreparedCall> calls) {
        List<Probe> out = new ArrayList<>();
        for (PreparedCall c : calls) if (c.invocation() != null) out.addAll(c.invocation().probes());
        return out;
    }

    /** Whether some of the task's changes wait in the host's queue. */
    boolean waiting() {
        for (PendingChanges.Ticket t : tickets) if (t != null && !t.done()) return true;
        return false;
    }

    /** The results of the steps that ran, by index in {@link #steps}: makes the queued changes first if need be. */
    Map<Integer, StepResult> applied() throws TransportException {
        if (waiting()) session.flush();
        Map<Integer, StepResult> out = new HashMap<>();
        for (int i = 0; i < tickets.size(); i++) {
            PendingChanges.Ticket t = tickets.get(i);
            if (t == null) continue;
            int offset = stepRanges.get(i)[0];
            t.results().forEach((at, r) -> out.put(offset + at, r));
        }
        return out;
    }
}
