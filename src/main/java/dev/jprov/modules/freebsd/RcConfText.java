package dev.jprov.modules.freebsd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables an rc.conf(5) file assigns, read the way sysrc(8) finds them: a line starting (after blanks) with
 * {@code name=}; the last such line wins. The value is lexed as sh does for the usual forms ("...", '...', bare
 * words, concatenations, backslash escapes, quoted values over several lines). A value that needs the shell
 * ($var, $(cmd), backquotes) cannot be known without running it: it is kept as {@link Value#dynamic}, which never
 * equals a wanted value, so sysrc rewrites it with a literal one.
 */
final class RcConfText {
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^[ \\t]*([A-Za-z_][A-Za-z0-9_]*)=");

    /** A variable's value in the file; {@code text} is empty when it is dynamic. */
    record Value(Optional<String> text, String source) {
        static Value dynamic(String source) {
            return new Value(Optional.empty(), source);
        }

        boolean is(String wanted) {
            return text.isPresent() && text.get().equals(wanted);
        }

        /** As sysrc shows it: the value, or the shell text it is computed from. */
        String shown() {
            return text.orElse(source);
        }
    }

    private RcConfText() {}

    /** name -> the value of its last assignment, in first-assignment order. */
    static Map<String, Value> assignments(String text) {
        Map<String, Value> out = new LinkedHashMap<>();
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            out.put(m.group(1), lex(text, m.end()));
        }
        return out;
    }

    /** sh word lexing from {@code start} to the first unquoted blank, ';', '#' or newline. */
    static Value lex(String text, int start) {
        StringBuilder v = new StringBuilder();
        boolean dynamic = false;
        int i = start;
        int n = text.length();
        loop:
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', ';', '&', '|' -> {
                    break loop;
                }
                case '\'' -> {
                    int end = text.indexOf('\'', i + 1);
                    if (end < 0) return Value.dynamic(text.substring(start));
                    v.append(text, i + 1, end);
                    i = end + 1;
                }
                case '"' -> {
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        char d = text.charAt(i);
                        if (d == '\\' && i + 1 < n) {
                            char e = text.charAt(i + 1);
                            if (e == '\n') {
                                i += 2;
                                continue;
                            }
                            if (e == '$' || e == '`' || e == '"' || e == '\\') {
                                v.append(e);
                                i += 2;
                                continue;
                            }
                            v.append(d);
                            i++;
                            continue;
                        }
                        if (d == '$' || d == '`') dynamic = true;
                        v.append(d);
                        i++;
                    }
                    if (i >= n) return Value.dynamic(text.substring(start));
                    i++;
                }
                case '\\' -> {
                    if (i + 1 < n && text.charAt(i + 1) != '\n') v.append(text.charAt(i + 1));
                    i += 2;
                }
                case '$', '`', '(', ')', '<', '>' -> {
                    dynamic = true;
                    v.append(c);
                    i++;
                }
                default -> {
                    v.append(c);
                    i++;
                }
            }
        }
        String source = text.substring(start, Math.min(i, n));
        return dynamic ? Value.dynamic(source) : new Value(Optional.of(v.toString()), source);
    }
}
