package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Change;
import dev.jprov.plan.Resource;
import dev.jprov.plan.Step;
import dev.jprov.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plans the calls of a task in order and applies (or, in check mode, simulates) their steps: all in one
 * round trip, except that a loop item reading what an earlier item changes (lines of one file) is planned
 * after those changes, as Ansible runs items one after the other.
 */
final class TaskExecution {
    final HostSession session;
    final Supplier<List<Probe>> lookahead;
    final boolean check;
    final List<Planned> plans = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<int[]> stepRanges = new ArrayList<>();
    final Map<Integer, StepResult> applied = new java.util.HashMap<>();
    private final List<Integer> groups = new ArrayList<>();
    private final List<Resource> pendingWrites = new ArrayList<>();
    private final List<Planned> pendingPlans = new ArrayList<>();
    private int pendingFrom;

    TaskExecution(HostSession session, Supplier<List<Probe>> lookahead, boolean check) {
        this.session = session;
        this.lookahead = lookahead;
        this.check = check;
    }

    void planAndApply(List<PreparedCall> calls) throws TransportException, ProbeBatch.ProbeFailure {
        for (int i = 0; i < calls.size(); i++) {
            PreparedCall c = calls.get(i);
            Planned p = null;
            if (c.invocation() != null) {
                List<Probe> probes = c.invocation().probes();
                if (readsPending(probes)) flush();
                // The first call also brings the other items' probes and the lookahead into the round.
                Supplier<List<Probe>> ahead = i == 0 ? () -> allProbes(calls) : List::of;
                Facts facts = new Facts(session.answers(probes, () -> {
                    List<Probe> more = new ArrayList<>(ahead.get());
                    more.addAll(lookahead.get());
                    return more;
                }));
                try {
                    p = c.invocation().plan(facts);
                } catch (ArgsException e) {
                    p = Planned.failed(e.getMessage(), Map.of());
                }
            }
            plans.add(p);
            int from = steps.size();
            if (p != null && p.outcome() == Planned.Outcome.OK) {
                for (Change ch : p.changes()) {
                    for (Step s : ch.steps()) {
                        steps.add(s);
                        groups.add(i);
                    }
                    pendingWrites.addAll(ch.writes());
                }
                pendingPlans.add(p);
            }
            stepRanges.add(new int[] {from, steps.size()});
        }
        flush();
    }

    private boolean readsPending(List<Probe> probes) {
        for (Probe p : probes) {
            for (Resource r : p.reads()) for (Resource w : pendingWrites) if (w.overlaps(r)) return true;
        }
        return false;
    }

    private static List<Probe> allProbes(List<PreparedCall> calls) {
        List<Probe> out = new ArrayList<>();
        for (PreparedCall c : calls) if (c.invocation() != null) out.addAll(c.invocation().probes());
        return out;
    }

    private void flush() throws TransportException {
        if (pendingFrom < steps.size()) {
            List<Step> batch = steps.subList(pendingFrom, steps.size());
            List<Integer> batchGroups = groups.subList(pendingFrom, steps.size());
            if (check) {
                session.simulate(pendingWrites, CheckModePredictions.files(pendingPlans), CheckModePredictions.contents(pendingPlans));
            } else {
                int offset = pendingFrom;
                session.apply(new ArrayList<>(batch), new ArrayList<>(batchGroups), pendingWrites)
                        .forEach((i, r) -> applied.put(i + offset, r));
            }
        }
        pendingFrom = steps.size();
        pendingWrites.clear();
        pendingPlans.clear();
    }
}
