package dev.jprov.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Python's + for the sum filter: ints stay exact, floats are floats, lists and strings concatenate. */
final class Arithmetic {
    private Arithmetic() {}

    static Object add(Object a, Object b) {
        if (a instanceof Undefined u) throw u.fail();
        if (b instanceof Undefined u) throw u.fail();
        if (isInt(a) && isInt(b)) {
            BigInteger r = toBig(a).add(toBig(b));
            return r.bitLength() < 64 ? (Object) r.longValue() : r;
        }
        if ((a instanceof Number || a instanceof Boolean) && (b instanceof Number || b instanceof Boolean)) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            List<Object> out = new ArrayList<>(la);
            out.addAll(lb);
            return out;
        }
        if (a instanceof String sa && b instanceof String sb) return sa + sb;
        throw RenderSession.failure("unsupported operand type(s) for +: '" + PythonRepr.typeName(a) + "' and '"
                + PythonRepr.typeName(b) + "'");
    }

    private static boolean isInt(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof BigInteger || o instanceof Short
                || o instanceof Boolean;
    }

    private static BigInteger toBig(Object o) {
        if (o instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        if (o instanceof BigInteger bi) return bi;
        return BigInteger.valueOf(((Number) o).longValue());
    }

    private static double toDouble(Object o) {
        if (o instanceof Boolean b) return b ? 1 : 0;
        if (o instanceof BigDecimal d) return d.doubleValue();
        return ((Number) o).doubleValue();
    }
}
