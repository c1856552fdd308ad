package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's group_by: puts the current host into a group named by {@code key} (under {@code parents}). */
public final class GroupByModule implements Module {

    @Override
    public List<String> names() {
        return List.of("group_by", "ansible.builtin.group_by");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String key = args.requireString("key");
        List<String> parents = args.list("parents");
        args.finish();
        if (key.isBlank()) throw new ArgsException("group_by: key must not be empty");
        Map<String, Object> r = new LinkedHashMap<>();
        // Ansible turns characters not valid in group names into underscores.
        String group = key.replaceAll("[^A-Za-z0-9_]", "_");
        r.put("add_group", group);
        r.put("parent_groups", parents.isEmpty() ? List.of("all") : parents);
        // Ansible's strategy (_add_group) reports changed when the host joins a group it was not in
        boolean joins = !(context.expression("group_names").orElse(List.of()) instanceof List<?> names
                && names.contains(group));
        Planned planned = joins ? Planned.of(List.of(new Change(Action.UPDATE, "inventory: group " + group, Diff.NONE,
                List.of(), List.of())), r) : Planned.ok(r);
        return new Immediate(planned.withEffects(RunEffects.joinsGroup(group)));
    }
}
