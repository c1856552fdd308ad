package dev.jprov.run;

import dev.jprov.engine.TemplateError;
import dev.jprov.playbook.LoadTemplating;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.util.Map;

/** The run's templater for what the playbook loader templates (import_role names, strategy), with the extra vars. */
record LoadTimeTemplating(TemplarTemplating templating, Map<String, Object> extraVars) implements LoadTemplating {

    @Override
    public Object render(Object value, Map<String, Object> vars, SourceLocation at) {
        try {
            return templating.render(value, vars, at);
        } catch (TemplateError e) {
            String m = e.getMessage();
            String prefix = at + ": ";
            throw new LoadException(at, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        }
    }
}
