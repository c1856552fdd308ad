package dev.jprov.plan;

import dev.jprov.RequiredProgram;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.LocalShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ShellQuote against real shells: every quoted word must reach the program as exactly the original string, in
 * argument position and in an assignment, through dash (Debian's /bin/sh, an ash like FreeBSD's sh) and
 * busybox sh. Scripts go in through {@code sh -s} on standard input, as the transport sends them.
 */
class ShellQuoteTest {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./,:@%+-]+");

    static final List<String> HOSTILE = List.of(
            "", " ", "  two  spaces  ", "\t", "\n", "\r\n", "a\nb", "trailing\n\n", "'", "''", "\"", "\\", "\\\\",
            "\\'", "'\\''", "it's", "a'b'c", "\"'\"", "$", "$HOME", "${HOME}", "$(id)", "`id`", "$((1+1))", "${x:-y}",
            "$'\\n'", "!", "!!", "!$", "*", "?", "[a-z]", "/etc/*", "{a,b}", "~", "~root", "~/x", "a~b", "=", "a=b",
            "PATH=/tmp", "-", "-n", "--", "-e", "--help", "-rf /", ";", "a;b", "&", "&&", "|", "||", "a|b", ">",
            "<", ">>", "2>&1", "<(x)", "(", ")", "()", "{", "}", "#", "#comment", "a #b", "%", "^", "é", "日本語",
            "😀", "𝄞", "\u00a0", "\u202e", "e\u0301", "\u0001\u0002\u001f\u007f", "\u001b[31mred", "x\u2028y",
            "'; rm -rf / #", "\"; echo pwned; \"", "$(printf '%s' \"'\")", "-- -x", "@", ":", ",", "+", "%s%n",
            "\\0", "\\x41", "${IFS}", "IFS=x", "a\\\nb", "EOF", "'EOF'", "<<EOF");

    /** Name, command, and the Debian package that has it: a missing shell fails its tests, never skips them. */
    static Stream<Arguments> shells() {
        return Stream.of(
                Arguments.of("dash", List.of("/bin/sh", "-s"), "dash"),
                Arguments.of("busybox sh", List.of("busybox", "sh", "-s"), "busybox"),
                Arguments.of("bash --posix", List.of("/bin/bash", "--posix", "-s"), "bash"));
    }

    @ParameterizedTest(name = "hostile table through {0}")
    @MethodSource("shells")
    void hostileStringsRoundTrip(String shellName, List<String> shell, String debianPackage) throws Exception {
        assertRoundTrip(RequiredProgram.command(shell, debianPackage), HOSTILE);
    }

    @ParameterizedTest(name = "3000 random strings through {0}")
    @MethodSource("shells")
    void randomStringsRoundTrip(String shellName, List<String> shell, String debianPackage) throws Exception {
        assertRoundTrip(RequiredProgram.command(shell, debianPackage), randomStrings(new Random(20240611L), 3000));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain                | plain
            /usr/local/etc/x.conf| /usr/local/etc/x.conf
            -n                   | -n
            user@host:22         | user@host:22
            ""                   | "''"
            a b                  | 'a b'
            it's                 | 'it'\\''s'
            ~                    | '~'
            a=b                  | 'a=b'
            $(id)                | '$(id)'
            """)
    void quotesOnlyWhatNeedsIt(String value, String expected) {
        assertEquals(expected.replace("\\\\", "\\"), ShellQuote.quote(value));
    }

    @Test
    void rejectsNulWithoutEchoingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("sec\0ret"));
        assertEquals("a shell argument cannot contain a NUL character (found at index 3 of a 7-character value)",
                e.getMessage());
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\ud800b"));
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("\udc00"));
        assertEquals("'😀'", ShellQuote.quote("😀"), "a proper pair is fine");
    }

    @Test
    void joinQuotesEachArgument() {
        assertEquals("printf %s 'a b' ''", ShellQuote.join(List.of("printf", "%s", "a b", "")));
        assertEquals("", ShellQuote.join(List.of()), "no arguments, no words");
    }

    /** Prints every value NUL-terminated twice: as an argument, and from a variable assigned the quoted word. */
    private static void assertRoundTrip(List<String> shell, List<String> values) throws Exception {
        StringBuilder script = new StringBuilder("printf '%s\\0'");
        for (String v : values) {
            String q = ShellQuote.quote(v);
            if (SAFE.matcher(v).matches()) assertEquals(v, q, "safe strings stay bare");
            script.append(' ').append(q);
        }
        script.append('\n');
        for (String v : values) script.append("v=").append(ShellQuote.quote(v)).append("; printf '%s\\0' \"$v\"\n");
        ExecResult r = new LocalShell().exec(Cmd.of(shell), script.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), r.stderrText());
        List<String> printed = splitNul(r.stdout());
        assertEquals(values.size() * 2, printed.size(), "one field per value and context");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), printed.get(i), "argument " + i + " quoted as " + ShellQuote.quote(values.get(i)));
            assertEquals(values.get(i), printed.get(values.size() + i), "assignment " + i);
        }
    }

    static List<String> randomStrings(Random random, int count) {
        String ascii = "abcXYZ019 \t\n\r'\"\\$`(){}[]*?~=!#&|;<>-%+@:,./^_";
        String[] unicode = {"é", "ß", "日", "本", "😀", "𝄞", "\u00a0", "\u202e", "\u0301", "\u2028", "\u0001",
                "\u001b", "\u007f", "\u0085"};
        List<String> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int length = random.nextInt(25);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                if (random.nextInt(6) == 0) s.append(unicode[random.nextInt(unicode.length)]);
                else s.append(ascii.charAt(random.nextInt(ascii.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    private static List<String> splitNul(byte[] bytes) {
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == 0) {
                fields.add(field.toString(StandardCharsets.UTF_8));
                field.reset();
            } else {
                field.write(b);
            }
        }
        assertTrue(field.size() == 0, "output ends with a NUL");
        return fields;
    }
}
