package dev.jprov.template;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.objects.SafeString;
import java.util.Collection;
import java.util.Map;

/**
 * The expression language's coercions made Python's: truthiness as Python ("false" and "0" are true strings;
 * jinjava says false), {@code ~} and string comparison through Python's str(), and any coercion of an
 * Undefined fails with its message (StrictUndefined), while passing it along as a plain object is allowed.
 */
final class PythonTypeConverter extends TruthyTypeConverter {
    private static final long serialVersionUID = 1L;

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Undefined u) throw u.fail();
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() != 0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof SafeString s) return !s.toString().isEmpty();
        if (v instanceof Collection<?> c) return !c.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        if (v instanceof Object[] a) return a.length > 0;
        return true;
    }

    @Override
    public <T> T convert(Object value, Class<T> type) {
        if (value instanceof Undefined u && type != Object.class) throw u.fail();
        return super.convert(value, type);
    }

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return truthy(value);
    }

    @Override
    protected String coerceToString(Object value) {
        return PythonRepr.str(value); // None becomes "None", as str(None) in Jinja's ~
    }
}
