package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;

/** A meta: task (flush_handlers, end_play, ...). */
public record Meta(String name, String written, MetaAction action, TaskKeywords keywords, RoleUse role,
                   SourceLocation location) implements TaskNode {
    @Override
    public String actionName() {
        return written;
    }
}
