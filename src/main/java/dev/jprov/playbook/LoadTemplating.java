package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;
import java.util.Map;

/**
 * What Ansible templates while it loads a playbook, with the variables it has then (extra vars, play vars, the
 * task's vars; no host): an import_role's name and the play's strategy. The run wires the templater in; without
 * one (listing tasks) such a value is an error naming the place.
 */
public interface LoadTemplating {

    /** Renders {@code value}; a template error is thrown as a LoadException at {@code at}. */
    Object render(Object value, Map<String, Object> vars, SourceLocation at);

    /** The extra vars (-e), which win over every other variable. */
    Map<String, Object> extraVars();
}
