package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import java.util.List;
import java.util.Map;

/** Ansible's fail: fails the task with msg. */
public final class FailModule implements Module {

    @Override
    public List<String> names() {
        return List.of("fail", "ansible.builtin.fail");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Object msg = args.value("msg").orElse("Failed as requested from task");
        args.finish();
        return new Immediate(Planned.failed(String.valueOf(msg), Map.of()));
    }
}
