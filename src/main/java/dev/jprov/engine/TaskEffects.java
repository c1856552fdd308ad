package dev.jprov.engine;

import dev.jprov.playbook.Task;
import dev.jprov.report.Status;
import java.util.ArrayList;
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
        if (task.register() != null) host.setFacts.put(task.register(), outcome.result());
        if (outcome.status() != Status.FAILED) changeInventory(outcome.result());
        if (outcome.result().get("ansible_facts") instanceof Map<?, ?> facts && outcome.status() != Status.FAILED) {
            facts.forEach((k, v) -> host.setFacts.put(String.valueOf(k), v));
            // Facts a module gathered (jail_facts) are host facts too: ansible_facts.jails, as after setup.
            if (!task.action().module().equals("set_fact")) {
                facts.forEach((k, v) -> host.facts.put(String.valueOf(k), v));
            }
        }
        // A loop's facts (set_fact with loop:) come with its items, applied in item order as Ansible does.
        if (outcome.result().get("results") instanceof List<?> items && outcome.status() != Status.FAILED) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> r && r.get("ansible_facts") instanceof Map<?, ?> facts) {
                    facts.forEach((k, v) -> host.setFacts.put(String.valueOf(k), v));
                }
            }
        }
        if (outcome.changed()) {
            for (String n : task.keywords().notifies()) {
                handlers.notify(String.valueOf(run.templating().render(n, vars, task.location())));
            }
        }
        if (outcome.status() == Status.FAILED) throw new TaskFailed(task, outcome.result());
    }

    /** add_host and group_by results (also per loop item) change the run's inventory. */
    private void changeInventory(Map<String, Object> result) {
        if (result.get("results") instanceof List<?> items) {
            for (Object item : items) if (item instanceof Map<?, ?> m) changeInventory(castMap(m));
        }
        if (result.get("add_host") instanceof Map<?, ?> add) {
            List<String> groups = new ArrayList<>();
            if (add.get("groups") instanceof List<?> l) for (Object g : l) groups.add(String.valueOf(g));
            Map<String, Object> hostVars = add.get("host_vars") instanceof Map<?, ?> hv ? castMap(hv) : Map.of();
            inventory.addHost(String.valueOf(add.get("host_name")), groups, hostVars);
        }
        if (result.get("add_group") != null) {
            inventory.addHost(host.name, List.of(String.valueOf(result.get("add_group"))), Map.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
