package dev.jprov.engine;

import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.plan.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of a host's latest probe rounds. An answer stays valid until a change that writes what its probe
 * reads is applied; then it is dropped and the next task that needs it probes again. This is what lets a no-op
 * run answer every task from one round trip.
 */
final class FactCache {
    private final Map<Probe, Object> answers = new HashMap<>();
    // Check mode only: what planned-but-not-applied changes would leave. They win over the host's answers,
    // which still describe the state before those changes.
    private final Map<Probe, Object> predicted = new HashMap<>();

    boolean hasAll(List<Probe> probes) {
        for (Probe p : probes) if (!answers.containsKey(p) && !predicted.containsKey(p)) return false;
        return true;
    }

    Map<Probe, Object> get(List<Probe> probes) {
        Map<Probe, Object> out = new HashMap<>();
        for (Probe p : probes) {
            Object a = predicted.containsKey(p) ? predicted.get(p) : answers.get(p);
            if (a == null) throw new IllegalStateException("probe not answered: " + p);
            out.put(p, a);
        }
        return out;
    }

    void putAll(Map<Probe, Object> fresh) {
        answers.putAll(fresh);
    }

    /** Check mode: later probes of this path get what the change would leave, whatever the host says. */
    void predict(FileFacts facts) {
        for (boolean hash : new boolean[] {false, true}) {
            for (boolean follow : new boolean[] {false, true}) {
                FileFacts f = hash ? facts : new FileFacts(facts.path(), facts.type(), facts.mode(), facts.uid(),
                        facts.gid(), facts.owner(), facts.group(), facts.size(), facts.mtime(),
                        java.util.Optional.empty(), facts.linkTarget());
                predicted.put(new Probe.FileInfo(facts.path(), hash, follow), f);
            }
        }
    }

    /** Check mode: the answer a probe would get once the planned changes were made (a file's new content). */
    void predict(Probe probe, Object answer) {
        predicted.put(probe, answer);
    }

    /** Drops every answer whose probe reads something these writes change. */
    void invalidate(List<Resource> writes) {
        if (writes.isEmpty()) return;
        if (writes.stream().anyMatch(w -> w.kind() == Resource.Kind.ANY)) {
            // A command may have changed anything: ask the host again. Predictions stay: they describe what the
            // earlier planned changes leave, which the host (in check mode) cannot tell, and commands seldom undo.
            answers.clear();
            return;
        }
        answers.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> writes.stream().anyMatch(w -> w.overlaps(r))));
        // A prediction is about one path's type and mode: writing below it (a file in a new directory) keeps it.
        predicted.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> writes.stream().anyMatch(w -> w.covers(r))));
    }

    /** Drops predictions about what these writes change (a later change may leave the path otherwise). */
    void forgetPredictions(List<Resource> writes) {
        // A command's "anything" is no evidence against a prediction (see invalidate).
        List<Resource> known = writes.stream().filter(w -> w.kind() != Resource.Kind.ANY).toList();
        predicted.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> known.stream().anyMatch(w -> w.covers(r))));
    }

    /** Forgets the host's answers; check mode's predictions stay, the host cannot know them. */
    void clear() {
        answers.clear();
    }
}
