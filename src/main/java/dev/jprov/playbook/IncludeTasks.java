package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;

/**
 * include_tasks: dynamic, expanded by the executor for each host (and each loop item) through
 * {@link PlaybookLoader#loadTaskFile}. {@code file} may be a template. {@code keywords} are the include's own
 * effective keywords (its when/tags decide whether the include runs); the included tasks inherit only
 * {@code scope}'s keywords, the include's vars and {@code apply}, as in Ansible. {@code register} (null when
 * absent) gets Ansible's include result; {@code args} are the include's arguments besides the file name.
 */
public record IncludeTasks(
        String name,
        String written,
        String file,
        TaskKeywords keywords,
        Loop loop,
        TaskKeywords apply,
        Scope scope,
        SourceLocation location,
        String register,
        java.util.Map<String, Object> args) implements TaskNode {

    @Override
    public RoleUse role() {
        return scope.role();
    }

    @Override
    public String actionName() {
        return written;
    }
}
