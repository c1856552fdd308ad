package dev.jprov.cli;

import dev.jprov.inventory.HostPatternException;
import dev.jprov.inventory.Inventory;
import dev.jprov.inventory.InventoryGraph;
import dev.jprov.inventory.InventoryJson;
import dev.jprov.run.ExitCode;
import dev.jprov.source.LoadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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

    @ParentCommand
    JprovCommand parent;

    @Override
    public Integer call() {
        try {
            Inventory inventory = Inventory.load(inventories, Path.of("").toAbsolutePath());
            for (String w : inventory.warnings()) parent.err().println("[WARNING]: " + w);
            String text;
            if (action.list) text = InventoryJson.list(inventory);
            else if (action.graph) text = group == null ? InventoryGraph.render(inventory)
                    : InventoryGraph.render(inventory, group);
            else text = InventoryJson.host(inventory, action.host);
            parent.out().print(text);
            return ExitCode.OK.code();
        } catch (LoadException e) {
            parent.err().println("ERROR! " + e.getMessage());
            return ExitCode.PARSE_ERROR.code();
        } catch (HostPatternException e) {
            parent.err().println("ERROR! " + e.getMessage());
            return ExitCode.BAD_OPTIONS.code();
        }
    }
}
