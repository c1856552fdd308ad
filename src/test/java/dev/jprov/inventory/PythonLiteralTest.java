package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.pyformat.PythonJson;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * INI variable values as Ansible's ini plugin reads them: ast.literal_eval, else the text. Expected values are
 * Python 3.11's json.dumps(ensure_ascii=False) of {@code _parse_value(text)}, recorded with python3.
 */
class PythonLiteralTest {
    private static final PythonJson JSON = PythonJson.dumps(null, false, false);

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("", "\"\""),
                Arguments.of("23", "23"),
                Arguments.of("-3", "-3"),
                Arguments.of("+4", "4"),
                Arguments.of("True", "true"),
                Arguments.of("False", "false"),
                Arguments.of("None", "null"),
                Arguments.of("yes", "\"yes\""),
                Arguments.of("FALSE", "\"FALSE\""),
                Arguments.of("0777", "\"0777\""),
                Arguments.of("000", "0"),
                Arguments.of("1_000", "1000"),
                Arguments.of("1__0", "\"1__0\""),
                Arguments.of("0x1F", "31"),
                Arguments.of("0o17", "15"),
                Arguments.of("0b101", "5"),
                Arguments.of("0x_1f", "31"),
                Arguments.of("1.5e3", "1500.0"),
                Arguments.of("1.", "1.0"),
                Arguments.of(".5", "0.5"),
                Arguments.of("1e400", "Infinity"),
                Arguments.of("-1e400", "-Infinity"),
                Arguments.of("1.e2", "100.0"),
                Arguments.of("'a'", "\"a\""),
                Arguments.of("\"quoted\"", "\"quoted\""),
                Arguments.of("u'z'", "\"z\""),
                Arguments.of("r'\\n'", "\"\\\\n\""),
                Arguments.of("'a\\n\\x41\\u00e9\\N{BULLET}\\d'", "\"a\\nAé•\\\\d\""),
                Arguments.of("'a' 'b'", "\"ab\""),
                Arguments.of("'a' b'c'", "\"'a' b'c'\""),
                Arguments.of("b'xy'", "\"xy\""),
                Arguments.of("b'\\xff'", "\"\uDCFF\""),
                Arguments.of("f'x'", "\"f'x'\""),
                Arguments.of("[1, 'x']", "[1, \"x\"]"),
                Arguments.of("[1,]", "[1]"),
                Arguments.of("[]", "[]"),
                Arguments.of("()", "[]"),
                Arguments.of("(1)", "1"),
                Arguments.of("(1,)", "[1]"),
                Arguments.of("1,2", "[1, 2]"),
                Arguments.of("1,", "[1]"),
                Arguments.of("a,b", "\"a,b\""),
                Arguments.of("{'a': 1}", "{\"a\": 1}"),
                Arguments.of("{'a': 1, 'a': 2, 'b': 3}", "{\"a\": 2, \"b\": 3}"),
                Arguments.of("{}", "{}"),
                Arguments.of("{1: 'x', None: 2, True: 3}", "{\"1\": 3, \"null\": 2}"),
                Arguments.of("[1, [2, (3, 4)]]", "[1, [2, [3, 4]]]"),
                Arguments.of("--1", "\"--1\""),
                Arguments.of("-True", "\"-True\""),
                Arguments.of("-(1)", "-1"),
                Arguments.of("1+2", "\"1+2\""),
                Arguments.of("1 # c", "1"),
                Arguments.of("hello # c", "\"hello # c\""),
                Arguments.of("'x' # c", "\"x\""),
                Arguments.of("  12", "12"),
                Arguments.of("foo(1)", "\"foo(1)\""),
                Arguments.of("[1, foo]", "\"[1, foo]\""),
                Arguments.of("{{ foo }}", "\"{{ foo }}\""),
                Arguments.of("'unterminated", "\"'unterminated\""),
                Arguments.of("1 2", "\"1 2\""),
                Arguments.of("abc#def", "\"abc#def\""),
                Arguments.of("9223372036854775808", "9223372036854775808"),
                Arguments.of("2147483648", "2147483648"),
                Arguments.of("-2147483649", "-2147483649"),
                Arguments.of("'''tri'''", "\"tri\""),
                Arguments.of("x='y'", "\"x='y'\""),
                Arguments.of("1if 1 else 2", "\"1if 1 else 2\""),
                Arguments.of("{'k':[1,2]}", "{\"k\": [1, 2]}"),
                Arguments.of("0.1", "0.1"),
                Arguments.of("1e-7", "1e-07"),
                Arguments.of("100000000000000000.0", "1e+17"),
                Arguments.of("'\\t'", "\"\\t\""),
                Arguments.of("'\\777'", "\"ǿ\""),
                Arguments.of("'\\q'", "\"\\\\q\""),
                Arguments.of("1 +", "\"1 +\""),
                Arguments.of("[1, 2", "\"[1, 2\""),
                Arguments.of("True False", "\"True False\""));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("values")
    void literalEvalOrText(String text, String expectedJson) {
        assertEquals(expectedJson, JSON.write(PythonLiteral.valueOf(text)));
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("{1, 2}", "is a Python set, which has no YAML or JSON form"),
                Arguments.of("set()", "is a Python set, which has no YAML or JSON form"),
                Arguments.of("1j", "is a Python complex number, which has no YAML or JSON form"),
                Arguments.of("-1+2j", "is a Python complex number, which has no YAML or JSON form"),
                Arguments.of("[1, ...]", "is Python's Ellipsis, which has no YAML or JSON form"),
                Arguments.of("{[1]: 2}", "has a list as a dict key (unhashable type: 'list')"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("unsupported")
    void literalsWithoutAJprovValueAreErrors(String text, String message) {
        assertEquals(message, assertThrows(PythonLiteral.Unsupported.class, () -> PythonLiteral.valueOf(text))
                .getMessage());
    }
}
