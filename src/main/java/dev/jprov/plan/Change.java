package dev.jprov.plan;

import java.util.List;

/**
 * One planned change of a task on a host: what it acts on ({@code subject}, e.g. a path or a dataset), the action,
 * the diff a reviewer reads, and the steps that make it. A NONE change has no steps.
 * {@code writes} names what applying it changes on the host (see {@link Resource}), so the executor knows
 * which later probes it invalidates.
 */
public record Change(Action action, String subject, Diff diff, List<Step> steps, List<Resource> writes) {
    public Change {
        steps = List.copyOf(steps);
        writes = List.copyOf(writes);
        if (action == Action.NONE && !steps.isEmpty()) throw new IllegalArgumentException("no-op with steps");
    }

    public static Change none(String subject) {
        return new Change(Action.NONE, subject, Diff.NONE, List.of(), List.of());
    }

    public boolean changes() {
        return action.changes();
    }
}
