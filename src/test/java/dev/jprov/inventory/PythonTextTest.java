package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python 3.11's str.splitlines() and str.strip(), as recorded with python3; the INI line numbers rest on them. */
class PythonTextTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("a", List.of("a")),
                Arguments.of("a\n", List.of("a")),
                Arguments.of("a\r\nb", List.of("a", "b")),
                Arguments.of("a\rb\u000Bc\fd\u001Ce\u2028f\u0085g", List.of("a", "b", "c", "d", "e", "f", "g")),
                Arguments.of("\n\n", List.of("", "")),
                Arguments.of("a\n\nb\n", List.of("a", "", "b")));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("lines")
    void splitlines(String text, List<String> expected) {
        assertEquals(expected, PythonText.splitlines(text));
    }

    static Stream<Arguments> strips() {
        return Stream.of(
                Arguments.of("a", "a"),
                Arguments.of("  a  ", "a"),
                Arguments.of("\u00A0a\u3000", "a"),
                Arguments.of("\u001Fa\u001F", "a"),
                Arguments.of("\u200Bx", "\u200Bx"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("strips")
    void strip(String text, String expected) {
        assertEquals(expected, PythonText.strip(text));
    }
}
