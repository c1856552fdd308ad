package dev.jprov.pyregex;

/**
 * The tokens of a pattern or replacement template as re's parser reads them (re/_parser.py's Tokenizer): one
 * code point, or a backslash with the code point after it. Positions count code points, as Python's do.
 */
final class PythonTokens {
    private final String source;
    private final int[] cps;
    private int pos;

    PythonTokens(String source) {
        this.source = source;
        this.cps = source.codePoints().toArray();
    }

    /** The next token without taking it, or null at the end. */
    String peek() {
        if (pos >= cps.length) return null;
        if (cps[pos] != '\\') return Character.toString(cps[pos]);
        if (pos + 1 >= cps.length) throw PythonRegexException.at("bad escape (end of pattern)", source, cps.length - 1);
        return "\\" + Character.toString(cps[pos + 1]);
    }

    String get() {
        String t = peek();
        if (t != null) pos += t.codePointCount(0, t.length());
        return t;
    }

    boolean match(String token) {
        if (!token.equals(peek())) return false;
        get();
        return true;
    }

    boolean nextIn(String chars) {
        String t = peek();
        return t != null && t.length() == 1 && chars.indexOf(t.charAt(0)) >= 0;
    }

    /** Where the next token starts (Python's tell()). */
    int tell() {
        return pos;
    }

    void seek(int index) {
        pos = index;
    }

    String getWhile(int n, String chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && nextIn(chars); i++) sb.append(get());
        return sb.toString();
    }

    /** The tokens up to the terminator, which is taken; "missing NAME" or "missing T, unterminated name". */
    String getUntil(char terminator, String name) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            String c = get();
            if (c == null) {
                if (sb.isEmpty()) throw error("missing " + name, 0);
                throw error("missing " + terminator + ", unterminated name", length(sb));
            }
            if (c.equals(String.valueOf(terminator))) {
                if (sb.isEmpty()) throw error("missing " + name, 1);
                return sb.toString();
            }
            sb.append(c);
        }
    }

    /** re.error at {@code offset} code points before the next token. */
    PythonRegexException error(String msg, int offset) {
        return PythonRegexException.at(msg, source, tell() - offset);
    }

    void checkGroupName(String name, int offset) {
        if (!isIdentifier(name)) throw error("bad character in group name " + repr(name), length(name) + offset);
    }

    /** re's ESCAPES: the code point of \a \b \f \n \r \t \v or \\, or -1. */
    static int escapedControl(int c) {
        return switch (c) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0b;
            case '\\' -> '\\';
            default -> -1;
        };
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) return false;
        return s.codePoints().skip(1).allMatch(c -> Character.isUnicodeIdentifierPart(c)
                && !Character.isIdentifierIgnorable(c));
    }

    static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /** Python's repr of a str, as re's messages quote names. */
    static String repr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c == '\r') sb.append("\\r");
            else sb.append(c);
        }
        return sb.append(q).toString();
    }
}
