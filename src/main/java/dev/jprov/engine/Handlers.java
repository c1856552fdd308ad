package dev.jprov.engine;

import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A host's handlers in a play: the play's and those its include_role tasks bring, the names notified since the last
 * flush, and the flushes. Each flush is a round: its handlers' results are a report block of their own.
 */
final class Handlers {
    private final List<TaskNode> handlers; // tasks and meta tasks
    private final Set<String> notified = new LinkedHashSet<>();
    private int round;

    Handlers(List<TaskNode> playHandlers) {
        this.handlers = new ArrayList<>(playHandlers);
    }

    /** Handlers of an included role; one included again (in a loop) brings them once: a notified one runs once. */
    void add(List<TaskNode> more) {
        for (TaskNode h : more) {
            if (handlers.stream().noneMatch(k -> k.displayName().equals(h.displayName())
                    && listen(k).equals(listen(h)))) {
                handlers.add(h);
            }
        }
    }

    /**
     * {@code name} is notified by the task at {@code at}. A name that no handler has, by name or by listen, is an
     * error there, as in Ansible's strategy when it takes the task's result (an AnsibleError: exit 1, not a load
     * error), so that no later task runs.
     */
    void notify(String name, SourceLocation at) {
        if (matching(handlers, Set.of(name)).isEmpty()) {
            throw new IllegalArgumentException(at + ": The requested handler '" + name
                    + "' was not found in either the main handlers list nor in the listening handlers list");
        }
        notified.add(name);
    }

    /** The flush round running now (or last): handlers run at each flush, each run its own report block. */
    int round() {
        return round;
    }

    /**
     * Runs the notified handlers in the order they are listed, until none is notified (a handler may notify
     * others).
     */
    void flush(Consumer<TaskNode> run) {
        while (!notified.isEmpty()) {
            Set<String> now = new LinkedHashSet<>(notified);
            notified.clear();
            round++;
            matching(handlers, now).forEach(run);
        }
    }

    /**
     * The handlers {@code names} call, in the order they are listed: every handler listening to one of them, and for
     * each name one handler called by it (its name, or "role : name"), as Ansible's search_handler_blocks_by_name:
     * of several, the first of the last role (the play's own handlers come last) that has one.
     */
    static List<TaskNode> matching(List<TaskNode> handlers, Set<String> names) {
        Set<TaskNode> byName = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String n : names) {
            TaskNode chosen = null;
            for (TaskNode h : handlers) {
                boolean called = h.name() != null && (h.name().equals(n) || h.displayName().equals(n));
                if (called && (chosen == null || !java.util.Objects.equals(chosen.role(), h.role()))) chosen = h;
            }
            if (chosen != null) byName.add(chosen);
        }
        List<TaskNode> out = new ArrayList<>();
        for (TaskNode h : handlers) {
            if (byName.contains(h) || listen(h).stream().anyMatch(names::contains)) out.add(h);
        }
        return out;
    }

    /** The topics a handler listens to (a meta handler is called by its name only). */
    private static List<String> listen(TaskNode handler) {
        return handler instanceof Task t ? t.listen() : List.of();
    }
}
