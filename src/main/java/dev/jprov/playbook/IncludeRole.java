package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;

/**
 * include_role: dynamic, loaded by the executor through {@link PlaybookLoader#loadRole}. {@code role} may be a
 * template. Like {@link IncludeTasks}, what it loads inherits {@code scope}, the include's vars and {@code apply};
 * {@code register} and {@code args} (all its arguments, as Ansible's include_args) as there.
 */
public record IncludeRole(
        String name,
        String written,
        String roleName,
        RoleFrom from,
        boolean allowDuplicates,
        boolean isPublic,
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

    /** Ansible names an unnamed include_role "include_role : ROLE". */
    @Override
    public String displayName() {
        return name != null && !name.isEmpty() ? TaskNode.super.displayName() : written + " : " + roleName;
    }
}
