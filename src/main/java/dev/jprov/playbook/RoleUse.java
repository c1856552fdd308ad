package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One use of a role in a play (from roles:, a meta dependency, import_role or include_role), with its role
 * params. Tasks and handlers of the role point to it. {@code vars} are the vars: given with the reference (below
 * the role's vars/main in precedence), {@code params} the role params (above task vars, as in Ansible). {@code dependencies} are the uses its meta/main named,
 * in order (their defaults and vars are visible to this role, as in Ansible).
 */
public record RoleUse(Role role, Map<String, Object> vars, Map<String, Object> params, List<RoleUse> dependencies,
                      SourceLocation location) {

    public RoleUse {
        vars = FrozenValues.map(vars);
        params = FrozenValues.map(params);
        dependencies = List.copyOf(dependencies);
    }

    public String name() {
        return role.name();
    }

    /** The role_path variable. */
    public Path path() {
        return role.path();
    }
}
