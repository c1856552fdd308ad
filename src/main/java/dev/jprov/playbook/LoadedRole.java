package dev.jprov.playbook;

import java.util.List;

/** What an include_role loads at run time: the use (with dependencies), its tasks in order, and its handlers. */
public record LoadedRole(RoleUse use, List<RoleUse> roles, List<TaskNode> tasks, List<TaskNode> handlers) {
    public LoadedRole {
        roles = List.copyOf(roles);
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
    }
}
