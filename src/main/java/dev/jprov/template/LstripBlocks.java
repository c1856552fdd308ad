package dev.jprov.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's lstrip_blocks, set by a template's #jinja2: header: spaces and tabs between a line's start and a block
 * tag, comment or raw tag are removed, unless the tag opens with {@code {%+}. Done on the text before
 * {@link TrimBlocks} (which hides newlines in comments this pass must still see); only spaces and tabs go, so
 * line numbers stay right. Expressions ({{ }}) are not touched, and raw content only before its endraw tag.
 */
final class LstripBlocks {
    private static final Pattern ENDRAW = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");
    private static final Pattern RAW = Pattern.compile("\\{%[-+]?\\s*raw\\s*[-+]?%}");

    private LstripBlocks() {}

    static String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.startsWith("{{", i)) {
                int end = TrimBlocks.endOf(text, i + 2, "}}");
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{#", i) || text.startsWith("{%", i)) {
                boolean keep = i + 2 < n && text.charAt(i + 2) == '+';
                if (!keep) stripIndent(out);
                boolean comment = text.charAt(i + 1) == '#';
                int end = comment ? closeOf(text, i + 2, "#}") : TrimBlocks.endOf(text, i + 2, "%}");
                out.append(text, i, i + 2).append(text, keep ? i + 3 : i + 2, end); // jinjava does not know "{%+"
                Matcher raw = RAW.matcher(text).region(i, end);
                if (!comment && raw.matches()) {
                    Matcher endraw = ENDRAW.matcher(text);
                    int rawEnd = endraw.find(end) ? endraw.start() : n;
                    out.append(text, end, rawEnd);
                    end = rawEnd;
                }
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Removes what follows the last newline of {@code out} when it is only spaces and tabs. */
    private static void stripIndent(StringBuilder out) {
        int j = out.length();
        while (j > 0 && (out.charAt(j - 1) == ' ' || out.charAt(j - 1) == '\t')) j--;
        if (j == 0 || out.charAt(j - 1) == '\n') out.setLength(j);
    }

    private static int closeOf(String text, int from, String close) {
        int at = text.indexOf(close, from);
        return at < 0 ? text.length() : at + close.length();
    }
}
