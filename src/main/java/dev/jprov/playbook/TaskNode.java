package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;

/**
 * An entry of a task list after loading: a module task, a block, a dynamic include (kept as a node and expanded
 * by the executor at run time through {@link PlaybookLoader}), or a meta task. Static imports are already expanded.
 */
public sealed interface TaskNode permits Task, Block, IncludeTasks, IncludeRole, Meta {

    /** The name as written (not templated), or null. */
    String name();

    /** Effective keywords (see {@link TaskKeywords}). */
    TaskKeywords keywords();

    /** The role use this node came from, or null outside roles. */
    RoleUse role();

    SourceLocation location();

    /** What Ansible writes when the name is empty: the action as written ("debug", "include_tasks"). */
    String actionName();

    /** The task name as Ansible prints it in {@code TASK [...]}: "role : name" inside a role. */
    default String displayName() {
        String base = name() != null && !name().isEmpty() ? name() : actionName();
        return role() == null ? base : role().name() + " : " + base;
    }
}
