package dev.jprov.cli;

import dev.jprov.run.ExitCode;
import picocli.CommandLine;

/** Entry point: parses the command line with picocli and exits with ansible-playbook's exit codes. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        installInterruptHandler();
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs a jprov command line with the given output streams and returns its exit code (tests use this). */
    public static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        CommandLine cli = JprovCommand.commandLine(out, err);
        return cli.execute(args);
    }

    /** Ctrl-C ends the run with ansible-playbook's "user interrupted" code. */
    private static void installInterruptHandler() {
        Runtime.getRuntime().addShutdownHook(new Thread(System.out::flush));
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> {
                System.err.println("\n [ERROR]: User interrupted execution");
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no signal support on this JVM: the default handling stays
        }
    }
}
