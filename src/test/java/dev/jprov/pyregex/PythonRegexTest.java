package dev.jprov.pyregex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python's re, row by row, as Python 3.11.2 (Debian 12, under ansible-core 2.14) answers: the spans and groups of
 * finditer, the text of sub, or the error's message. Many rows are patterns java.util.regex reads otherwise (the
 * comment says how). Regenerate the rows with src/test/resources/dev/jprov/pyregex/python-regex-rows.py.
 * A bytes row's pattern, text and results are UTF-8 bytes held one char per byte, as lineinfile holds them.
 */
class PythonRegexTest {

    private static Arguments row(String kind, String pattern, String flags, String text, String op, String arg,
                                 String expected) {
        return Arguments.of(kind, pattern, flags, text, op, arg, expected);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("str", "(?P<first_name>\\w+) (?P=first_name)", "", "bob bob x", "finditer", null, "0-7=bob"), // named group with _, named back reference
                row("str", "a\\Z", "", "a\n", "finditer", null, ""), // \Z is the very end (Java: before a final line end)
                row("str", "\\Aa", "", "ba", "finditer", null, ""),
                row("str", "a$", "", "a\n", "finditer", null, "0-1"), // $ before a final \n
                row("str", "a$", "", "a\r\n", "finditer", null, ""), // only \n ends a line (Java: \r\n too)
                row("str", "^", "m", "a\nb\n", "finditer", null, "0-0;2-2;4-4"), // ^ with MULTILINE after a final \n too
                row("str", "$", "m", "a\nb", "finditer", null, "1-1;3-3"),
                row("str", ".", "", "\r\u2028\n", "finditer", null, "0-1;1-2"), // . stops only at \n
                row("str", ".", "s", "a\n", "finditer", null, "0-1;1-2"),
                row("str", "[[]", "", "a[", "finditer", null, "1-2"), // '[' in a set is literal (Java: nested set)
                row("str", "[a&&b]", "", "&b", "finditer", null, "0-1;1-2"), // '&&' in a set is literal (Java: intersection)
                row("str", "[]a]", "", "]", "finditer", null, "0-1"), // a leading ']' is literal
                row("str", "[^]a]", "", "x]", "finditer", null, "0-1"),
                row("str", "[a-]", "", "-", "finditer", null, "0-1"),
                row("str", "x{,2}", "", "xxx", "finditer", null, "0-2;2-3;3-3"), // {,n} is {0,n} (Java: error)
                row("str", "x{a}", "", "x{a}", "finditer", null, "0-4"), // '{' that starts no repeat is literal (Java: error)
                row("str", "a{", "", "a{", "finditer", null, "0-2"),
                row("str", "a{}", "", "a{}", "finditer", null, "0-3"),
                row("str", "x{2,}", "", "xxxx", "finditer", null, "0-4"),
                row("str", "\\v", "", "\013\n", "finditer", null, "0-1"), // \v is the vertical tab (Java: any vertical space)
                row("str", "[\\b]", "", "a\bb", "finditer", null, "1-2"), // \b in a set is backspace
                row("str", "\\s", "", "\034 \u0085\u3000x", "finditer", null, "0-1;1-2;2-3;3-4"), // \s of str.isspace (Java: no \x1c)
                row("str", "\\w", "", "e\u0301\u00b2_\u203f", "finditer", null, "0-1;2-3;3-4"), // \w is letters, numbers and _ (Java: marks and connectors too)
                row("str", "\\d", "", "3\u0663x", "finditer", null, "0-1;1-2"),
                row("str", "\\d", "a", "3\u0663x", "finditer", null, "0-1"),
                row("str", "\\b\\w+\\b", "", "caf\u00e9 bar", "finditer", null, "0-4;5-8"), // \b on Unicode \w
                row("str", "\\b\\w+\\b", "a", "caf\u00e9 bar", "finditer", null, "0-3;5-8"),
                row("str", "\\B", "", "", "finditer", null, ""), // \B never matches an empty text
                row("str", "\\B", "", "ab", "finditer", null, "1-1"),
                row("str", "\\W+", "", "a, b", "finditer", null, "1-3"),
                row("str", "[\\W\\d]", "", "a,1", "finditer", null, "1-2;2-3"),
                row("str", "[^\\W]", "", "a,1", "finditer", null, "0-1;2-3"), // a negated category in a negated set
                row("str", "[\\s\\S]", "", "a\n", "finditer", null, "0-1;1-2"),
                row("str", "(?<=\\w)x", "", "\ud835\udc00x", "finditer", null, "1-2"), // a look-behind over an astral letter
                row("str", "(?x) a b # comment (not a group\n c", "", "abc", "finditer", null, "0-3"), // verbose: whitespace and comments go
                row("str", "(?x)[ #]", "", "a #", "finditer", null, "1-2;2-3"), // verbose keeps whitespace and # in a set (Java does not)
                row("str", "a b", "x", "ab", "finditer", null, "0-2"),
                row("str", "(?#a comment)a", "", "a", "finditer", null, "0-1"), // (?#...) is a comment (Java: error)
                row("str", "a(?#c)*", "", "aaa", "finditer", null, "0-3;3-3"),
                row("str", "a(?i:b)c", "", "aBc ABc", "finditer", null, "0-3"), // scoped flags
                row("str", "(?i)a(?-i:b)", "", "Ab AB", "finditer", null, "0-2"),
                row("str", "(?i)k", "", "\u212a", "finditer", null, "0-1"), // Unicode case folding for str
                row("str", "(?a:\\w)", "", "\u00e9a", "finditer", null, "1-2"),
                row("str", "(?s:.)\\n.", "", "a\n\n\n", "finditer", null, ""),
                row("str", "(?m:^)b", "", "a\nb", "finditer", null, "2-3"),
                row("str", "(?x: a b )c d", "", "abc dabcd", "finditer", null, "0-5"), // scoped verbose
                row("str", "[\\w-]+", "", "a-b c", "finditer", null, "0-3;4-5"),
                row("str", "(ab){2}", "", "ababab", "finditer", null, "0-4=ab"),
                row("str", "(?i)[^a-z]", "", "A1", "finditer", null, "1-2"),
                row("str", "(?a)\\bx", "", "\u00e9x x", "finditer", null, "1-2;3-4"),
                row("str", "a|(?P<b>b)|c", "", "abc", "finditer", null, "0-1=None;1-2=b;2-3=None"),
                row("str", "\\x41\\101\\0\\u00e9\\U0001F600\\N{EM DASH}", "", "AA\000\u00e9\ud83d\ude00\u2014", "finditer", null, "0-6"), // escapes
                row("str", "[\\x41-\\x43\\u00e9]", "", "BD\u00e9", "finditer", null, "0-1;2-3"),
                row("str", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "", "abcdefghijj", "finditer", null, "0-11=a=b=c=d=e=f=g=h=i=j"), // \10 is group 10
                row("str", "(a)\\1", "", "aa", "finditer", null, "0-2=a"),
                row("str", "(a)\\10", "", "aa0", "finditer", null, "error: invalid group reference 10 at position 4"), // \10 with one group is an error, not \1 and 0
                row("str", "(a)\\0", "", "a\000", "finditer", null, "0-2=a"),
                row("str", "a*+a", "", "aaa", "finditer", null, ""), // possessive repeat
                row("str", "(?>a+)b", "", "aab", "finditer", null, "0-3"), // atomic group
                row("str", "a*?", "", "aa", "finditer", null, "0-0;0-1;1-1;1-2;2-2"),
                row("str", "x*", "", "a\ud83d\ude00b", "finditer", null, "0-0;1-1;2-2;3-3"), // empty matches step by code point
                row("str", "(a)|b", "", "ab", "finditer", null, "0-1=a;1-2=None"), // an unmatched group is None
                row("str", "(?P<n>a)", "", "a", "finditer", null, "0-1=a"),
                row("str", "x*", "", "abxd", "sub", "-", "-a-b--d-"), // empty matches next to a match
                row("str", "a??", "", "a", "sub", "-", "---"), // after an empty match the next may start there
                row("str", "", "", "\ud83d\ude00", "sub", "-", "-\ud83d\ude00-"),
                row("str", "(?P<word>\\w+)", "", "hi there", "sub", "<\\g<word>|\\g<0>|\\1|\\g<1>0>", "<hi|hi|hi|hi0> <there|there|there|there0>"),
                row("str", "(a)(b)?", "", "a", "sub", "[\\2]", "[]"),
                row("str", "a", "", "a", "sub", "\\n\\t\\\\\\-$1\\101\\0", "\n\t\\\\-$1A\000"),
                row("str", "(a)", "", "a", "sub", "\\10", "error: invalid group reference 10 at position 1"),
                row("str", "(\\w+)=(\\w+)", "", "k=v", "sub", "\\2=\\1", "v=k"),
                row("str", "^", "m", "a\nb\n", "sub", "# ", "# a\n# b\n# "),
                row("str", "$", "", "a\nb\n", "sub", ";", "a\nb;\n;"),
                row("bytes", "\\w", "", "\u00e9", "finditer", null, ""), // bytes: \w is ASCII
                row("bytes", "[\u00e9]", "", "\u00e9", "finditer", null, "0-1;1-2"), // bytes: a UTF-8 character is two bytes
                row("bytes", "\u00e9", "", "\u00e9", "finditer", null, "0-2"),
                row("bytes", "(?i)\u00e9", "", "\u00c9", "finditer", null, ""), // bytes: case folds ASCII only
                row("bytes", "(?i)e", "", "E", "finditer", null, "0-1"),
                row("bytes", "\\s", "", "\u0085\u00a0 ", "finditer", null, "4-5"), // bytes: \s is ASCII
                row("bytes", "^(?P<key>\\w+)=(.*)$", "", "key=value\n", "finditer", null, "0-9=key=value"),
                row("bytes", "\\Z", "", "a\n", "finditer", null, "2-2"),
                row("bytes", "(?L)\\w", "", "a", "finditer", null, "0-1"),
                row("bytes", "\\bx", "", "\u00e9x", "finditer", null, "2-3"), // bytes: \b on ASCII \w
                row("str", "(?<name>x)", "", "", "error", null, "error: unknown extension ?<n at position 1"),
                row("str", "a**", "", "", "error", null, "error: multiple repeat at position 2"),
                row("str", "*a", "", "", "error", null, "error: nothing to repeat at position 0"),
                row("str", "^*", "", "", "error", null, "error: nothing to repeat at position 1"),
                row("str", "\\b+", "", "", "error", null, "error: nothing to repeat at position 2"),
                row("str", "x{2}{3}", "", "", "error", null, "error: multiple repeat at position 4"),
                row("str", "(?<=a|bc)", "", "", "error", null, "error: look-behind requires fixed-width pattern"),
                row("str", "(?<=a*)", "", "", "error", null, "error: look-behind requires fixed-width pattern"),
                row("str", "\\q", "", "", "error", null, "error: bad escape \\q at position 0"),
                row("str", "\\z", "", "", "error", null, "error: bad escape \\z at position 0"),
                row("str", "\\h", "", "", "error", null, "error: bad escape \\h at position 0"),
                row("str", "\\p{L}", "", "", "error", null, "error: bad escape \\p at position 0"),
                row("str", "\\G", "", "", "error", null, "error: bad escape \\G at position 0"),
                row("str", "(a", "", "", "error", null, "error: missing ), unterminated subpattern at position 0"),
                row("str", "a)", "", "", "error", null, "error: unbalanced parenthesis at position 1"),
                row("str", "[a", "", "", "error", null, "error: unterminated character set at position 0"),
                row("str", "a(?i)b", "", "", "error", null, "error: global flags not at the start of the expression at position 1"),
                row("str", "(?i)a|(?m)b", "", "", "error", null, "error: global flags not at the start of the expression at position 6"),
                row("str", "(?P<a>x)(?P<a>y)", "", "", "error", null, "error: redefinition of group name 'a' as group 2; was group 1 at position 12"),
                row("str", "x\\", "", "", "error", null, "error: bad escape (end of pattern) at position 1"),
                row("str", "(a\\1)", "", "", "error", null, "error: cannot refer to an open group at position 2"),
                row("str", "\\2(a)(b)", "", "", "error", null, "error: invalid group reference 2 at position 1"),
                row("str", "(?P=n)", "", "", "error", null, "error: unknown group name 'n' at position 4"),
                row("str", "(?P<1a>x)", "", "", "error", null, "error: bad character in group name '1a' at position 4"),
                row("str", "(?P<a", "", "", "error", null, "error: missing >, unterminated name at position 4"),
                row("str", "[z-a]", "", "", "error", null, "error: bad character range z-a at position 1"),
                row("str", "[\\d-z]", "", "", "error", null, "error: bad character range \\d-z at position 1"),
                row("str", "x{3,2}", "", "", "error", null, "error: min repeat greater than max repeat at position 2"),
                row("str", "\\x4", "", "", "error", null, "error: incomplete escape \\x4 at position 0"),
                row("str", "\\u12", "", "", "error", null, "error: incomplete escape \\u12 at position 0"),
                row("str", "\\N{NO SUCH NAME}", "", "", "error", null, "error: undefined character name 'NO SUCH NAME' at position 0"),
                row("str", "\\400", "", "", "error", null, "error: octal escape value \\400 outside of range 0-0o377 at position 0"),
                row("str", "[\\8]", "", "", "error", null, "error: bad escape \\8 at position 1"),
                row("str", "(?L)a", "", "", "error", null, "error: bad inline flags: cannot use 'L' flag with a str pattern at position 3"),
                row("str", "(?au)a", "", "", "error", null, "error: bad inline flags: flags 'a', 'u' and 'L' are incompatible at position 4"),
                row("str", "(?-a:x)", "", "", "error", null, "error: bad inline flags: cannot turn off flags 'a', 'u' and 'L' at position 4"),
                row("str", "(?i-i:x)", "", "", "error", null, "error: bad inline flags: flag turned on and off at position 5"),
                row("str", "(?z)", "", "", "error", null, "error: unknown extension ?z at position 1"),
                row("str", "(?", "", "", "error", null, "error: unexpected end of pattern at position 2"),
                row("str", "(?P", "", "", "error", null, "error: unexpected end of pattern at position 3"),
                row("str", "(?Px)", "", "", "error", null, "error: unknown extension ?Px at position 1"),
                row("str", "a\n(", "", "", "error", null, "error: missing ), unterminated subpattern at position 2 (line 2, column 1)"),
                row("str", "(?#x", "", "", "error", null, "error: missing ), unterminated comment at position 0"),
                row("str", "(?<=(a)\\1)", "", "", "error", null, "error: cannot refer to group defined in the same lookbehind subpattern at position 9"),
                row("str", "[\\A]", "", "", "error", null, "error: bad escape \\A at position 1"),
                row("bytes", "\\u00e9", "", "", "error", null, "error: bad escape \\u at position 0"),
                row("bytes", "(?u)a", "", "", "error", null, "error: bad inline flags: cannot use 'u' flag with a bytes pattern at position 3"),
                row("str", "(a)", "", "a", "sub", "\\2", "error: invalid group reference 2 at position 1"),
                row("str", "(a)", "", "a", "sub", "\\g<x>", "error: unknown group name 'x'"),
                row("str", "(a)", "", "a", "sub", "\\g<1", "error: missing >, unterminated name at position 3"),
                row("str", "(a)", "", "a", "sub", "\\g", "error: missing < at position 2"),
                row("str", "(a)", "", "a", "sub", "\\q", "error: bad escape \\q at position 0"),
                row("str", "(a)", "", "a", "sub", "\\g<-1>", "error: bad character in group name '-1' at position 3"),
                row("str", "(a)", "", "a", "sub", "\\", "error: bad escape (end of pattern) at position 0"),
                row("str", "(a)", "", "a", "sub", "\\g<>", "error: missing group name at position 3"),
                row("str", "(a)", "", "a", "sub", "\\400", "error: octal escape value \\400 outside of range 0-0o377 at position 0"));
    }

    @ParameterizedTest(name = "{0} /{1}/{2} {4}")
    @MethodSource("rows")
    void answersAsPython(String kind, String pattern, String flags, String text, String op, String arg,
                         String expected) {
        boolean bytes = kind.equals("bytes");
        String actual;
        try {
            PythonRegex re = bytes ? PythonRegex.bytes(latin1(pattern), flags(flags))
                    : PythonRegex.str(pattern, flags(flags));
            String t = bytes ? latin1(text) : text;
            actual = switch (op) {
                case "finditer" -> re.finditer(t).stream().map(m -> spanAndGroups(m, t)).collect(Collectors.joining(";"));
                case "sub" -> re.sub(bytes ? latin1(arg) : arg, t);
                default -> "compiled";
            };
        } catch (PythonRegexException e) {
            actual = "error: " + e.getMessage();
        }
        assertEquals(expected, actual);
    }

    /** Python's spans count code points; a bytes text has one char per byte. */
    private static String spanAndGroups(PythonMatch m, String text) {
        StringBuilder sb = new StringBuilder();
        sb.append(text.codePointCount(0, m.start())).append('-').append(text.codePointCount(0, m.end()));
        for (int g = 1; g <= m.regex().groups(); g++) {
            String v = m.group(g);
            sb.append('=').append(v == null ? "None" : v);
        }
        return sb.toString();
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static PythonRegex.Flag[] flags(String letters) {
        List<PythonRegex.Flag> out = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            out.add(switch (c) {
                case 'i' -> PythonRegex.Flag.IGNORECASE;
                case 'm' -> PythonRegex.Flag.MULTILINE;
                case 's' -> PythonRegex.Flag.DOTALL;
                case 'x' -> PythonRegex.Flag.VERBOSE;
                default -> PythonRegex.Flag.ASCII;
            });
        }
        return out.toArray(PythonRegex.Flag[]::new);
    }

    @Test
    void inlineGlobalFlagsCountAsGiven() {
        // blockinfile reads re.MULTILINE off the compiled pattern, so an inline (?m) must show.
        assertTrue(PythonRegex.bytes("(?im)^a").has(PythonRegex.Flag.MULTILINE));
        assertTrue(PythonRegex.bytes("(?im)^a").has(PythonRegex.Flag.IGNORECASE));
        assertFalse(PythonRegex.bytes("(?i)^a").has(PythonRegex.Flag.MULTILINE));
        assertFalse(PythonRegex.bytes("(?m:^a)").has(PythonRegex.Flag.MULTILINE));
        assertTrue(PythonRegex.str("^a", PythonRegex.Flag.MULTILINE).has(PythonRegex.Flag.MULTILINE));
    }

    /** What Python runs and java.util.regex cannot: refused with a message that says so, never run otherwise. */
    @Test
    void refusesWhatJavaCannotRun() {
        PythonRegexException e = assertThrows(PythonRegexException.class, () -> PythonRegex.str("(a)?(?(1)b|c)"));
        assertEquals("conditional groups (?(id)yes|no) are not supported by jprov at position 4", e.getMessage());
        // Python: finditer('(a)(?<=\\1)', 'aa') gives two matches
        e = assertThrows(PythonRegexException.class, () -> PythonRegex.str("(a)(?<=\\1)"));
        assertEquals("jprov cannot run this pattern on java.util.regex: Look-behind group does not have an obvious "
                + "maximum length", e.getMessage());
    }

    @Test
    void groupsByNameAndExpand() {
        PythonMatch m = PythonRegex.str("(?P<key>\\w+)=(?P<value>.*)").search("  port=22").orElseThrow();
        assertEquals("port", m.group("key"));
        assertEquals("22", m.group(2));
        assertEquals("22 <- port", m.expand("\\g<value> <- \\1"));
        assertEquals("no such group", assertThrows(PythonRegexException.class, () -> m.group("nope")).getMessage());
        assertEquals("no such group", assertThrows(PythonRegexException.class, () -> m.group(3)).getMessage());
    }

    @Test
    void matchAndFullmatchAnchorAsPython() {
        assertTrue(PythonRegex.str("a|ab").fullmatch("ab").isPresent());
        assertTrue(PythonRegex.str("b").match("ab").isEmpty());
        assertEquals("a", PythonRegex.str("a|ab").match("ab").orElseThrow().group());
    }

    @Test
    void escapeIsPythons() {
        // re.escape('a.b*c d-e_f/g"h') in Python 3.7+: '_', '/', '"' stay.
        assertEquals("a\\.b\\*c\\ d\\-e_f/g\"h", PythonRegex.escape("a.b*c d-e_f/g\"h"));
    }
}
