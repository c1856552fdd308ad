package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code dict} global, Python's dict(): {@code dict(a=1)}, {@code dict(mapping, **kw)},
 * {@code dict(pairs, **kw)} (e.g. {@code dict(keys | zip(values))}). Later keys win, first insertion keeps its place.
 */
final class DictFunction {
    private DictFunction() {}

    static void register(Jinjava jinjava) {
        jinjava.registerFunction(new ELFunctionDefinition("", "dict", DictFunction.class, "dict", Object[].class));
    }

    public static Map<Object, Object> dict(Object... args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        int positional = 0;
        for (Object a : args == null ? new Object[0] : args) {
            if (a instanceof NamedParameter p) continue;
            if (a instanceof Undefined u) throw u.fail();
            if (++positional > 1) throw RenderSession.failure("dict expected at most 1 argument, got " + positional);
            update(out, a);
        }
        for (Object a : args == null ? new Object[0] : args) {
            if (a instanceof NamedParameter p) {
                if (p.getValue() instanceof Undefined u) throw u.fail();
                out.put(p.getName(), p.getValue());
            }
        }
        return out;
    }

    private static void update(Map<Object, Object> out, Object source) {
        if (source instanceof Map<?, ?> m) {
            out.putAll(m);
            return;
        }
        if (!(source instanceof Iterable<?> || source instanceof String)) {
            throw RenderSession.failure("'" + PythonRepr.typeName(source) + "' object is not iterable");
        }
        int i = 0;
        for (Object element : PythonMethods.iterable(source)) {
            if (!(element instanceof Iterable<?> || element instanceof String)) {
                throw RenderSession.failure("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            List<Object> pair = CollectionFilters.items(element);
            if (pair.size() != 2) {
                throw RenderSession.failure("dictionary update sequence element #" + i + " has length " + pair.size()
                        + "; 2 is required");
            }
            out.put(pair.get(0), pair.get(1));
            i++;
        }
    }
}
