package dev.jprov.pyregex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Python 3.11's re syntax (a str pattern, or a bytes pattern held one char per byte) written as a
 * java.util.regex pattern. It follows re/_parser.py token by token, so a pattern Python rejects is rejected with
 * Python's message and position, and one both accept means what it means in Python, where Java reads it
 * otherwise:
 * <ul>
 * <li>{@code (?P<name>...)} becomes a numbered group (Java names allow no '_'), {@code (?P=name)} and
 * {@code \N} a wrapped back reference; {@code (?#...)} goes; {@code \Z} is Java's {@code \z};</li>
 * <li>{@code ^ $ .} see only \n as a line end, {@code $} also before a final \n, {@code ^} with MULTILINE
 * also after a final \n;</li>
 * <li>{@code \d \w \s \b \B} are Python's classes: Unicode for str (\s with \x1c-\x1f, \w without marks), ASCII
 * for bytes and re.ASCII; \B never matches in an empty text;</li>
 * <li>in a set, '[' '&amp;' '-' and whitespace are literal and a leading ']' too; {@code \b} is a backspace;</li>
 * <li>'{' that starts no repeat is literal, {@code {,n}} is {@code {0,n}}; verbose mode keeps whitespace in sets;</li>
 * <li>inline flags (global at the start, or scoped {@code (?i-s:...)}), {@code \v}, {@code \U}, {@code \N{..}},
 * octal escapes; look-behind must be of fixed width; conditional groups are refused (Java has none).</li>
 * </ul>
 */
final class PatternTranslator {
    static final int TEMPLATE = 1;
    static final int IGNORECASE = 2;
    static final int LOCALE = 4;
    static final int MULTILINE = 8;
    static final int DOTALL = 16;
    static final int UNICODE = 32;
    static final int VERBOSE = 64;
    static final int ASCII = 256;
    private static final int TYPE_FLAGS = ASCII | LOCALE | UNICODE;
    private static final String FLAG_LETTERS = "iLmsxatu";
    private static final long MAXREPEAT = 4294967295L;
    private static final long MAXGROUPS = 1073741823L;
    private static final String SPECIAL = ".\\[{()*+?^$|";
    private static final String DIGITS = "0123456789";
    private static final String OCTDIGITS = "01234567";
    private static final String HEXDIGITS = "0123456789abcdefABCDEF";
    private static final String WHITESPACE = " \t\n\r\u000b\f";
    /** java.util.regex steps through code points in look-behinds only where the pattern text holds one. */
    private static final String ASTRAL = "(?:" + Character.toString(0x10000) + "){0}";

    /** The Java pattern and what Python knows of the compiled one: flags (inline ones too), groups, names. */
    record Translation(String java, int javaFlags, int flags, int groups, Map<String, Integer> groupIndex) {}

    /** re's (min, max) width of a subpattern: a look-behind must have min == max. */
    private record Width(long lo, long hi) {
        static final Width ZERO = new Width(0, 0);
        static final Width ONE = new Width(1, 1);

        Width plus(Width o) {
            return new Width(Math.min(lo + o.lo, MAXREPEAT - 1), Math.min(hi + o.hi, MAXREPEAT));
        }

        Width or(Width o) {
            return new Width(Math.min(lo, o.lo), Math.max(hi, o.hi));
        }

        Width times(long min, long max) {
            return new Width(Math.min(product(lo, min), MAXREPEAT - 1), Math.min(product(hi, max), MAXREPEAT));
        }

        private static long product(long a, long b) {
            return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
        }
    }

    private enum Kind { AT, REPEAT, ITEM, GLOBAL_FLAGS, COMMENT }

    private record Item(Kind kind, Width width) {}

    /** A member of a set: a code point, a range, or a category letter (d, D, s, S, w, W). */
    private record Member(int lo, int hi, char category) {
        static Member literal(int cp) {
            return new Member(cp, cp, '\0');
        }

        boolean isLiteral() {
            return category == '\0' && lo == hi;
        }
    }

    private final String pattern;
    private final boolean bytes;
    private final PythonTokens src;
    private final StringBuilder out = new StringBuilder();
    private final List<Width> groupWidths = new ArrayList<>(); // by group number; null while the group is open
    private final Map<String, Integer> groupIndex = new LinkedHashMap<>();
    private Integer lookbehindGroups;
    private int flags;

    private PatternTranslator(String pattern, boolean bytes, int flags) {
        this.pattern = pattern;
        this.bytes = bytes;
        this.src = new PythonTokens(pattern);
        this.flags = flags;
    }

    static Translation translate(String pattern, boolean bytes, int flags) {
        return new PatternTranslator(pattern, bytes, flags).translate();
    }

    private Translation translate() {
        groupWidths.add(Width.ZERO);
        parseSub(flags, 0);
        fixFlags();
        if (src.peek() != null) throw src.error("unbalanced parenthesis", 0);
        int javaFlags = Pattern.UNIX_LINES;
        if ((flags & IGNORECASE) != 0) javaFlags |= Pattern.CASE_INSENSITIVE;
        if (!bytes && (flags & ASCII) == 0) javaFlags |= Pattern.UNICODE_CASE;
        String java = bytes ? out.toString() : out + ASTRAL;
        return new Translation(java, javaFlags, flags, groupWidths.size() - 1, Map.copyOf(groupIndex));
    }

    private void fixFlags() {
        if (!bytes) {
            if ((flags & LOCALE) != 0) throw new PythonRegexException("cannot use LOCALE flag with a str pattern");
            if ((flags & ASCII) == 0) flags |= UNICODE;
            else if ((flags & UNICODE) != 0) throw new PythonRegexException("ASCII and UNICODE flags are incompatible");
        } else {
            if ((flags & UNICODE) != 0) throw new PythonRegexException("cannot use UNICODE flag with a bytes pattern");
            if ((flags & LOCALE) != 0 && (flags & ASCII) != 0) {
                throw new PythonRegexException("ASCII and LOCALE flags are incompatible");
            }
        }
    }

    /** Alternatives: a|b|c. */
    private Width parseSub(int scope, int nested) {
        Width width = null;
        boolean first = true;
        while (true) {
            Width w = parseSeq(scope, nested + 1, nested == 0 && first);
            width = width == null ? w : width.or(w);
            first = false;
            if (!src.match("|")) return width;
            out.append('|');
            if (nested == 0) scope = flags; // global flags found in the first branch hold for the rest
        }
    }

    /** One alternative: items and their repeats, up to '|', ')' or the end. */
    private Width parseSeq(int scope, int nested, boolean first) {
        Width before = Width.ZERO;
        Item last = null;
        while (true) {
            String t = src.peek();
            if (t == null || t.equals("|") || t.equals(")")) break;
            src.get();
            if ((scope & VERBOSE) != 0) {
                if (t.length() == 1 && WHITESPACE.indexOf(t.charAt(0)) >= 0) continue;
                if (t.equals("#")) {
                    for (String c = src.get(); c != null && !c.equals("\n"); c = src.get()) {
                        // a comment runs to the end of the line
                    }
                    continue;
                }
            }
            Item item;
            if (t.startsWith("\\")) {
                item = escape(t, scope);
            } else if (SPECIAL.indexOf(t.charAt(0)) < 0 || t.length() != 1) {
                item = literal(t.codePointAt(0));
            } else if (t.equals("[")) {
                item = set(scope);
            } else if ("*+?{".contains(t)) {
                Item repeated = repeat(t, last);
                if (repeated == null) {
                    item = literal('{');
                } else {
                    last = repeated;
                    continue;
                }
            } else if (t.equals(".")) {
                out.append((scope & DOTALL) != 0 ? "(?s:.)" : "[^\\n]");
                item = new Item(Kind.ITEM, Width.ONE);
            } else if (t.equals("(")) {
                item = group(scope, nested, first && last == null);
                if (item.kind() == Kind.COMMENT) continue;
                if (item.kind() == Kind.GLOBAL_FLAGS) {
                    scope = flags;
                    continue;
                }
            } else if (t.equals("^")) {
                out.append((scope & MULTILINE) != 0 ? "(?<![^\\n])" : "^");
                item = new Item(Kind.AT, Width.ZERO);
            } else { // "$"
                out.append((scope & MULTILINE) != 0 ? "(?=\\n|\\z)" : "(?=\\n?\\z)");
                item = new Item(Kind.AT, Width.ZERO);
            }
            if (last != null) before = before.plus(last.width());
            last = item;
        }
        return last == null ? before : before.plus(last.width());
    }

    /** A quantifier on the last item, or null where '{' starts none (it is then a literal). */
    private Item repeat(String t, Item last) {
        int here = src.tell();
        long min;
        long max;
        String java;
        switch (t) {
            case "?" -> {
                min = 0;
                max = 1;
                java = "?";
            }
            case "*" -> {
                min = 0;
                max = MAXREPEAT;
                java = "*";
            }
            case "+" -> {
                min = 1;
                max = MAXREPEAT;
                java = "+";
            }
            default -> {
                if ("}".equals(src.peek())) return null;
                String lo = src.getWhile(Integer.MAX_VALUE, DIGITS);
                String hi = src.match(",") ? src.getWhile(Integer.MAX_VALUE, DIGITS) : lo;
                if (!src.match("}")) {
                    src.seek(here);
                    return null;
                }
                min = lo.isEmpty() ? 0 : count(lo);
                max = hi.isEmpty() ? MAXREPEAT : count(hi);
                if (max < min) throw src.error("min repeat greater than max repeat", src.tell() - here);
                if (min > Integer.MAX_VALUE - 1) throw new PythonRegexException("the repetition number is too large");
                java = max >= Integer.MAX_VALUE ? "{" + min + ",}" : "{" + min + "," + max + "}";
            }
        }
        if (last == null || last.kind() == Kind.AT) {
            throw src.error("nothing to repeat", src.tell() - here + t.length());
        }
        if (last.kind() == Kind.REPEAT) throw src.error("multiple repeat", src.tell() - here + t.length());
        out.append(java);
        if (src.match("?")) out.append('?');
        else if (src.match("+")) out.append('+');
        return new Item(Kind.REPEAT, last.width().times(min, max));
    }

    private static long count(String digits) {
        if (digits.length() > 12 || Long.parseLong(digits) >= MAXREPEAT) {
            throw new PythonRegexException("the repetition number is too large");
        }
        return Long.parseLong(digits);
    }

    private Item group(int scope, int nested, boolean first) {
        int start = src.tell() - 1;
        boolean capture = true;
        boolean atomic = false;
        String name = null;
        int add = 0;
        int del = 0;
        if (src.match("?")) {
            String c = src.get();
            if (c == null) throw src.error("unexpected end of pattern", 0);
            switch (c) {
                case "P" -> {
                    if (src.match("<")) {
                        name = src.getUntil('>', "group name");
                        src.checkGroupName(name, 1);
                    } else if (src.match("=")) {
                        name = src.getUntil(')', "group name");
                        src.checkGroupName(name, 1);
                        Integer gid = groupIndex.get(name);
                        int offset = PythonTokens.length(name) + 1;
                        if (gid == null) throw src.error("unknown group name " + PythonTokens.repr(name), offset);
                        if (!closed(gid)) throw src.error("cannot refer to an open group", offset);
                        checkLookbehindGroup(gid);
                        out.append("(?:\\").append(gid).append(')');
                        return new Item(Kind.ITEM, groupWidths.get(gid));
                    } else {
                        String d = src.get();
                        if (d == null) throw src.error("unexpected end of pattern", 0);
                        throw src.error("unknown extension ?P" + d, PythonTokens.length(d) + 2);
                    }
                }
                case ":" -> capture = false;
                case "#" -> {
                    while (true) {
                        if (src.peek() == null) throw src.error("missing ), unterminated comment", src.tell() - start);
                        if (src.get().equals(")")) return new Item(Kind.COMMENT, Width.ZERO);
                    }
                }
                case "=", "!", "<" -> {
                    return lookaround(c, scope, nested, start);
                }
                case "(" -> throw src.error("conditional groups (?(id)yes|no) are not supported by jprov",
                        src.tell() - start);
                case ">" -> {
                    capture = false;
                    atomic = true;
                }
                default -> {
                    if (!isFlag(c) && !c.equals("-")) throw src.error("unknown extension ?" + c, PythonTokens.length(c) + 1);
                    int[] scoped = inlineFlags(c);
                    if (scoped == null) {
                        if (!first) throw src.error("global flags not at the start of the expression", src.tell() - start);
                        return new Item(Kind.GLOBAL_FLAGS, Width.ZERO);
                    }
                    add = scoped[0];
                    del = scoped[1];
                    capture = false;
                }
            }
        }
        int group = -1;
        if (capture) {
            group = groupWidths.size();
            if (name != null) {
                Integer was = groupIndex.get(name);
                if (was != null) {
                    throw src.error("redefinition of group name " + PythonTokens.repr(name) + " as group " + group
                            + "; was group " + was, PythonTokens.length(name) + 1);
                }
                groupIndex.put(name, group);
            }
            groupWidths.add(null);
            out.append('(');
        } else if (atomic) {
            out.append("(?>");
        } else {
            out.append("(?").append(javaFlags(add, del)).append(':');
        }
        int inner = ((add & TYPE_FLAGS) != 0 ? scope & ~TYPE_FLAGS : scope) | add;
        Width w = parseSub(inner & ~del, nested + 1);
        if (!src.match(")")) throw src.error("missing ), unterminated subpattern", src.tell() - start);
        out.append(')');
        if (group >= 0) groupWidths.set(group, w);
        return new Item(Kind.ITEM, w);
    }

    private Item lookaround(String c, int scope, int nested, int start) {
        boolean behind = c.equals("<");
        String kind = c;
        Integer saved = lookbehindGroups;
        if (behind) {
            kind = src.get();
            if (kind == null) throw src.error("unexpected end of pattern", 0);
            if (!kind.equals("=") && !kind.equals("!")) {
                throw src.error("unknown extension ?<" + kind, PythonTokens.length(kind) + 2);
            }
            if (lookbehindGroups == null) lookbehindGroups = groupWidths.size();
        }
        out.append(behind ? "(?<" : "(?").append(kind);
        Width w = parseSub(scope, nested + 1);
        if (behind && saved == null) lookbehindGroups = null;
        if (!src.match(")")) throw src.error("missing ), unterminated subpattern", src.tell() - start);
        out.append(')');
        if (behind && w.lo() != w.hi()) throw new PythonRegexException("look-behind requires fixed-width pattern");
        return new Item(Kind.ITEM, Width.ZERO);
    }

    private static boolean isFlag(String t) {
        return t.length() == 1 && FLAG_LETTERS.indexOf(t.charAt(0)) >= 0;
    }

    private static int flagBit(String t) {
        return switch (t) {
            case "i" -> IGNORECASE;
            case "L" -> LOCALE;
            case "m" -> MULTILINE;
            case "s" -> DOTALL;
            case "x" -> VERBOSE;
            case "a" -> ASCII;
            case "t" -> TEMPLATE;
            default -> UNICODE;
        };
    }

    private static boolean isAlpha(String t) {
        return t.codePoints().allMatch(Character::isLetter);
    }

    /** _parse_flags: null for global flags ("(?im)", now added), else {add, del} of a scoped group. */
    private int[] inlineFlags(String c) {
        int add = 0;
        int del = 0;
        if (!c.equals("-")) {
            while (true) {
                int flag = flagBit(c);
                if (!bytes && c.equals("L")) throw src.error("bad inline flags: cannot use 'L' flag with a str pattern", 0);
                if (bytes && c.equals("u")) throw src.error("bad inline flags: cannot use 'u' flag with a bytes pattern", 0);
                add |= flag;
                if ((flag & TYPE_FLAGS) != 0 && (add & TYPE_FLAGS) != flag) {
                    throw src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0);
                }
                c = src.get();
                if (c == null) throw src.error("missing -, : or )", 0);
                if (c.equals(")") || c.equals("-") || c.equals(":")) break;
                if (!isFlag(c)) throw src.error(isAlpha(c) ? "unknown flag" : "missing -, : or )", PythonTokens.length(c));
            }
        }
        if (c.equals(")")) {
            flags |= add;
            return null;
        }
        if ((add & TEMPLATE) != 0) throw src.error("bad inline flags: cannot turn on global flag", 1);
        if (c.equals("-")) {
            c = src.get();
            if (c == null) throw src.error("missing flag", 0);
            if (!isFlag(c)) throw src.error(isAlpha(c) ? "unknown flag" : "missing flag", PythonTokens.length(c));
            while (true) {
                int flag = flagBit(c);
                if ((flag & TYPE_FLAGS) != 0) throw src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0);
                del |= flag;
                c = src.get();
                if (c == null) throw src.error("missing :", 0);
                if (c.equals(":")) break;
                if (!isFlag(c)) throw src.error(isAlpha(c) ? "unknown flag" : "missing :", PythonTokens.length(c));
            }
        }
        if ((del & TEMPLATE) != 0) throw src.error("bad inline flags: cannot turn off global flag", 1);
        if ((add & del) != 0) throw src.error("bad inline flags: flag turned on and off", 1);
        return new int[] {add, del};
    }

    /** What Java must know of a scoped group's flags: case (i) and Unicode case (u); the rest is translated. */
    private String javaFlags(int add, int del) {
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        if ((add & IGNORECASE) != 0) on.append('i');
        if ((del & IGNORECASE) != 0) off.append('i');
        if (!bytes && (add & UNICODE) != 0) on.append('u');
        if (!bytes && (add & ASCII) != 0) off.append('u');
        return off.isEmpty() ? on.toString() : on + "-" + off;
    }

    private boolean closed(int gid) {
        return gid < groupWidths.size() && groupWidths.get(gid) != null;
    }

    private void checkLookbehindGroup(int gid) {
        if (lookbehindGroups == null) return;
        if (!closed(gid)) throw src.error("cannot refer to an open group", 0);
        if (gid >= lookbehindGroups) throw src.error("cannot refer to group defined in the same lookbehind subpattern", 0);
    }

    private boolean ascii(int scope) {
        return bytes || (scope & (ASCII | LOCALE)) != 0;
    }

    private Item literal(int cp) {
        out.append(javaLiteral(cp));
        return new Item(Kind.ITEM, Width.ONE);
    }

    private static String javaLiteral(int cp) {
        boolean plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return plain ? Character.toString(cp) : "\\x{" + Integer.toHexString(cp) + "}";
    }

    /** An escape outside a set: a category, an anchor, a literal or a back reference. */
    private Item escape(String t, int scope) {
        int c = t.codePointAt(1);
        switch (c) {
            case 'A' -> {
                out.append("\\A");
                return new Item(Kind.AT, Width.ZERO);
            }
            case 'Z' -> {
                out.append("\\z");
                return new Item(Kind.AT, Width.ZERO);
            }
            case 'b', 'B' -> {
                out.append(boundary(c == 'b', ascii(scope)));
                return new Item(Kind.AT, Width.ZERO);
            }
            case 'd', 'D', 's', 'S', 'w', 'W' -> {
                String body = categoryBody((char) c, ascii(scope));
                out.append(Character.isUpperCase(c) ? "[^" + body + "]" : "[" + body + "]");
                return new Item(Kind.ITEM, Width.ONE);
            }
            default -> {
                if (c >= '1' && c <= '9') return groupReferenceOrOctal(t);
                return literal(escapedCodePoint(t, false));
            }
        }
    }

    private Item groupReferenceOrOctal(String t) {
        String esc = t;
        if (src.nextIn(DIGITS)) {
            esc += src.get();
            if (OCTDIGITS.indexOf(esc.charAt(1)) >= 0 && OCTDIGITS.indexOf(esc.charAt(2)) >= 0 && src.nextIn(OCTDIGITS)) {
                esc += src.get();
                return literal(octal(esc));
            }
        }
        int group = Integer.parseInt(esc.substring(1));
        if (group < groupWidths.size()) {
            if (!closed(group)) throw src.error("cannot refer to an open group", esc.length());
            checkLookbehindGroup(group);
            out.append("(?:\\").append(group).append(')');
            return new Item(Kind.ITEM, groupWidths.get(group));
        }
        throw src.error("invalid group reference " + group, esc.length() - 1);
    }

    private int octal(String esc) {
        int v = Integer.parseInt(esc.substring(1), 8);
        if (v > 0377) throw src.error("octal escape value " + esc + " outside of range 0-0o377", esc.length());
        return v;
    }

    /**
     * The code point of a literal escape, in or out of a set: \a \b \f \n \r \t \v \\, \xhh,
     * \\uhhhh, \Uhhhhhhhh and \N{name} (str only), octal, or an escaped non-letter.
     */
    private int escapedCodePoint(String t, boolean inSet) {
        int c = t.codePointAt(1);
        int control = PythonTokens.escapedControl(c);
        if (control >= 0) return control; // \b only gets here in a set: outside, it is a boundary
        if (c == 'x') return hex(t + src.getWhile(2, HEXDIGITS), 4);
        if (c == '0') return Integer.parseInt((t + src.getWhile(2, OCTDIGITS)).substring(1), 8);
        if (!bytes && c == 'u') return hex(t + src.getWhile(4, HEXDIGITS), 6);
        if (!bytes && c == 'U') {
            String esc = t + src.getWhile(8, HEXDIGITS);
            int v = hex(esc, 10);
            if (v > Character.MAX_CODE_POINT || v < 0) throw src.error("bad escape " + esc, esc.length());
            return v;
        }
        if (!bytes && c == 'N') return namedCharacter();
        if (inSet && c >= '1' && c <= '7') return octal(t + src.getWhile(2, OCTDIGITS));
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '8' || c == '9') {
            throw src.error("bad escape " + t, PythonTokens.length(t));
        }
        return c;
    }

    private int hex(String esc, int length) {
        if (esc.length() != length) throw src.error("incomplete escape " + esc, esc.length());
        return (int) Long.parseLong(esc.substring(2), 16);
    }

    private int namedCharacter() {
        if (!src.match("{")) throw src.error("missing {", 0);
        String name = src.getUntil('}', "character name");
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw src.error("undefined character name " + PythonTokens.repr(name), PythonTokens.length(name) + 4);
        }
    }

    /** A set: [...] or [^...]. */
    private Item set(int scope) {
        int here = src.tell() - 1;
        boolean negate = src.match("^");
        List<Member> members = new ArrayList<>();
        while (true) {
            String t = src.get();
            if (t == null) throw PythonRegexException.at("unterminated character set", pattern, here);
            if (t.equals("]") && !members.isEmpty()) break;
            Member first = member(t);
            if (src.match("-")) {
                String that = src.get();
                if (that == null) throw PythonRegexException.at("unterminated character set", pattern, here);
                if (that.equals("]")) {
                    members.add(first);
                    members.add(Member.literal('-'));
                    break;
                }
                Member second = member(that);
                if (!first.isLiteral() || !second.isLiteral() || second.lo() < first.lo()) {
                    throw src.error("bad character range " + t + "-" + that,
                            PythonTokens.length(t) + 1 + PythonTokens.length(that));
                }
                members.add(new Member(first.lo(), second.lo(), '\0'));
            } else {
                members.add(first);
            }
        }
        out.append(negate ? "[^" : "[");
        for (Member m : members) {
            if (m.category() != '\0') {
                String body = categoryBody(m.category(), ascii(scope));
                out.append(Character.isUpperCase(m.category()) ? "[^" + body + "]" : body);
            } else if (m.lo() == m.hi()) {
                out.append("\\x{").append(Integer.toHexString(m.lo())).append('}');
            } else {
                out.append("\\x{").append(Integer.toHexString(m.lo())).append("}-\\x{")
                        .append(Integer.toHexString(m.hi())).append('}');
            }
        }
        out.append(']');
        return new Item(Kind.ITEM, Width.ONE);
    }

    private Member member(String t) {
        if (!t.startsWith("\\")) return Member.literal(t.codePointAt(0));
        int c = t.codePointAt(1);
        if ("dDsSwW".indexOf(c) >= 0) return new Member(0, 0, (char) c);
        return Member.literal(escapedCodePoint(t, true));
    }

    /** The members of \d, \s or \w (any case) as Python's sre defines them, for a Java set. */
    private static String categoryBody(char category, boolean ascii) {
        return switch (Character.toLowerCase(category)) {
            case 'd' -> ascii ? "0-9" : "\\p{Nd}";
            case 'w' -> ascii ? "a-zA-Z0-9_" : "\\p{L}\\p{N}_";
            // str.isspace(): Java's \s lacks \x1c-\x1f
            default -> ascii ? "\\x{9}-\\x{d}\\x{20}"
                    : "\\x{9}-\\x{d}\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"
                            + "\\x{202f}\\x{205f}\\x{3000}";
        };
    }

    /** sre's AT_BOUNDARY and AT_NON_BOUNDARY on its own \w; neither matches in an empty text. */
    private static String boundary(boolean at, boolean ascii) {
        String w = "[" + categoryBody('w', ascii) + "]";
        if (at) return "(?:(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + "))";
        return "(?:(?<=" + w + ")(?=" + w + ")|(?<!" + w + ")(?!" + w + ")(?:(?<=(?s:.))|(?=(?s:.))))";
    }
}
