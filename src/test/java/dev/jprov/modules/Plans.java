package dev.jprov.modules;

import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What a planned module call says, in the forms tests compare: its one action, its steps, its diff. */
public final class Plans {
    private Plans() {}

    /** The action all changes share; an AssertionError when they differ. */
    public static Action action(Planned p) {
        List<Action> actions = p.changes().stream().map(Change::action).distinct().toList();
        if (actions.size() != 1) throw new AssertionError("several actions: " + actions);
        return actions.getFirst();
    }

    /** Every step's display text, one a line. */
    public static String steps(Planned p) {
        List<String> out = new ArrayList<>();
        for (Change c : p.changes()) for (Step s : c.steps()) out.add(s.display());
        return String.join("\n", out);
    }

    /** The diffs' before texts, joined. */
    public static String before(Planned p) {
        return p.changes().stream().map(c -> c.diff().before()).collect(Collectors.joining());
    }

    /** The diffs' after texts, joined. */
    public static String after(Planned p) {
        return p.changes().stream().map(c -> c.diff().after()).collect(Collectors.joining());
    }
}
