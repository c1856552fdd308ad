package dev.jprov.engine;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ChangeBatch;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Resource;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.TransportException;
import dev.jprov.transport.RemoteScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One target's side of a run: its single remote shell, the answers of its probe rounds, and the round trips
 * made. Probing pulls in the probes of upcoming tasks (the lookahead) so that a run with no changes asks the
 * host once; applying drops the answers that the applied changes made stale.
 */
public final class HostSession {
    private final String name;
    private final RemoteShell shell;
    private final FactCache cache = new FactCache();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final String backupSuffix;

    HostSession(String name, RemoteShell shell, String backupSuffix) {
        this.name = name;
        this.shell = shell;
        this.backupSuffix = backupSuffix;
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
        if (cache.hasAll(needed)) return cache.get(needed);
        LinkedHashSet<Probe> round = new LinkedHashSet<>(needed);
        round.addAll(lookahead.get());
        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(new ArrayList<>(round));
        ExecResult result = shell.run(batch.script());
        roundTrips.incrementAndGet();
        cache.putAll(batch.answers(result));
        return cache.get(needed);
    }

    /**
     * Runs steps (grouped per loop item) in one round trip, or one per segment when a {@link Step.Reconfirm}
     * splits them; returns results by step index. A group whose step failed runs none of its later steps.
     */
    Map<Integer, StepResult> apply(List<Step> steps, List<Integer> groups, List<Resource> writes)
            throws TransportException {
        Map<Integer, StepResult> results = new LinkedHashMap<>();
        Set<Integer> failedGroups = new HashSet<>();
        try {
            int i = 0;
            while (i < steps.size()) {
                if (steps.get(i) instanceof Step.Reconfirm confirm) {
                    if (!failedGroups.contains(groups.get(i))) {
                        StepResult r = reconfirm(confirm);
                        results.put(i, r);
                        if (r.exitCode() != 0) failedGroups.add(groups.get(i));
                    }
                    i++;
                    continue;
                }
                ChangeBatch batch = new ChangeBatch(Boundary.random(), backupSuffix);
                List<Integer> indexes = new ArrayList<>();
                for (; i < steps.size() && !(steps.get(i) instanceof Step.Reconfirm); i++) {
                    if (failedGroups.contains(groups.get(i))) continue;
                    batch.add(steps.get(i), groups.get(i));
                    indexes.add(i);
                }
                if (batch.isEmpty()) continue;
                ExecResult result = shell.run(batch.script());
                roundTrips.incrementAndGet();
                batch.resultsByStep(result).forEach((local, r) -> {
                    int global = indexes.get(local);
                    results.put(global, r);
                    if (r.exitCode() != 0) failedGroups.add(groups.get(global));
                });
                if (!indexes.isEmpty() && !results.containsKey(indexes.get(0)) && result.exitCode() != 0) {
                    // The shell never got to the first step (su or sudo refused, jexec found no jail): that is
                    // the first step's failure, with what the wrapper said.
                    results.put(indexes.get(0), new StepResult(result.exitCode(), result.stdoutText(),
                            result.stderrText()));
                }
                for (int idx : indexes) {
                    if (!results.containsKey(idx)) failedGroups.add(groups.get(idx));
                }
            }
            return results;
        } finally {
            // Whatever ran, the host may have changed: never trust old answers about what these steps touch.
            cache.invalidate(writes);
        }
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
    void simulate(List<Resource> writes, List<FileFacts> predicted, Map<Probe, Object> predictedAnswers) {
        // Nothing changed on the host, so asking it again would give the same answers: keep them (a dry run
        // stays one round trip), and let what the changes would leave override them where it is known.
        cache.forgetPredictions(writes);
        for (FileFacts f : predicted) cache.predict(f);
        predictedAnswers.forEach(cache::predict);
    }

    /** Forget every answer (after a task whose effects are unknown, such as a dynamic include or a handler). */
    void forgetAll() {
        cache.clear();
    }
}
