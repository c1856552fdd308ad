package dev.jprov.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A remote command as an argument list. {@link #toShell()} is the only way it becomes shell text, with every
 * argument quoted by {@link ShellQuote}. Compose with {@link ShellScript} for pipelines and conditions.
 */
public record Cmd(List<String> argv) {
    public Cmd {
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
        argv = List.copyOf(argv);
    }

    public static Cmd of(String program, String... args) {
        List<String> all = new ArrayList<>(args.length + 1);
        all.add(program);
        all.addAll(List.of(args));
        return new Cmd(all);
    }

    public static Cmd of(List<String> argv) {
        return new Cmd(argv);
    }

    public Cmd plus(String... more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(List.of(more));
        return new Cmd(all);
    }

    public Cmd plus(List<String> more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(more);
        return new Cmd(all);
    }

    public String toShell() {
        return ShellQuote.join(argv);
    }

    @Override
    public String toString() {
        return toShell();
    }
}
