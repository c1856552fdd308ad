package dev.jprov.template;

import com.hubspot.jinjava.objects.SafeString;
import dev.jprov.pyformat.PythonFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of template values, because Ansible prints values the way Python
 * does: True/False/None, {@code ['a', 'b']}, {@code {'a': 1}}, {@code 1.0}, {@code 1e+16}.
 */
final class PythonRepr {
    private PythonRepr() {}

    static String str(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof SafeString s) return s.toString();
        if (v instanceof Character c) return c.toString();
        return repr(v);
    }

    static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, v);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("None");
        } else if (v instanceof Undefined u) {
            throw u.fail();
        } else if (v instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (v instanceof String || v instanceof SafeString || v instanceof Character) {
            appendStringRepr(sb, v.toString());
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            sb.append(PythonFloat.repr(((Number) v).doubleValue()));
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                appendRepr(sb, e.getKey());
                sb.append(": ");
                appendRepr(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof PythonTuple t) {
            sb.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) sb.append(", ");
                appendRepr(sb, t.get(i));
            }
            sb.append(t.size() == 1 ? ",)" : ")");
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                appendRepr(sb, it.next());
                if (it.hasNext()) sb.append(", ");
            }
            sb.append(']');
        } else if (v instanceof Object[] arr) {
            appendRepr(sb, java.util.Arrays.asList(arr));
        } else {
            sb.append(v);
        }
    }

    /** Python's string repr: single quotes unless the text has ' and no ", escapes as Python writes them. */
    static void appendStringRepr(StringBuilder sb, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp == quote) {
                        sb.append('\\').append((char) cp);
                    } else if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp >= 0x80 && !isPrintable(cp)) {
                        sb.append(cp <= 0xff ? String.format("\\x%02x", cp)
                                : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        sb.append(quote);
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && cp != ' '));
    }

    /** Python's type name of a value, for messages like {@code 'dict object' has no attribute 'x'}. */
    static String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof String || v instanceof SafeString || v instanceof Character) return "str";
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) return "float";
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) return "int";
        if (v instanceof Map) return "dict";
        if (v instanceof Collection || v instanceof Object[]) return "list";
        if (v instanceof Undefined) return "AnsibleUndefined";
        if (v instanceof com.hubspot.jinjava.util.ForLoop) return "LoopContext";
        return "object";
    }
}
