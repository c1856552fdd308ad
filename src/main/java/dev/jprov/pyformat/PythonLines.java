package dev.jprov.pyformat;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str.splitlines()}: the lines without their breaks, no trailing empty line, "\r\n" one break. It
 * knows more breaks than Java's {@code lines()}: \v, \f, \x1c-\x1e, \x85, U+2028 and U+2029 end a line too
 * (the ini inventory numbers its lines with it, Ansible's cron modules split crontabs with it).
 */
public final class PythonLines {
    private PythonLines() {}

    public static List<String> splitlines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000B', '\f', '\u001C', '\u001D', '\u001E', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }
}
