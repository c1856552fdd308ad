package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.List;
import java.util.Map;

/** A filter call's arguments, read Python-style: by position or by keyword. */
record FilterArgs(String filter, List<Object> positional, Map<String, Object> named, JinjavaInterpreter interpreter) {

    Object get(int index, String name, Object fallback) {
        if (name != null && named.containsKey(name)) return named.get(name);
        return index >= 0 && index < positional.size() ? positional.get(index) : fallback;
    }

    /** The positional argument at {@code index}; a missing one fails like a Python call would. */
    Object get(int index) {
        return require(index, null);
    }

    boolean has(int index, String name) {
        return (name != null && named.containsKey(name)) || (index >= 0 && index < positional.size());
    }

    Object require(int index, String name) {
        if (!has(index, name)) {
            throw RenderSession.failure(filter + "() missing required argument '" + (name == null ? index + 1 : name) + "'");
        }
        return get(index, name, null);
    }

    String string(int index, String name, String fallback) {
        Object v = get(index, name, fallback);
        return v == null ? null : PythonRepr.str(v);
    }

    boolean bool(int index, String name, boolean fallback) {
        Object v = get(index, name, fallback);
        return PythonTypeConverter.truthy(v);
    }

    int integer(int index, String name, int fallback) {
        Object v = get(index, name, fallback);
        return PythonMethods.toInt(v);
    }

    /** Positional arguments from {@code from} on (for map('filter', a, b) and select('test', a)). */
    List<Object> rest(int from) {
        return from >= positional.size() ? List.of() : positional.subList(from, positional.size());
    }
}
