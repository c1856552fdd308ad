package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's add_host: adds a host (and its groups and variables) to the run's in-memory inventory, so a later play
 * can target it. This is how a jail host's jails become inventory hosts: discovered with jail_facts, added with
 * {@code ansible_connection: jail} and {@code jail_host}. The executor applies the result's {@code add_host}.
 */
public final class AddHostModule implements Module {
    private static final List<String> OWN = List.of("name", "host", "hostname", "groups", "group", "groupname");

    @Override
    public List<String> names() {
        return List.of("add_host", "ansible.builtin.add_host");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name", "host", "hostname");
        List<String> groups = args.list("groups", "group", "groupname");
        Map<String, Object> hostVars = new LinkedHashMap<>();
        args.raw().forEach((k, v) -> {
            if (!OWN.contains(k) && !k.startsWith("_ansible_")) hostVars.put(k, v);
        });
        for (String k : hostVars.keySet()) args.value(k); // every other key is a host variable, as in Ansible
        args.finish();
        if (name.isBlank()) throw new ArgsException("add_host: name must not be empty");
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("host_name", name);
        add.put("groups", groups);
        add.put("host_vars", hostVars);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("add_host", add);
        // Ansible reports add_host as a change of the inventory; nothing runs on a host.
        Change change = new Change(Action.UPDATE, "inventory: " + name, Diff.NONE, List.of(), List.of());
        return new Immediate(Planned.of(List.of(change), r)
                .withEffects(RunEffects.addsHost(new RunEffects.AddedHost(name, groups, hostVars))));
    }
}
