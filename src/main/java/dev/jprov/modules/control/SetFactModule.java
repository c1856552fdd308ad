package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Ansible's set_fact: every argument (already templated) becomes a host variable via {@code ansible_facts}. */
public final class SetFactModule implements Module {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public List<String> names() {
        return List.of("set_fact", "ansible.builtin.set_fact");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        boolean cacheable = false;
        for (Map.Entry<String, Object> e : args.raw().entrySet()) {
            String k = e.getKey();
            if (k.equals("cacheable")) {
                cacheable = args.bool("cacheable", false);
                continue;
            }
            if (k.startsWith("_ansible_")) continue;
            if (!IDENTIFIER.matcher(k).matches()) {
                throw new ArgsException("The variable name '" + k + "' is not valid. Variables must start with a letter"
                        + " or underscore character, and contain only letters, numbers and underscores.");
            }
            args.value(k);
            facts.put(k, e.getValue());
        }
        args.finish();
        if (facts.isEmpty()) {
            throw new ArgsException("No key/value pairs provided, at least one is required for this action to succeed");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ansible_facts", facts);
        r.put("_ansible_facts_cacheable", cacheable);
        // cacheable: the facts also become host facts (Ansible's fact cache), which a persistent cache keeps
        RunEffects effects = cacheable ? new RunEffects(facts, facts, List.of(), List.of())
                : RunEffects.setsFacts(facts);
        return new Immediate(Planned.ok(r).withEffects(effects));
    }
}
