package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the jail stanzas ({@code NAME { ... }}) of a jail.conf(5) text so one can be replaced in place, appended
 * or removed while every other byte (the defaults block, other jails, comments) stays as it was. Follows
 * jail.conf's lexical rules that matter for finding braces: '...' and "..." strings with backslash escapes,
 * '#', '//' and '/* *&#47;' comments.
 */
final class JailConfStanzas {

    /** A stanza's name and its byte range: from the start of its line to after its closing brace's newline. */
    record Stanza(String name, int start, int end, int line) {}

    /** The text is not well-formed enough to edit safely; {@code line} is 1-based. */
    static final class Malformed extends RuntimeException {
        Malformed(String file, int line, String what) {
            super(file + " line " + line + ": " + what);
        }
    }

    private JailConfStanzas() {}

    static List<Stanza> find(String file, String text) {
        List<Stanza> out = new ArrayList<>();
        int depth = 0;
        int line = 1;
        int wordStart = -1;
        int wordLine = 0;
        String lastWord = null;
        int lastWordStart = -1;
        int lastWordLine = 0;
        String openName = null;
        int openStart = 0;
        int openLine = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean commentStart = c == '/' && wordStart < 0 && i + 1 < n
                    && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*');
            boolean wordChar = !Character.isWhitespace(c) && "{};=,#'\"".indexOf(c) < 0 && !commentStart
                    && !(c == '+' && i + 1 < n && text.charAt(i + 1) == '=');
            if (wordChar) {
                if (wordStart < 0) {
                    wordStart = i;
                    wordLine = line;
                }
                i++;
                continue;
            }
            if (wordStart >= 0) {
                lastWord = text.substring(wordStart, i);
                lastWordStart = wordStart;
                lastWordLine = wordLine;
                wordStart = -1;
            }
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '#' || commentStart && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (commentStart) {
                int startLine = line;
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') line++;
                    i++;
                }
                if (i >= n) throw new Malformed(file, startLine, "unterminated comment");
                i += 2;
            } else if (c == '\'' || c == '"') {
                int startLine = line;
                int start = i;
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < n) i++;
                    if (text.charAt(i) == '\n') line++;
                    i++;
                }
                if (i >= n) throw new Malformed(file, startLine, "unterminated string");
                i++;
                lastWord = text.substring(start + 1, i - 1);
                lastWordStart = start;
                lastWordLine = startLine;
            } else if (c == '{') {
                if (depth == 0) {
                    if (lastWord == null) throw new Malformed(file, line, "'{' without a jail name");
                    openName = lastWord;
                    openStart = lineStart(text, lastWordStart);
                    openLine = lastWordLine;
                }
                depth++;
                lastWord = null;
                i++;
            } else if (c == '}') {
                if (depth == 0) throw new Malformed(file, line, "'}' without '{'");
                depth--;
                i++;
                if (depth == 0) {
                    int end = i;
                    int j = i;
                    while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
                    if (j >= n) end = j;
                    else if (text.charAt(j) == '\n') end = j + 1;
                    out.add(new Stanza(openName, openStart, end, openLine));
                }
                lastWord = null;
            } else {
                if (c == ';' || c == '=' || c == ',') lastWord = null;
                i += c == '+' ? 2 : 1;
            }
        }
        if (depth > 0) throw new Malformed(file, openLine, "stanza " + openName + " is not closed (unexpected EOF)");
        return out;
    }

    /** Where the line of {@code offset} starts, when only blanks precede it there; else the offset itself. */
    private static int lineStart(String text, int offset) {
        int j = offset;
        while (j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t')) j--;
        return j == 0 || text.charAt(j - 1) == '\n' ? j : offset;
    }

    /** The stanzas named {@code name}. */
    static List<Stanza> named(String file, String text, String name) {
        return find(file, text).stream().filter(s -> s.name().equals(name)).toList();
    }

    static String replace(String text, Stanza old, String stanza) {
        return text.substring(0, old.start()) + stanza + text.substring(old.end());
    }

    /** Appends after a blank line, as the seed's files separate their stanzas. */
    static String append(String text, String stanza) {
        if (text.isEmpty()) return stanza;
        String base = text.endsWith("\n") ? text : text + "\n";
        return base + (base.endsWith("\n\n") ? "" : "\n") + stanza;
    }

    /** Removes a stanza and the blank line {@link #append} put before it. */
    static String remove(String text, Stanza old) {
        String before = text.substring(0, old.start());
        String after = text.substring(old.end());
        if (before.endsWith("\n\n") && (after.isEmpty() || after.startsWith("\n"))) {
            before = before.substring(0, before.length() - 1);
        }
        return before + after;
    }
}
