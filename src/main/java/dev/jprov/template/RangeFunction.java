package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.ArrayList;
import java.util.List;

/** Python's range(stop) / range(start, stop[, step]); past the render limit it fails instead of cutting short. */
final class RangeFunction {
    private RangeFunction() {}

    static void register(Jinjava jinjava) {
        jinjava.registerFunction(new ELFunctionDefinition("", "range", RangeFunction.class, "range", Object[].class));
    }

    public static List<Object> range(Object... args) {
        long start = 0;
        long stop;
        long step = 1;
        if (args == null || args.length == 0 || args.length > 3) {
            throw RenderSession.failure("range expected 1 to 3 arguments, got " + (args == null ? 0 : args.length));
        }
        if (args.length == 1) {
            stop = integer(args[0]);
        } else {
            start = integer(args[0]);
            stop = integer(args[1]);
            if (args.length == 3) step = integer(args[2]);
        }
        if (step == 0) throw RenderSession.failure("range() arg 3 must not be zero");
        long count = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
        RenderSession session = RenderSession.current();
        int limit = session == null ? RenderLimits.DEFAULT.rangeLimit() : session.limits().rangeLimit();
        if (count > limit) throw RenderSession.failure("range() of " + count + " items is over the limit of " + limit);
        List<Object> out = new ArrayList<>((int) count);
        for (long i = 0, v = start; i < count; i++, v += step) out.add(v);
        return out;
    }

    private static long integer(Object o) {
        if (o instanceof Undefined u) throw u.fail();
        if (o instanceof Integer || o instanceof Long || o instanceof Short) return ((Number) o).longValue();
        if (o instanceof Boolean b) return b ? 1 : 0;
        throw RenderSession.failure("'" + PythonRepr.typeName(o) + "' object cannot be interpreted as an integer");
    }
}
