package dev.jprov.engine;

import dev.jprov.modules.RunEffects;
import dev.jprov.playbook.Task;
import dev.jprov.report.Status;
import java.util.List;
import java.util.Map;

/**
 * What a task's outcome does to its host afterwards: the registered result, the facts it set, the hosts and
 * groups it added to the run's inventory, the handlers it notified; and a failure then unwinds the host's play.
 */
final class TaskEffects {
    private final RunContext run;
    private final HostState host;
    private final InventoryView inventory;
    private final Handlers handlers;

    TaskEffects(RunContext run, HostState host, InventoryView inventory, Handlers handlers) {
        this.run = run;
        this.host = host;
        this.inventory = inventory;
        this.handlers = handlers;
    }

    /** Applies the outcome of {@code task}, run with {@code vars}; throws {@link TaskFailed} when it failed. */
    void apply(Task task, Map<String, Object> vars, TaskRunner.Outcome outcome) {
        if (task.register() != null) host.setFacts.put(task.register(), withoutInternalKeys(outcome.result()));
        if (outcome.status() != Status.FAILED) changeRun(outcome.effects());
        if (outcome.changed()) {
            for (String n : task.keywords().notifies()) {
                handlers.notify(String.valueOf(run.templating().render(n, vars, task.location())), task.location());
            }
        }
        if (outcome.status() == Status.FAILED) throw new TaskFailed(task, outcome.result());
    }

    /** The result as registered: Ansible's strategy drops the _ansible_* keys at every depth (strip_internal_keys). */
    static Object withoutInternalKeys(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!(k instanceof String s && s.startsWith("_ansible_"))) out.put(k, withoutInternalKeys(v));
            });
            return out;
        }
        if (value instanceof List<?> l) return l.stream().map(TaskEffects::withoutInternalKeys).toList();
        return value;
    }

    /** Facts (in item order, as Ansible applies a loop's) and the run's inventory. */
    private void changeRun(RunEffects effects) {
        // Facts a module gathered (setup, jail_facts) are host facts, at the facts' precedence, as after setup.
        host.facts.putAll(effects.factsGathered());
        host.setFacts.putAll(effects.factsSet());
        host.includedVars.putAll(effects.varsIncluded());
        for (RunEffects.AddedHost added : effects.hostsAdded()) {
            inventory.addHost(added.name(), added.groups(), added.vars());
        }
        for (String group : effects.groupsJoined()) inventory.addHost(host.name, List.of(group), Map.of());
    }
}
