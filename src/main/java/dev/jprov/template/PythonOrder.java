package dev.jprov.template;

import java.math.BigDecimal;

/**
 * Python 3's ordering for sort, min, max and sort_keys: numbers (and booleans) by value, strings by code point,
 * lists element-wise; values of different kinds cannot be ordered in Python and fail here too.
 */
final class PythonOrder {
    private PythonOrder() {}

    static int compare(Object a, Object b) {
        if (a instanceof Undefined u) throw u.fail();
        if (b instanceof Undefined u) throw u.fail();
        if (isNumber(a) && isNumber(b)) return toDecimal(a).compareTo(toDecimal(b));
        if (a instanceof CharSequence || a instanceof Character) {
            if (b instanceof CharSequence || b instanceof Character) return a.toString().compareTo(b.toString());
        }
        if (a instanceof java.util.List<?> la && b instanceof java.util.List<?> lb) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                int c = compare(la.get(i), lb.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw RenderSession.failure("'<' not supported between instances of '" + PythonRepr.typeName(a)
                + "' and '" + PythonRepr.typeName(b) + "'");
    }

    private static boolean isNumber(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static BigDecimal toDecimal(Object o) {
        if (o instanceof Boolean b) return b ? BigDecimal.ONE : BigDecimal.ZERO;
        if (o instanceof BigDecimal d) return d;
        if (o instanceof Double || o instanceof Float) return BigDecimal.valueOf(((Number) o).doubleValue());
        return new BigDecimal(o.toString());
    }
}
