package dev.jprov.template;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python's json.dumps (ensure_ascii, separators, indent, sort_keys) so to_json output matches Ansible's bytes. */
final class PythonJson {
    private final Integer indent;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final String itemSeparator;
    private final String keySeparator;

    PythonJson(Integer indent, boolean sortKeys, boolean ensureAscii, String itemSeparator, String keySeparator) {
        this.indent = indent;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
    }

    /** json.dumps defaults: ', ' between items unless indenting, then ','. */
    static PythonJson of(Integer indent, boolean sortKeys, boolean ensureAscii) {
        return new PythonJson(indent, sortKeys, ensureAscii, indent == null ? ", " : ",", ": ");
    }

    String dump(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private void write(StringBuilder sb, Object v, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Undefined u) {
            throw u.fail();
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof String || v instanceof SafeString || v instanceof Character) {
            string(sb, v.toString());
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) sb.append("NaN");
            else if (Double.isInfinite(d)) sb.append(d > 0 ? "Infinity" : "-Infinity");
            else sb.append(PythonRepr.floatRepr(d));
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) entries.sort((a, b) -> PythonOrder.compare(a.getKey(), b.getKey()));
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries) {
                if (!first) sb.append(itemSeparator);
                first = false;
                newline(sb, level + 1);
                Object k = e.getKey();
                string(sb, k instanceof String s ? s : keyText(k));
                sb.append(keySeparator);
                write(sb, e.getValue(), level + 1);
            }
            newline(sb, level);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) sb.append(itemSeparator);
                first = false;
                newline(sb, level + 1);
                write(sb, o, level + 1);
            }
            newline(sb, level);
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    /** Python turns non-string keys into their JSON text: True -> "true", None -> "null", 1 -> "1". */
    private String keyText(Object k) {
        if (k == null) return "null";
        if (k instanceof Boolean b) return b ? "true" : "false";
        if (k instanceof Double || k instanceof Float) return PythonRepr.floatRepr(((Number) k).doubleValue());
        return k.toString();
    }

    private void newline(StringBuilder sb, int level) {
        if (indent == null) return;
        sb.append('\n').append(" ".repeat(indent * level));
    }

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
                    if (c < 0x20 || (ensureAscii && c > 0x7f)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
