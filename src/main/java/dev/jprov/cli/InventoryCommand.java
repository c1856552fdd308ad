package dev.jprov.cli;

import dev.jprov.run.InventoryJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jprov inventory}: ansible-inventory's --list, --graph and --host, with the same output. */
@Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the inventory as Ansible sees it (like ansible-inventory).")
public final class InventoryCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory", "--inventory-file"}, paramLabel = "INVENTORY", required = true,
            description = "Inventory file or directory; repeat to merge several, in order.")
    List<String> inventories = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--list", description = "All groups and hosts with their variables, as JSON.")
        boolean list;

        @Option(names = "--graph", description = "The group tree.")
        boolean graph;

        @Option(names = "--host", paramLabel = "HOST", description = "One host's variables, as JSON.")
        String host;
    }

    @Parameters(arity = "0..1", paramLabel = "GROUP", description = "With --graph: the group to start from.")
    String group;

    @Mixin
    VaultArgs vault = new VaultArgs();

    @ParentCommand
    JprovCommand parent;

    @Override
    public Integer call() {
        if (vault.conflict().isPresent()) {
            parent.err().println("ERROR! " + vault.conflict().get());
            return dev.jprov.run.ExitCode.BAD_OPTIONS.code();
        }
        InventoryJob.Show show = action.list ? new InventoryJob.Listing()
                : action.graph ? new InventoryJob.Graph(Optional.ofNullable(group))
                : new InventoryJob.HostVars(action.host);
        return new InventoryJob(inventories, vault.request(), parent.out(), parent.err()).run(show).code();
    }
}
