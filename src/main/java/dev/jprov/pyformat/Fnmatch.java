package dev.jprov.pyformat;

import java.util.regex.Pattern;

/**
 * Shell-style wildcards as Python's fnmatch.translate reads them (Ansible matches host patterns and find's
 * patterns with it): {@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}, {@code [!abc]}; an unclosed {@code [} is
 * literal; matching is case-sensitive (POSIX) and covers the whole name.
 */
public final class Fnmatch {
    private Fnmatch() {}

    /** fnmatch.fnmatch on POSIX. */
    public static boolean matches(String glob, String name) {
        return Pattern.compile(translate(glob), Pattern.DOTALL).matcher(name).matches();
    }

    /** The regex (for Pattern.DOTALL, whole-name matching) of a glob, as fnmatch.translate gives it. */
    public static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                while (i < n && glob.charAt(i) == '*') i++;
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') j++;
                if (j < n && glob.charAt(j) == ']') j++;
                while (j < n && glob.charAt(j) != ']') j++;
                if (j >= n) {
                    re.append("\\[");
                } else {
                    appendClass(re, glob.substring(i, j));
                    i = j + 1;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private static void appendClass(StringBuilder re, String stuff) {
        if (stuff.isEmpty()) {
            re.append("(?!)");
            return;
        }
        if (stuff.equals("!")) {
            re.append('.');
            return;
        }
        re.append('[');
        int k = 0;
        if (stuff.charAt(0) == '!') {
            re.append('^');
            k = 1;
        }
        for (; k < stuff.length(); k++) {
            char c = stuff.charAt(k);
            // Ranges (a-z) stay as they are; every other non-alphanumeric character is escaped, since Java gives
            // '[', '&&' and '^' meanings inside a class that Python does not.
            if (Character.isLetterOrDigit(c) || (c == '-' && k > 0 && k < stuff.length() - 1)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        re.append(']');
    }
}
