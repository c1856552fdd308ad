package dev.jprov.run;

import dev.jprov.inventory.HostPatternException;
import dev.jprov.inventory.Inventory;
import dev.jprov.inventory.InventoryGraph;
import dev.jprov.inventory.InventoryJson;
import dev.jprov.source.LoadException;
import dev.jprov.source.YamlReader;
import dev.jprov.vault.SecretMask;
import dev.jprov.vault.Vault;
import dev.jprov.vault.VaultSecretLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code jprov inventory}: loads the inventory and prints it as ansible-inventory does, with its exit codes.
 * Here rather than in the command line so that the command line only parses and hands off.
 */
public final class InventoryJob {

    /** What to show: ansible-inventory's --list, --graph [GROUP] or --host HOST. */
    public sealed interface Show permits Listing, Graph, HostVars {}

    public record Listing() implements Show {}

    public record Graph(Optional<String> group) implements Show {}

    public record HostVars(String host) implements Show {}

    private final List<String> inventories;
    private final PrintStream out;
    private final PrintStream err;

    private final VaultRequest vault;

    public InventoryJob(List<String> inventories, PrintStream out, PrintStream err) {
        this(inventories, VaultRequest.NONE, out, err);
    }

    public InventoryJob(List<String> inventories, VaultRequest vault, PrintStream out, PrintStream err) {
        this.inventories = List.copyOf(inventories);
        this.vault = vault;
        this.out = out;
        this.err = err;
    }

    public ExitCode run(Show show) {
        try {
            Path cwd = Path.of("").toAbsolutePath();
            // As ansible-inventory: encrypted files are opened, !vault values are shown encrypted.
            Vault secrets = VaultSetup.of(vault, cwd).open(new SecretMask(), err);
            Inventory inventory = Inventory.load(inventories, cwd, YamlReader.keepingVaultValues(secrets));
            for (String w : inventory.warnings()) err.println("[WARNING]: " + w);
            out.print(switch (show) {
                case Listing l -> InventoryJson.list(inventory);
                case Graph g -> g.group().map(group -> InventoryGraph.render(inventory, group))
                        .orElseGet(() -> InventoryGraph.render(inventory));
                case HostVars h -> InventoryJson.host(inventory, h.host());
            });
            return ExitCode.OK;
        } catch (LoadException e) {
            err.println("ERROR! " + e.getMessage());
            return ExitCode.PARSE_ERROR;
        } catch (HostPatternException e) {
            err.println("ERROR! " + e.getMessage());
            return ExitCode.BAD_OPTIONS;
        } catch (VaultSecretLoader.PasswordSourceException e) {
            err.println("ERROR! " + e.getMessage());
            return ExitCode.ERROR;
        }
    }
}
