package dev.jprov.engine;

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

    boolean hasAll(List<Probe> probes) {
        for (Probe p : probes) if (!answers.containsKey(p)) return false;
        return true;
    }

    Map<Probe, Object> get(List<Probe> probes) {
        Map<Probe, Object> out = new HashMap<>();
        for (Probe p : probes) {
            Object a = answers.get(p);
            if (a == null) throw new IllegalStateException("probe not answered: " + p);
            out.put(p, a);
        }
        return out;
    }

    void putAll(Map<Probe, Object> fresh) {
        answers.putAll(fresh);
    }

    /** Drops every answer whose probe reads something these writes change. */
    void invalidate(List<Resource> writes) {
        if (writes.isEmpty()) return;
        if (writes.stream().anyMatch(w -> w.kind() == Resource.Kind.ANY)) {
            answers.clear(); // a command may have changed anything
            return;
        }
        answers.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> writes.stream().anyMatch(w -> w.overlaps(r))));
    }

    void clear() {
        answers.clear();
    }
}
