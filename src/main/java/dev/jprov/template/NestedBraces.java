package dev.jprov.template;

/**
 * jinjava's scanner ends an expression at the first "}}", so {@code {{ d | combine({'a': {'b': 1}}) }}} (common in
 * Ansible) breaks, while Jinja2's lexer tracks bracket depth. This pass puts a space between two closing braces
 * that are inside an expression or tag (never in strings, comments or raw blocks), which changes no meaning.
 */
final class NestedBraces {
    private NestedBraces() {}

    static String separate(String text) {
        if (!text.contains("}}")) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.startsWith("{#", i)) {
                int end = text.indexOf("#}", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{%", i) && isRawStart(text, i)) {
                int end = endOfRaw(text, i);
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{{", i) || text.startsWith("{%", i)) {
                i = copyBlock(text, i, out, text.charAt(i + 1) == '{' ? '}' : '%');
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int copyBlock(String text, int start, StringBuilder out, char closeFirst) {
        int n = text.length();
        out.append(text, start, start + 2);
        int i = start + 2;
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        char quote = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < n) out.append(text.charAt(++i));
                else if (c == quote) quote = 0;
                i++;
                continue;
            }
            boolean inDict = !open.isEmpty() && open.peek() == '{';
            if (!inDict && c == closeFirst && i + 1 < n && text.charAt(i + 1) == '}') {
                out.append(c).append('}');
                return i + 2;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '[' || c == '(') {
                open.push(c);
            } else if ((c == '}' || c == ']' || c == ')') && !open.isEmpty()) {
                open.pop();
                if (c == '}' && i + 1 < n && text.charAt(i + 1) == '}') {
                    out.append("} ");
                    i++;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return i;
    }

    private static boolean isRawStart(String text, int i) {
        int j = i + 2;
        while (j < text.length() && (text.charAt(j) == '-' || text.charAt(j) == '+' || Character.isWhitespace(text.charAt(j)))) j++;
        return text.startsWith("raw", j) && j + 3 < text.length()
                && !Character.isLetterOrDigit(text.charAt(j + 3)) && text.charAt(j + 3) != '_';
    }

    private static int endOfRaw(String text, int i) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}").matcher(text);
        return m.find(i) ? m.end() : text.length();
    }
}
