package dev.jprov.report;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task results as JSON the way Ansible's default callback prints them after "=>": Python's json.dumps with
 * sorted keys, ", " / ": " separators on one line, or indent=4 for -v.
 */
public final class ResultJson {

    public String compact(Object value) {
        StringBuilder s = new StringBuilder();
        write(value, s, -1, 0);
        return s.toString();
    }

    public String pretty(Object value) {
        StringBuilder s = new StringBuilder();
        write(value, s, 4, 0);
        return s.toString();
    }

    private void write(Object v, StringBuilder s, int indent, int depth) {
        switch (v) {
            case null -> s.append("null");
            case Boolean b -> s.append(b);
            case Integer i -> s.append(i);
            case Long l -> s.append(l);
            case Number n -> s.append(n);
            case Map<?, ?> m -> writeMap(m, s, indent, depth);
            case Collection<?> c -> writeList(c, s, indent, depth);
            case Object[] a -> writeList(java.util.Arrays.asList(a), s, indent, depth);
            default -> string(v.toString(), s);
        }
    }

    private void writeMap(Map<?, ?> m, StringBuilder s, int indent, int depth) {
        if (m.isEmpty()) {
            s.append("{}");
            return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
        s.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) s.append(indent < 0 ? ", " : ",");
            first = false;
            newline(s, indent, depth + 1);
            string(e.getKey(), s);
            s.append(": ");
            write(e.getValue(), s, indent, depth + 1);
        }
        newline(s, indent, depth);
        s.append('}');
    }

    private void writeList(Collection<?> c, StringBuilder s, int indent, int depth) {
        if (c.isEmpty()) {
            s.append("[]");
            return;
        }
        s.append('[');
        boolean first = true;
        for (Object o : c) {
            if (!first) s.append(indent < 0 ? ", " : ",");
            first = false;
            newline(s, indent, depth + 1);
            write(o, s, indent, depth + 1);
        }
        newline(s, indent, depth);
        s.append(']');
    }

    private static void newline(StringBuilder s, int indent, int depth) {
        if (indent < 0) return;
        s.append('\n').append(" ".repeat(indent * depth));
    }

    private static void string(String str, StringBuilder s) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        s.append('"');
    }
}
