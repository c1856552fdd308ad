package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adapts one Ansible/Jinja2 filter function to jinjava. An Undefined input or argument fails here (as
 * StrictUndefined does in Jinja2) unless the filter is one that handles undefined values (default, mandatory).
 * Other errors become template failures naming the filter.
 */
final class AnsibleFilter implements Filter {

    @FunctionalInterface
    interface Function {
        Object apply(Object value, FilterArgs args);
    }

    private final String name;
    private final boolean acceptsUndefined;
    private final Function function;

    AnsibleFilter(String name, boolean acceptsUndefined, Function function) {
        this.name = name;
        this.acceptsUndefined = acceptsUndefined;
        this.function = function;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (!acceptsUndefined && var instanceof Undefined u) throw u.fail();
        for (Object a : args) if (a instanceof Undefined u) throw u.fail();
        for (Object a : kwargs.values()) if (a instanceof Undefined u) throw u.fail();
        try {
            return function.apply(var, new FilterArgs(name, Arrays.asList(args), new LinkedHashMap<>(kwargs), interpreter));
        } catch (TemplateFailure f) {
            throw f;
        } catch (RuntimeException e) {
            throw RenderSession.failure("Unexpected templating type error occurred on filter '" + name + "': "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, (Object[]) args, Map.of());
    }
}
