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

/**
 * Ansible's assert: each {@code that} condition is evaluated with the task's variables through the context
 * (the templater); the first false one fails the task with fail_msg.
 */
public final class AssertModule implements Module {

    @Override
    public List<String> names() {
        return List.of("assert", "ansible.builtin.assert");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        List<String> that = conditions(args.value("that").orElseThrow(() -> new ArgsException("conditional required in \"that\" string")));
        Optional<Object> failMsg = args.value("fail_msg", "msg");
        Optional<Object> successMsg = args.value("success_msg");
        boolean quiet = args.bool("quiet", false);
        args.finish();
        for (String condition : that) {
            if (!context.evaluate(condition)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("assertion", condition);
                r.put("evaluated_to", false);
                if (!quiet) r.put("_ansible_verbose_always", true);
                return new Immediate(Planned.failed(String.valueOf(failMsg.orElse("Assertion failed")), r));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("msg", successMsg.orElse("All assertions passed"));
        // as Ansible's assert action: shown in full unless quiet
        if (!quiet) r.put("_ansible_verbose_always", true);
        return new Immediate(Planned.ok(r));
    }

    /** that: a string or a list; a condition given as a YAML boolean is its own value ("True"/"False"). */
    private static List<String> conditions(Object that) {
        if (that instanceof List<?> l) return l.stream().map(AssertModule::condition).toList();
        return List.of(condition(that));
    }

    private static String condition(Object o) {
        if (o instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(o);
    }
}
