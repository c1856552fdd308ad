package dev.jprov.modules.commands;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.plan.Cmd;
import java.util.List;
import java.util.Optional;

/**
 * Ansible's raw: the user's text handed to the remote shell as it is. By definition this is the one module
 * whose input is shell syntax; it still runs in a subshell (or under {@code executable -c}) so it cannot
 * disturb the executor's script around it.
 */
public final class RawModule implements Module {

    @Override
    public List<String> names() {
        return List.of("raw", "ansible.builtin.raw");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String text = args.string("_raw_params").orElseThrow(() -> new ArgsException("no command given"));
        Optional<String> executable = args.string("executable");
        args.finish();
        if (text.isBlank()) throw new ArgsException("no command given");
        String script = Cmd.of(executable.orElse("/bin/sh"), "-c", text).toShell();
        return new CommandRun(script, text, text, Optional.empty(), Optional.empty(), false, true);
    }
}
