package dev.jprov.template;

import dev.jprov.pyformat.PythonFloat;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What ansible-core 2.14 (jinja2_native off) makes of a template that is one {@code {{ expression }}}: a bare
 * variable name whose value is a bool, a number or None is returned as that value (Templar's SINGLE_VAR fast path);
 * anything else is rendered to text, where None is '' (its finalize) and a number is Python's str of it. Lists,
 * dicts, booleans and strings come back as they are here, which is what ansible_eval_concat's literal_eval gives.
 */
final class SingleExpressionResult {
    private static final Pattern BARE_NAME = Pattern.compile("\\s*\\w+\\s*");

    private SingleExpressionResult() {}

    static Object of(String expression, Object value) {
        if (BARE_NAME.matcher(expression).matches()) return value;
        if (value == null) return "";
        if (value instanceof Double || value instanceof Float) return PythonFloat.repr(((Number) value).doubleValue());
        if (value instanceof BigDecimal d) return PythonFloat.repr(d.doubleValue());
        if (value instanceof Number n && !(value instanceof Boolean)) return String.valueOf(n);
        return value;
    }
}
