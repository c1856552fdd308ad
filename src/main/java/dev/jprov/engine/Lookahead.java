package dev.jprov.engine;

import dev.jprov.facts.Probe;
import dev.jprov.playbook.Block;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tasks a host has still to run, as seen from where it is (the lists being run and how far), and their
 * probes, prepared speculatively with the variables known now. They ride along with the current task's probe
 * round, which is what makes a run without changes one round trip per host. A task that cannot be prepared yet
 * (it needs a result not there yet) is passed over: a wrong guess only costs one more probe round later, never
 * a wrong answer, since answers are keyed by the probe itself.
 */
final class Lookahead {
    private static final int LIMIT = 400;

    /** A list of nodes being run, how far, and the include vars in force. */
    static final class Frame {
        final List<TaskNode> nodes;
        final Map<String, Object> includeVars;
        int next;

        Frame(List<TaskNode> nodes, Map<String, Object> includeVars) {
            this.nodes = nodes;
            this.includeVars = includeVars;
        }
    }

    private final TaskRunner runner;
    private final HostVars vars;
    private final Predicate<List<String>> tagSelected;
    private final Function<Task, TaskModuleContext.Factory> contexts;
    private final LoopItems loops;
    private final Deque<Frame> frames = new ArrayDeque<>();

    Lookahead(TaskRunner runner, HostVars vars, Predicate<List<String>> tagSelected,
              Function<Task, TaskModuleContext.Factory> contexts, LoopItems loops) {
        this.runner = runner;
        this.vars = vars;
        this.tagSelected = tagSelected;
        this.contexts = contexts;
        this.loops = loops;
    }

    /** The host starts running these nodes (the caller advances {@link Frame#next}). */
    Frame enter(List<TaskNode> nodes, Map<String, Object> includeVars) {
        Frame f = new Frame(nodes, includeVars);
        frames.push(f);
        return f;
    }

    void leave() {
        frames.pop();
    }

    /** The probes of the tasks after the current one. */
    List<Probe> probes() {
        List<Probe> out = new ArrayList<>();
        int[] budget = {LIMIT};
        vars.speculating = true; // a guess must never wait for another host
        try {
            for (Frame f : frames) {
                for (int i = f.next; i < f.nodes.size() && budget[0] > 0; i++) {
                    collect(f.nodes.get(i), f.includeVars, out, budget);
                }
                if (budget[0] <= 0) break;
            }
        } finally {
            vars.speculating = false;
        }
        return out;
    }

    private void collect(TaskNode node, Map<String, Object> includeVars, List<Probe> out, int[] budget) {
        if (budget[0]-- <= 0) return;
        switch (node) {
            case Task t -> {
                if (!tagSelected.test(t.keywords().tags()) || t.keywords().delegateTo() != null) return;
                try {
                    Map<String, Object> v = vars.forTask(t.role(), t.keywords().vars(), includeVars);
                    for (PreparedCall c : runner.prepare(t, v, contexts.apply(t), loops)) {
                        if (c.invocation() != null) out.addAll(c.invocation().probes());
                    }
                } catch (RuntimeException guessFailed) {
                    // not knowable yet; this task will probe when it runs
                }
            }
            case Block b -> {
                for (TaskNode n : b.block()) collect(n, includeVars, out, budget);
                for (TaskNode n : b.always()) collect(n, includeVars, out, budget);
            }
            default -> { }
        }
    }
}
