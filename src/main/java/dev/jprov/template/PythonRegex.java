package dev.jprov.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python's re syntax on java.util.regex: named groups, Unicode classes, and re.sub's replacement syntax. */
final class PythonRegex {
    private PythonRegex() {}

    static Pattern compile(String pattern, boolean ignoreCase, boolean multiline) {
        String java = pattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        int flags = Pattern.UNICODE_CHARACTER_CLASS;
        if (ignoreCase) flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (multiline) flags |= Pattern.MULTILINE;
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw RenderSession.failure("invalid regular expression " + PythonRepr.repr(pattern) + ": "
                    + e.getDescription());
        }
    }

    /** re.sub's replacement ({@code \1}, {@code \g<name>}, {@code \n}) as a Matcher replacement string. */
    static String replacement(String python) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '$') {
                sb.append("\\$");
            } else if (c == '\\' && i + 1 < python.length()) {
                char n = python.charAt(++i);
                if (Character.isDigit(n)) {
                    sb.append('$').append(n);
                    if (i + 1 < python.length() && Character.isDigit(python.charAt(i + 1))) {
                        sb.append(python.charAt(++i)); // \12 is group 12 in Python
                    }
                } else if (n == 'g' && i + 1 < python.length() && python.charAt(i + 1) == '<') {
                    int close = python.indexOf('>', i);
                    String group = python.substring(i + 2, close);
                    sb.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
                    i = close;
                } else if (n == 'n') {
                    sb.append('\n');
                } else if (n == 't') {
                    sb.append('\t');
                } else if (n == 'r') {
                    sb.append('\r');
                } else if (n == '\\') {
                    sb.append("\\\\");
                } else {
                    sb.append("\\\\").append(n == '$' ? "\\$" : String.valueOf(n));
                }
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String sub(String value, String pattern, String replacement, boolean ignoreCase, boolean multiline) {
        Matcher m = compile(pattern, ignoreCase, multiline).matcher(value);
        return m.replaceAll(replacement(replacement));
    }

    /** re.escape of Python 3.7+: only regex metacharacters and whitespace are escaped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
