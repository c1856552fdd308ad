package dev.jprov.inventory;

import java.util.List;

/**
 * Python's {@code str.splitlines()} and {@code str.strip()}, which the ini plugin uses to number and trim its
 * lines: both know more line breaks and spaces than Java's (form feed and U+2028 end a line, U+00A0 is a space),
 * and line numbers in errors must match the editor's view Ansible assumes.
 */
final class PythonText {
    private PythonText() {}

    /** str.splitlines(): no trailing empty line, "\r\n" is one break. */
    static List<String> splitlines(String text) {
        return dev.jprov.pyformat.PythonLines.splitlines(text);
    }

    /** str.strip() with no argument: Python's whitespace (str.isspace) at both ends. */
    static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) b++;
        while (e > b && isSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    private static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', '\u0085', '\u00A0',
                 '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
