package dev.jprov.modules.files;

import dev.jprov.plan.Diff;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a before/after dict diff the way Ansible's diff callback does before diffing it:
 * json.dumps(sort_keys=True, indent=4) plus a newline. Values are strings, numbers or booleans.
 */
public final class DictDiffText {
    private DictDiffText() {}

    /** Ansible's file module gives no headers: the diff callback then prints "--- before" / "+++ after". */
    public static Diff diff(Map<String, ?> before, Map<String, ?> after) {
        return new Diff("", render(before), "", render(after));
    }

    public static String render(Map<String, ?> dict) {
        if (dict.isEmpty()) return "{}\n";
        StringBuilder s = new StringBuilder("{\n");
        var sorted = new TreeMap<String, Object>(dict);
        int i = 0;
        for (var e : sorted.entrySet()) {
            s.append("    ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            s.append(++i < sorted.size() ? ",\n" : "\n");
        }
        return s.append("}\n").toString();
    }

    private static String value(Object v) {
        if (v == null) return "null";
        if (v instanceof Number || v instanceof Boolean) return v instanceof Boolean b ? (b ? "true" : "false") : v.toString();
        return quote(v.toString());
    }

    /** JSON string quoting with Python's ensure_ascii escapes. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                case '\b' -> q.append("\\b");
                case '\f' -> q.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
