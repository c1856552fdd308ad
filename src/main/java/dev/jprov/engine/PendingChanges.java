package dev.jprov.engine;

import dev.jprov.facts.Resource;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The changes planned on one target and not made yet, in the order the tasks planned them. They are made in one
 * round trip when something needs them made: a probe of what they write, a task that needs its own result, or the
 * end of a run of tasks. Each task (or loop item) holds a ticket that gets its steps' results then.
 */
final class PendingChanges {

    /** One task's (one loop item's) steps in the queue, and their results once the queue has run. */
    static final class Ticket {
        final int task;
        final List<Step> steps;
        final List<Resource> writes;
        private volatile Map<Integer, StepResult> results; // set under the session's lock, read by the task's thread

        private Ticket(int task, List<Step> steps, List<Resource> writes) {
            this.task = task;
            this.steps = List.copyOf(steps);
            this.writes = List.copyOf(writes);
        }

        boolean done() {
            return results != null;
        }

        /** The results of the steps that ran, by index in {@link #steps}; a step that did not run has none. */
        Map<Integer, StepResult> results() {
            if (results == null) throw new IllegalStateException("the changes have not been made yet");
            return results;
        }

        void complete(Map<Integer, StepResult> byStep) {
            results = Map.copyOf(byStep);
        }

        /** Whether a step failed or did not run: what stops the steps of later tasks. */
        boolean failed() {
            for (int i = 0; i < steps.size(); i++) {
                StepResult r = results().get(i);
                if (r == null || r.exitCode() != 0) return true;
            }
            return false;
        }
    }

    private final List<Ticket> queue = new ArrayList<>();
    private int tasks;

    /** A number for the next task that queues changes: later tasks get higher numbers. */
    int nextTask() {
        return ++tasks;
    }

    Ticket add(int task, List<Step> steps, List<Resource> writes) {
        Ticket t = new Ticket(task, steps, writes);
        queue.add(t);
        return t;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Takes every queued ticket for one run, in task order. Hosts that delegate to one target queue there at once:
     * a task numbered first may plan (probe) longer and queue after a later one, and a run's script takes its
     * tasks in order (one host's tasks are numbered and queued in the same order, so theirs is kept).
     */
    List<Ticket> take() {
        List<Ticket> out = queue.stream().sorted(Comparator.comparingInt((Ticket t) -> t.task)).toList();
        queue.clear();
        return out;
    }
}
