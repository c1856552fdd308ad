package dev.jprov.modules.commands;

import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import java.util.List;

/**
 * Ansible's async_status (action plugin and module of ansible-core 2.14): the status of an async job from its file
 * in ~/.ansible_async, or with {@code mode: cleanup} the removal of that file. Read with a probe, so a --check run
 * reads the status too; cleanup is a step, which a dry run does not make.
 */
public final class AsyncStatusModule implements Module {

    @Override
    public List<String> names() {
        return List.of("async_status", "ansible.builtin.async_status");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String jid = args.requireString("jid");
        String mode = args.choice("mode", "status", "status", "cleanup");
        args.finish();
        return new AsyncStatus(jid, mode.equals("cleanup"));
    }
}
