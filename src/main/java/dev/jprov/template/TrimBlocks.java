package dev.jprov.template;

/**
 * Jinja2's trim_blocks (Ansible's default): the first newline after a block tag or comment is removed. jinjava
 * implements it but then stops counting that line, so every error after such a tag names the wrong line. Here
 * the newline moves into an empty comment ({@code {#\n#}}) instead: it prints nothing and jinjava still counts it.
 * Raw blocks keep their content, and "-%}" (whitespace control) is left to jinjava.
 */
final class TrimBlocks {
    private TrimBlocks() {}

    static String apply(String text) {
        if (!text.contains("%}\n") && !text.contains("#}\n")) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.startsWith("{{", i)) {
                int end = endOf(text, i + 2, "}}");
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{#", i)) {
                int close = text.indexOf("#}", i + 2);
                int end = close < 0 ? n : close + 2;
                out.append(text, i, end);
                i = trimAfter(text, end, out);
            } else if (text.startsWith("{%", i)) {
                int end = endOf(text, i + 2, "%}");
                String tag = text.substring(i, end);
                out.append(tag);
                if (tagName(tag).equals("raw")) {
                    // raw content is copied as is; only the newline after {% endraw %} is trimmed
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}").matcher(text);
                    int rawEnd = m.find(end) ? m.end() : n;
                    out.append(text, end, rawEnd);
                    i = trimAfter(text, rawEnd, out);
                } else {
                    i = trimAfter(text, end, out);
                }
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** After a tag ending at {@code end}: its newline becomes an empty comment unless the tag ends with -%} or +%}. */
    private static int trimAfter(String text, int end, StringBuilder out) {
        if (end >= text.length() || text.charAt(end) != '\n' || end < 3) return end;
        char modifier = text.charAt(end - 3);
        if (modifier == '-' || modifier == '+') return end;
        out.append("{#\n#}");
        return end + 1;
    }

    /** The index just past {@code close}, skipping quoted strings, or the text's end for an unclosed tag. */
    static int endOf(String text, int from, String close) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (text.startsWith(close, i)) {
                return i + close.length();
            }
        }
        return text.length();
    }

    private static String tagName(String tag) {
        String body = tag.substring(2).replaceFirst("^[-+]?\\s*", "");
        int j = 0;
        while (j < body.length() && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) j++;
        return body.substring(0, j);
    }
}
