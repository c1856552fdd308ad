package dev.jprov.template;

import java.util.List;

/** Python's {@code "%s-%03d" % (a, b)}, which Jinja's format filter uses. */
final class PercentFormat {
    private PercentFormat() {}

    static String format(String fmt, List<Object> args) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            int j = i + 1;
            while (j < fmt.length() && "-+ #0123456789.".indexOf(fmt.charAt(j)) >= 0) j++;
            if (j >= fmt.length()) throw RenderSession.failure("incomplete format");
            char conv = fmt.charAt(j);
            String spec = fmt.substring(i + 1, j);
            i = j;
            if (conv == '%') {
                sb.append('%');
                continue;
            }
            if (next >= args.size()) throw RenderSession.failure("not enough arguments for format string");
            Object arg = args.get(next++);
            sb.append(switch (conv) {
                case 's' -> String.format("%" + spec + "s", PythonRepr.str(arg));
                case 'r' -> String.format("%" + spec + "s", PythonRepr.repr(arg));
                case 'd', 'i' -> String.format("%" + spec + "d", toLong(arg));
                case 'x', 'X', 'o' -> String.format("%" + spec + conv, toLong(arg));
                case 'f', 'F', 'e', 'E', 'g', 'G' -> String.format("%" + spec + conv, toDouble(arg));
                default -> throw RenderSession.failure("unsupported format character '" + conv + "'");
            });
        }
        return sb.toString();
    }

    private static long toLong(Object o) {
        if (o instanceof Number n) return n.longValue();
        if (o instanceof Boolean b) return b ? 1 : 0;
        throw RenderSession.failure("%d format: a number is required, not " + PythonRepr.typeName(o));
    }

    private static double toDouble(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        throw RenderSession.failure("must be real number, not " + PythonRepr.typeName(o));
    }
}
