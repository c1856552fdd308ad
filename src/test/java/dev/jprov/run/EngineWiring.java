package dev.jprov.run;

import dev.jprov.engine.Includes;
import dev.jprov.engine.InventoryView;
import dev.jprov.engine.Templating;
import dev.jprov.inventory.Inventory;
import dev.jprov.playbook.PlaybookLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts {@link ApplyJob} wires the engine with, for engine tests that run the real engine without the command
 * line: the same templating, inventory view and include loader a user's run gets.
 */
public final class EngineWiring {
    private EngineWiring() {}

    /** The run's templating (jinjava, set up in the background as in a run). */
    public static Templating templating() {
        return TemplarTemplating.startingNow();
    }

    public static InventoryView inventory(Path inventoryFile) {
        return new InventoryAdapter(Inventory.load(List.of(inventoryFile.toString()), inventoryFile.getParent()));
    }

    public static Includes includes(PlaybookLoader loader) {
        return new LoaderIncludes(loader);
    }
}
