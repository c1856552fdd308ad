package dev.jprov.inventory;

import dev.jprov.pyformat.PythonFloat;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code repr()} and type names of JSON values, for the script plugin's error messages, which quote
 * the script's data as Python prints it ({@code {'hosts': 'web1'}}, {@code <class 'int'>}).
 */
final class PythonRepr {
    private PythonRepr() {}

    static String of(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> string(s);
            case Double d -> d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : PythonFloat.repr(d);
            case Map<?, ?> m -> {
                StringBuilder sb = new StringBuilder("{");
                m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(of(k)).append(": ").append(of(x)));
                yield sb.append('}').toString();
            }
            case List<?> l -> "[" + String.join(", ", l.stream().map(PythonRepr::of).toList()) + "]";
            default -> String.valueOf(v);
        };
    }

    /** str(): a string as it is, anything else as its repr. */
    static String str(Object v) {
        return v instanceof String s ? s : of(v);
    }

    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case String s -> "str";
            case Double d -> "float";
            case Number n -> "int";
            case Map<?, ?> m -> "dict";
            case List<?> l -> "list";
            default -> v.getClass().getSimpleName();
        };
    }

    /** repr(str): single quotes unless the text has ' and no ", backslash escapes for the unprintable. */
    private static String string(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }
}
