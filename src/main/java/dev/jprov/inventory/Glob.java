package dev.jprov.inventory;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Shell-style wildcards as Python's fnmatch.translate reads them (Ansible matches host patterns with it):
 * {@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}, {@code [!abc]}; an unclosed {@code [} is literal; matching
 * is case-sensitive and covers the whole name.
 */
final class Glob {
    private Glob() {}

    static Pattern compile(String glob) {
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
        try {
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid host pattern '" + glob + "': " + e.getDescription(), e);
        }
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
