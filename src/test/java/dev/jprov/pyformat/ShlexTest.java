package dev.jprov.pyformat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every expected value here is what Python 3's shlex.split (checked with 3.11) returns (or raises) for the same text. */
class ShlexTest {

    static Stream<Arguments> words() {
        return Stream.of(
                // nothing to split
                Arguments.of("", List.of()),
                Arguments.of("   ", List.of()),
                Arguments.of(" \t\r\n ", List.of()),
                // whitespace: Python's four characters only; vertical tab and form feed are word characters
                Arguments.of("echo hi", List.of("echo", "hi")),
                Arguments.of("  echo   hi  ", List.of("echo", "hi")),
                Arguments.of("a\tb\nc\rd", List.of("a", "b", "c", "d")),
                Arguments.of("ls\u000bx a\fb", List.of("ls\u000bx", "a\fb")),
                Arguments.of("caf\u00e9 \u00fc\u00df", List.of("caf\u00e9", "\u00fc\u00df")),
                // quotes group, join what they touch, and an empty pair is a word
                Arguments.of("'a b'", List.of("a b")),
                Arguments.of("\"a b\"", List.of("a b")),
                Arguments.of("''", List.of("")),
                Arguments.of("'' x", List.of("", "x")),
                Arguments.of("a \"\" b", List.of("a", "", "b")),
                Arguments.of("a''b", List.of("ab")),
                Arguments.of("x'y'\"z\"", List.of("xyz")),
                Arguments.of("\"it's\"", List.of("it's")),
                Arguments.of("'say \"hi\"'", List.of("say \"hi\"")),
                // no expansion, no operators, no comments
                Arguments.of("'$HOME' $HOME * ; && |", List.of("$HOME", "$HOME", "*", ";", "&&", "|")),
                Arguments.of("# not a comment", List.of("#", "not", "a", "comment")),
                // backslashes: inside "..." only before " and \, never inside '...', anything outside quotes
                Arguments.of("\"c \\\" d\"", List.of("c \" d")),
                Arguments.of("\"back\\\\slash\"", List.of("back\\slash")),
                Arguments.of("\"keep \\n and \\$\"", List.of("keep \\n and \\$")),
                Arguments.of("'no \\ escape in single'", List.of("no \\ escape in single")),
                Arguments.of("e\\ f", List.of("e f")),
                Arguments.of("\\' \\\" \\\\", List.of("'", "\"", "\\")),
                Arguments.of("a\\\nb", List.of("a\nb")),
                // what the users split: ssh arguments, a command line
                Arguments.of("-o 'StrictHostKeyChecking accept-new' -i \"/keys/with space\"",
                        List.of("-o", "StrictHostKeyChecking accept-new", "-i", "/keys/with space")),
                Arguments.of("touch '/tmp/a b' \"$x\"", List.of("touch", "/tmp/a b", "$x")));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("words")
    void splitsAsPython(String text, List<String> expected) {
        assertEquals(expected, Shlex.split(text));
    }

    /** Python's shlex.split(s, comments=True), as Ansible's ini inventory splits host lines; first row: no comment. */
    static Stream<Arguments> withComments() {
        return Stream.of(
                Arguments.of("a b", List.of("a", "b")),
                Arguments.of("a b # c", List.of("a", "b")),
                Arguments.of("a#b c", List.of("a")),
                Arguments.of("\"a#b\" c#d", List.of("a#b", "c")),
                Arguments.of("x='#' y", List.of("x=#", "y")),
                Arguments.of("a\\#b #c", List.of("a#b")),
                Arguments.of("''# x", List.of("")),
                Arguments.of("# all", List.of()));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("withComments")
    void commentsEndTheTextAsPython(String text, List<String> expected) {
        assertEquals(expected, Shlex.split(text, true));
        if (!text.contains("#")) assertEquals(expected, Shlex.split(text));
    }

    static Stream<Arguments> unsplittable() {
        return Stream.of(
                Arguments.of("'open", "No closing quotation in: 'open"),
                Arguments.of("\"open", "No closing quotation in: \"open"),
                Arguments.of("a 'b' 'c", "No closing quotation in: a 'b' 'c"),
                Arguments.of("\"a\\\"", "No closing quotation in: \"a\\\""),
                Arguments.of("x\\", "No escaped character in: x\\"),
                Arguments.of("\"x\\", "No escaped character in: \"x\\"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("unsplittable")
    void unbalancedTextSaysWhy(String text, String message) {
        assertEquals(message, assertThrows(Shlex.SplitException.class, () -> Shlex.split(text)).getMessage());
    }
}
