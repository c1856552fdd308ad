package dev.jprov.engine;

import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Planned;
import dev.jprov.playbook.Condition;
import dev.jprov.playbook.Flag;
import dev.jprov.playbook.Task;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The usual "gather something" task of a --check run: a command or shell task that says {@code check_mode: false}
 * and {@code changed_when: false}, both written literally. Ansible runs it in check mode and later tasks read its
 * stdout; jprov runs its command as a read-only probe (a probe script, the only kind the check-mode transport lets
 * through), on the user's word that it only reads. Any other {@code check_mode: false} task stays a dry run.
 */
final class ReadOnlyCommand {
    private static final Set<String> MODULES = Set.of("command", "shell");

    private ReadOnlyCommand() {
    }

    /** Whether {@code task} is such a read-only command (in a --check run). */
    static boolean applies(Task task) {
        return MODULES.contains(task.action().module())
                && task.keywords().checkMode() instanceof Flag.Literal l && !l.value()
                && literallyFalse(task.changedWhen());
    }

    private static boolean literallyFalse(List<Condition> conditions) {
        if (conditions.size() != 1) return false;
        String e = conditions.get(0).expression().strip().toLowerCase(Locale.ROOT);
        return e.equals("false") || e.equals("no");
    }

    /**
     * The probe that runs the plan's command: its one RUN change's one step, read fresh each time (it reads
     * anything, so any change makes its answer stale). Empty when the plan runs nothing (creates/removes said so).
     */
    static Optional<Probe.Shell> probe(Planned plan) {
        if (plan.outcome() != Planned.Outcome.OK || plan.changes().size() != 1) return Optional.empty();
        Change run = plan.changes().get(0);
        if (run.action() != Action.RUN || run.steps().size() != 1
                || !(run.steps().get(0) instanceof Step.Exec exec)) {
            return Optional.empty();
        }
        return Optional.of(new Probe.Shell(exec.script(), List.of(Resource.ANY)));
    }
}
