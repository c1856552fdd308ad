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

    /**
     * Quotes one argument: bare when it only has safe characters, else in single quotes with ' as '\''.
     * Rejects what no sh word can carry: NUL (argv strings end at it) and unpaired UTF-16 surrogates (they have
     * no UTF-8 form, so the host would get a different argument than the one planned).
     */
    public static String quote(String arg) {
        checkRepresentable(arg);
        if (arg.isEmpty()) return "''";
        if (isSafe(arg)) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        StringJoiner j = new StringJoiner(" ");
        for (String a : argv) j.add(quote(a));
        return j.toString();
    }

    private static void checkRepresentable(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\0') {
                // The value itself stays out of the message: it may be a no_log secret.
                throw new IllegalArgumentException("a shell argument cannot contain a NUL character (found at index "
                        + i + " of a " + arg.length() + "-character value)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < arg.length() && Character.isLowSurrogate(arg.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a shell argument is not valid Unicode (unpaired surrogate at index "
                        + i + ")");
            }
        }
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
