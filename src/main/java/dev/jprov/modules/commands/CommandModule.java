package dev.jprov.modules.commands;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.ShellScript;
import dev.jprov.pyformat.Shlex;
import java.util.List;
import java.util.Optional;

/**
 * Ansible's command (and, with {@code shell = true}, shell): runs an argument list, never through a shell, or
 * for shell the user's text under /bin/sh -c. Either way every value jprov adds (chdir, stdin, the argv) is quoted.
 */
public final class CommandModule implements Module {
    private final boolean shell;

    private CommandModule(boolean shell) {
        this.shell = shell;
    }

    public static CommandModule command() {
        return new CommandModule(false);
    }

    public static CommandModule shell() {
        return new CommandModule(true);
    }

    @Override
    public List<String> names() {
        return shell ? List.of("shell", "ansible.builtin.shell") : List.of("command", "ansible.builtin.command");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<String> raw = args.stringAliased("_raw_params", "cmd");
        List<String> argv = shell ? List.of() : args.list("argv");
        Optional<String> chdir = args.string("chdir");
        Optional<String> executable = args.string("executable");
        Optional<String> creates = args.string("creates");
        Optional<String> removes = args.string("removes");
        Optional<String> stdin = args.string("stdin");
        boolean stdinNewline = args.bool("stdin_add_newline", true);
        boolean strip = args.bool("strip_empty_ends", true);
        args.bool("warn");
        args.finish();
        if (raw.map(String::isBlank).orElse(true) && argv.isEmpty()) throw new ArgsException("no command given");
        if (raw.isPresent() && !argv.isEmpty()) throw new ArgsException("only command or argv can be given, not both");
        List<String> warnings = new java.util.ArrayList<>();
        if (!shell && executable.isPresent()) {
            // as Ansible's command module: a warning, and the command runs without it
            warnings.add("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command'"
                    + " module. Not using '" + executable.get() + "'.");
        }
        Cmd run;
        Object cmd;
        if (shell) {
            run = Cmd.of(executable.orElse("/bin/sh"), "-c", raw.get());
            cmd = raw.get();
        } else {
            List<String> words = raw.map(CommandModule::words).orElse(argv);
            run = Cmd.of(words);
            cmd = words;
        }
        String script = "exec " + run.toShell();
        if (stdin.isPresent()) {
            script = ShellScript.fill("printf %s {} | ", stdinNewline ? stdin.get() + "\n" : stdin.get()) + run.toShell();
        }
        if (chdir.isPresent()) script = ShellScript.fill("cd -- {} && ", chdir.get()) + script;
        // A subshell so cd and exec stay inside this step when the executor batches steps into one script.
        String display = (chdir.map(d -> "cd " + d + " && ").orElse("")) + run.toShell();
        return new CommandRun("(" + script + ")", display, cmd, creates, removes, strip, true, warnings);
    }

    /** The free-form text's words, as Ansible's command module splits them (shlex). */
    private static List<String> words(String text) {
        try {
            return Shlex.split(text);
        } catch (Shlex.SplitException e) {
            throw new ArgsException(e.getMessage());
        }
    }
}
