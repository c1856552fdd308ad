package dev.jprov.cli;

import dev.jprov.run.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code jprov} command: subcommands apply, inventory and vault, --version and --help. */
@Command(name = "jprov", mixinStandardHelpOptions = true, versionProvider = JprovCommand.Version.class,
        description = "Agentless provisioning of FreeBSD hosts and jails over SSH, with Ansible's inventory, "
                + "playbooks and flags.",
        subcommands = {ApplyCommand.class, InventoryCommand.class, VaultCommand.class, CommandLine.HelpCommand.class})
public final class JprovCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    JprovCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: apply, inventory or vault");
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new JprovCommand(out, err));
        // "-e @vars.yaml" is Ansible's syntax for a vars file, not picocli's argument file.
        cli.setExpandAtFiles(false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("ERROR! " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.BAD_OPTIONS.code();
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            // A bug or an environment problem, not bad input: say what happened; the trace only when asked.
            c.getErr().println("ERROR! Unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            if (System.getenv("JPROV_DEBUG") != null) ex.printStackTrace(c.getErr());
            else c.getErr().println("(set JPROV_DEBUG=1 for the stack trace)");
            return ExitCode.ERROR.code();
        });
        return cli;
    }

    /** jprov's version, from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = JprovCommand.class.getPackage().getImplementationVersion();
            return new String[] {"jprov " + (v == null ? "dev" : v), "  java " + Runtime.version()};
        }
    }
}
