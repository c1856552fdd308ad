package dev.jprov.plan;

import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Resource;
import java.util.List;

/**
 * One planned change of a task on a host: what it acts on ({@code subject}, e.g. a path or a dataset), the action,
 * the diff a reviewer reads, and the steps that make it. A NONE change has no steps.
 * {@code writes} names what applying it changes on the host (see {@link Resource}), so the executor knows
 * which later probes it invalidates. {@code predicted} says what paths look like once it is applied, where the
 * module knows (a created directory): check mode answers later tasks' probes of those paths with it, so a dry run
 * of "make the directory, then write a file in it" does not fail where the real run would not.
 */
public record Change(Action action, String subject, Diff diff, List<Step> steps, List<Resource> writes,
                     List<FileFacts> predicted) {
    public Change {
        steps = List.copyOf(steps);
        writes = List.copyOf(writes);
        predicted = List.copyOf(predicted);
        if (action == Action.NONE && !steps.isEmpty()) throw new IllegalArgumentException("no-op with steps");
    }

    public Change(Action action, String subject, Diff diff, List<Step> steps, List<Resource> writes) {
        this(action, subject, diff, steps, writes, List.of());
    }

    public Change withPredicted(List<FileFacts> facts) {
        return new Change(action, subject, diff, steps, writes, facts);
    }

    public static Change none(String subject) {
        return new Change(Action.NONE, subject, Diff.NONE, List.of(), List.of());
    }

    public boolean changes() {
        return action.changes();
    }
}
