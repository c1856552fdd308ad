package dev.jprov.plan;

import java.util.List;
import java.util.StringJoiner;

/**
 * The one place that turns values into POSIX sh words. Every remote command is built from an argument list and
 * each argument is quoted here, so user input is never parsed as shell syntax (tested with hostile strings
 * against a real /bin/sh).
 */
public final class ShellQuote {
    private ShellQuote() {}

    /** Quotes one argument: bare when it only has safe characters, else in single quotes with ' as '\''. */
    public static String quote(String arg) {
        if (arg.isEmpty()) return "''";
        if (isSafe(arg)) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        StringJoiner j = new StringJoiner(" ");
        for (String a : argv) j.add(quote(a));
        return j.toString();
    }

    private static boolean isSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '/' || c == ',' || c == ':' || c == '@'
                    || c == '%' || c == '+';
            if (!ok) return false;
        }
        // A word starting with '-' is fine for sh; '=' and '~' are excluded above on purpose (assignments, tilde).
        return true;
    }
}
