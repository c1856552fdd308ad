package dev.jprov.template;

/**
 * Jinja reads {@code item.0.name} as item[0].name; jinjava's lexer reads ".0" as a number and fails. This pass
 * rewrites a numeric attribute after a name, "]" or ")" to a subscript, outside string literals, in expressions
 * and in the {{ }} and {% %} blocks of a template. Numbers such as 1.5 are left alone.
 */
final class NumericAttributes {
    private NumericAttributes() {}

    /** Rewrites the {{ }} and {% %} blocks of a template (not comments or text). */
    static String inTemplate(String text) {
        if (!text.contains(".")) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        int n = text.length();
        int i = 0;
        while (i < n) {
            boolean expr = text.startsWith("{{", i);
            if (expr || (text.startsWith("{%", i) && !text.startsWith("{% raw", i) && !text.startsWith("{%- raw", i))) {
                String close = expr ? "}}" : "%}";
                int end = text.indexOf(close, i + 2);
                if (end < 0) end = n - 2;
                out.append(text, i, i + 2).append(inExpression(text.substring(i + 2, end)));
                i = end;
                out.append(text, i, Math.min(n, i + 2));
                i += 2;
            } else if (text.startsWith("{#", i)) {
                int end = text.indexOf("#}", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Rewrites one bare expression (a when: condition). */
    static String inExpression(String expr) {
        if (!expr.contains(".")) return expr;
        StringBuilder out = new StringBuilder(expr.length() + 4);
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < expr.length()) out.append(expr.charAt(++i));
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            if (c == '.' && afterName(out) && i + 1 < expr.length() && Character.isDigit(expr.charAt(i + 1))) {
                int j = i + 1;
                while (j < expr.length() && Character.isDigit(expr.charAt(j))) j++;
                if (j >= expr.length() || !isNameChar(expr.charAt(j))) {
                    out.append('[').append(expr, i + 1, j).append(']');
                    i = j - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the text so far ends with a name (not a number), "]" or ")". */
    private static boolean afterName(StringBuilder s) {
        int end = s.length();
        if (end == 0) return false;
        char last = s.charAt(end - 1);
        if (last == ']' || last == ')') return true;
        int start = end;
        while (start > 0 && isNameChar(s.charAt(start - 1))) start--;
        return start < end && (Character.isLetter(s.charAt(start)) || s.charAt(start) == '_');
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
