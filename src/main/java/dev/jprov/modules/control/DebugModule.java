package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ansible's debug: msg, or the value of var ("VARIABLE IS NOT DEFINED!" when undefined), with verbosity. */
public final class DebugModule implements Module {

    @Override
    public List<String> names() {
        return List.of("debug", "ansible.builtin.debug");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        boolean msgGiven = args.given("msg"); // msg: null (or a template rendering None) is shown as null, as Ansible's
        Optional<Object> msg = args.value("msg");
        Optional<String> var = args.string("var");
        long verbosity = args.integer("verbosity").orElse(0L);
        args.finish();
        if (msg.isPresent() && var.isPresent()) throw new ArgsException("parameters are mutually exclusive: msg|var");
        if (context.verbosity() < verbosity) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("skipped_reason", "Verbosity threshold not met.");
            return new Immediate(new Planned(Planned.Outcome.SKIPPED, List.of(), r, Planned.AfterApply.KEEP));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        if (var.isPresent()) {
            r.put(var.get(), context.expression(var.get()).orElse("VARIABLE IS NOT DEFINED!"));
        } else {
            r.put("msg", msgGiven ? msg.orElse(null) : "Hello world!");
        }
        // Ansible's debug action sets this: its result is always shown, not only with -v.
        r.put("_ansible_verbose_always", true);
        // and only debug's result is cut down to msg or the var by the console, as Ansible's callback does
        r.put("_ansible_debug_view", true);
        return new Immediate(Planned.ok(r));
    }
}
