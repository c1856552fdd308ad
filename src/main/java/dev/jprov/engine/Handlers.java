package dev.jprov.engine;

import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.source.LoadException;
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
    private final List<TaskNode> handlers;
    private final Set<String> notified = new LinkedHashSet<>();
    private final SourceLocation play;
    private int round;

    Handlers(List<TaskNode> playHandlers, SourceLocation play) {
        this.handlers = new ArrayList<>(playHandlers);
        this.play = play;
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

    void notify(String name) {
        notified.add(name);
    }

    /** The flush round running now (or last): handlers run at each flush, each run its own report block. */
    int round() {
        return round;
    }

    /**
     * Runs the notified handlers in the order they are listed, until none is notified (a handler may notify
     * others). A name that no handler has, by name or by listen, is an error, as in Ansible.
     */
    void flush(Consumer<TaskNode> run) {
        while (!notified.isEmpty()) {
            Set<String> now = new LinkedHashSet<>(notified);
            notified.clear();
            round++;
            List<TaskNode> hit = matching(handlers, now);
            if (hit.isEmpty()) {
                throw new LoadException(play, "The requested handler '" + now.iterator().next()
                        + "' was not found in either the main handlers list nor in the listening handlers list");
            }
            hit.forEach(run);
        }
    }

    /** The handlers {@code names} call, by name or by a topic they listen to, in the order they are listed. */
    static List<TaskNode> matching(List<TaskNode> handlers, Set<String> names) {
        List<TaskNode> out = new ArrayList<>();
        for (TaskNode h : handlers) {
            if ((h.name() != null && names.contains(h.name())) || listen(h).stream().anyMatch(names::contains)) {
                out.add(h);
            }
        }
        return out;
    }

    /** The topics a handler listens to (an include_tasks handler is called by its name only). */
    private static List<String> listen(TaskNode h) {
        return h instanceof Task t ? t.listen() : List.of();
    }
}
