package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;
import java.util.List;

/**
 * A task that runs a module. {@code loop}, {@code until} and {@code async} are null when absent; {@code listen}
 * is only set on handlers.
 */
public record Task(
        String name,
        ModuleCall action,
        TaskKeywords keywords,
        Loop loop,
        String register,
        List<Condition> changedWhen,
        List<Condition> failedWhen,
        Until until,
        List<String> listen,
        RoleUse role,
        SourceLocation location,
        AsyncKeywords async) implements TaskNode {

    public Task {
        changedWhen = List.copyOf(changedWhen);
        failedWhen = List.copyOf(failedWhen);
        listen = List.copyOf(listen);
    }

    @Override
    public String actionName() {
        return action.written();
    }
}
