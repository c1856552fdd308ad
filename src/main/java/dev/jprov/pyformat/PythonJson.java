package dev.jprov.pyformat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON text byte for byte as Python's {@code json.dumps} writes it with these options. Ansible prints its JSON
 * that way (ansible-inventory, the to_json filters, task results), so every JSON jprov shows goes through here.
 *
 * @param indent spaces per level, or null for one line
 * @param itemSeparator and {@code keySeparator}: json.dumps's separators
 * @param keyOrder the order of sorted keys (Python's comparison of the key objects)
 * @param other the text of a value JSON has no type for (json.dumps would need a default= for it)
 */
public record PythonJson(Integer indent, boolean sortKeys, boolean ensureAscii, String itemSeparator,
                         String keySeparator, Comparator<Object> keyOrder, Function<Object, String> other) {

    /**
     * json.dumps(indent=, sort_keys=, ensure_ascii=) with its default separators (", " on one line, "," when
     * indenting), string keys ordered by code point as Python orders str, other values as their text.
     */
    public static PythonJson dumps(Integer indent, boolean sortKeys, boolean ensureAscii) {
        return new PythonJson(indent, sortKeys, ensureAscii, indent == null ? ", " : ",", ": ",
                (a, b) -> compareCodePoints(keyText(a), keyText(b)), String::valueOf);
    }

    public PythonJson withKeyOrder(Comparator<Object> order) {
        return new PythonJson(indent, sortKeys, ensureAscii, itemSeparator, keySeparator, order, other);
    }

    public PythonJson withOther(Function<Object, String> text) {
        return new PythonJson(indent, sortKeys, ensureAscii, itemSeparator, keySeparator, keyOrder, text);
    }

    public String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private void write(StringBuilder sb, Object v, int level) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b ? "true" : "false");
            case String s -> string(sb, s);
            case Character c -> string(sb, c.toString());
            case Double d -> sb.append(floatText(d));
            case Float f -> sb.append(floatText(f.doubleValue()));
            case BigDecimal d -> sb.append(floatText(d.doubleValue()));
            case Number n -> sb.append(n);
            case Map<?, ?> m -> object(sb, m, level);
            case Collection<?> c -> array(sb, c, level);
            case Object[] a -> array(sb, List.of(a), level);
            default -> string(sb, other.apply(v));
        }
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return PythonFloat.repr(d);
    }

    private void object(StringBuilder sb, Map<?, ?> m, int level) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<Object> keys = new ArrayList<>(m.keySet());
        if (sortKeys) keys.sort(keyOrder);
        sb.append('{');
        boolean first = true;
        for (Object k : keys) {
            if (!first) sb.append(itemSeparator);
            first = false;
            newline(sb, level + 1);
            string(sb, keyText(k));
            sb.append(keySeparator);
            write(sb, m.get(k), level + 1);
        }
        newline(sb, level);
        sb.append('}');
    }

    private void array(StringBuilder sb, Collection<?> c, int level) {
        if (c.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (Object x : c) {
            if (!first) sb.append(itemSeparator);
            first = false;
            newline(sb, level + 1);
            write(sb, x, level + 1);
        }
        newline(sb, level);
        sb.append(']');
    }

    private void newline(StringBuilder sb, int level) {
        if (indent == null) return;
        sb.append('\n').append(" ".repeat(indent * level));
    }

    /** Python turns non-string keys into their JSON text: True -> "true", None -> "null", 1.5 -> "1.5". */
    private static String keyText(Object k) {
        if (k == null) return "null";
        if (k instanceof Boolean b) return b ? "true" : "false";
        if (k instanceof Double || k instanceof Float) return floatText(((Number) k).doubleValue());
        return k.toString();
    }

    /** Python compares str by code point; String.compareTo compares UTF-16 units, which differs above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Python's escapes: ensure_ascii escapes all but printable ASCII (so DEL too), else only controls. */
    private void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
