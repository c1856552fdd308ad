package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's bytes regular expressions (what lineinfile and blockinfile compile) on java.util.regex. Texts are
 * handled as ISO-8859-1 strings, one char per byte, and the pattern is turned into the same one-char-per-byte
 * form from its UTF-8 bytes, so matching works on bytes exactly as Python's re does on bytes. The syntax
 * differences that matter in practice are translated: (?P<n>..), (?P=n), \Z, '[' inside a class, and
 * "$"/"." treat only \n as a line end (UNIX_LINES).
 */
public final class PythonRegex {
    private final Pattern pattern;
    private final boolean multiline;

    private PythonRegex(Pattern pattern, boolean multiline) {
        this.pattern = pattern;
        this.multiline = multiline;
    }

    /** @param python the pattern in one-char-per-byte form (see {@link TextFileTarget#latin1}) */
    public static PythonRegex compile(String python, String option) {
        String bytes = python;
        try {
            return new PythonRegex(Pattern.compile(translate(bytes), Pattern.UNIX_LINES),
                    INLINE_MULTILINE.matcher(python).find());
        } catch (PatternSyntaxException e) {
            throw new ArgsException("invalid regular expression in " + option + ": " + python + " ("
                    + e.getDescription() + ")");
        }
    }

    private static final Pattern INLINE_MULTILINE = Pattern.compile("^\\(\\?[aiLsux]*m[aiLmsux]*\\)");

    /** Whether the pattern sets re.MULTILINE inline, as blockinfile checks. */
    public boolean multiline() {
        return multiline;
    }

    public Matcher matcher(CharSequence latin1) {
        return pattern.matcher(latin1);
    }

    /** re.search: a match anywhere, or null. */
    public Matcher search(CharSequence latin1) {
        Matcher m = pattern.matcher(latin1);
        return m.find() ? m : null;
    }

    private static String translate(String p) {
        StringBuilder out = new StringBuilder(p.length() + 8);
        int i = 0, n = p.length();
        boolean inClass = false;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = p.charAt(i + 1);
                out.append(d == 'Z' && !inClass ? "\\z" : "\\" + d);
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                if (c == '[' || c == '&') out.append('\\');
                out.append(c);
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                // "[]..." and "[^]..." take the ']' literally in Python.
                if (i < n && p.charAt(i) == '^') out.append(p.charAt(i++));
                if (i < n && p.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 4;
                continue;
            }
            if (p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i);
                if (end < 0) throw new PatternSyntaxException("unterminated (?P=", p, i);
                out.append("\\k<").append(p, i + 4, end).append('>');
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Python's match.expand(template) (\1, \g<1>, \g<name>, \n ...) on one-char-per-byte strings. */
    public static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0, n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                i++;
                continue;
            }
            char d = template.charAt(i + 1);
            if (Character.isDigit(d)) {
                int j = i + 2;
                if (j < n && Character.isDigit(template.charAt(j))) j++;
                out.append(group(m, Integer.parseInt(template.substring(i + 1, j)), template));
                i = j;
            } else if (d == 'g' && i + 2 < n && template.charAt(i + 2) == '<') {
                int end = template.indexOf('>', i);
                if (end < 0) throw new ArgsException("missing >, unterminated name in line: " + template);
                String name = template.substring(i + 3, end);
                String v = name.chars().allMatch(Character::isDigit)
                        ? group(m, Integer.parseInt(name), template) : named(m, name, template);
                out.append(v);
                i = end + 1;
            } else {
                switch (d) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case '\\' -> out.append('\\');
                    default -> {
                        if (Character.isLetter(d)) throw new ArgsException("bad escape \\" + d + " in line: " + template);
                        out.append('\\').append(d);
                    }
                }
                i += 2;
            }
        }
        return out.toString();
    }

    private static String group(Matcher m, int g, String template) {
        if (g > m.groupCount()) throw new ArgsException("invalid group reference " + g + " in line: " + template);
        String v = m.group(g);
        return v == null ? "" : v;
    }

    private static String named(Matcher m, String name, String template) {
        try {
            String v = m.group(name);
            return v == null ? "" : v;
        } catch (IllegalArgumentException e) {
            throw new ArgsException("unknown group name '" + name + "' in line: " + template);
        }
    }
}
