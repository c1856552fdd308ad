package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import dev.jprov.source.SourceLocation;
import java.util.Map;

/**
 * The module a task runs. {@code written} is the name as in the file ("ansible.builtin.copy"), {@code module}
 * the canonical short name ("copy"). {@code args} are unrendered; free-form text of command/shell/raw/script is
 * under {@code _raw_params} as in Ansible, and a templated args string under {@code _variable_params}.
 */
public record ModuleCall(String written, String module, Map<String, Object> args, SourceLocation location) {
    public ModuleCall {
        args = FrozenValues.map(args);
    }
}
