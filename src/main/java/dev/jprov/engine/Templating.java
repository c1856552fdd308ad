package dev.jprov.engine;

import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the executor needs of the template engine. The implementation lives on top of the template package
 * (the only place that knows jinjava); the executor's tests can use a simpler one.
 */
public interface Templating {

    /** Renders templates in a value (recursively); a string that is one {{ expr }} gives the native value. */
    Object render(Object value, Map<String, Object> vars, SourceLocation where);

    /** True when every condition (a bare expression, as in when:) is true. */
    boolean test(List<String> conditions, Map<String, Object> vars, SourceLocation where);

    /** The value {{ omit }} renders to: a module argument with it is left out. */
    String omit();

    /** A value as Python's str() shows it (True, None, ['a', 'b']): for item labels and messages. */
    String text(Object value);

    /** Renders a template file as Ansible's template module does. */
    String renderFile(Path template, Map<String, Object> vars);
}
