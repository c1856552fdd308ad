package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Values print as Python's str()/repr() print them (checked against python3). */
class PythonReprTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0|0.0", "1.0|1.0", "0.5|0.5", "-2.25|-2.25", "0.1|0.1", "1e16|1e+16", "1.5e16|1.5e+16",
            "9999999999999998.0|9999999999999998.0", "0.0001|0.0001", "0.00001|1e-05", "1.23e-7|1.23e-07",
            "123456789.125|123456789.125", "1e300|1e+300", "0.30000000000000004|0.30000000000000004"})
    void floatsPrintAsPythonRepr(double value, String python) {
        assertEquals(python, dev.jprov.pyformat.PythonFloat.repr(value));
    }

    static Stream<Arguments> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Arrays.asList(true, null, 1.5, "x"));
        return Stream.of(
                Arguments.of("text", "text", "'text'"),
                Arguments.of("", "", "''"),
                Arguments.of("it's", "it's", "\"it's\""),
                Arguments.of("both ' and \"", "both ' and \"", "'both \\' and \"'"),
                Arguments.of("tab\tnl\nbs\\", "tab\tnl\nbs\\", "'tab\\tnl\\nbs\\\\'"),
                Arguments.of("héllo\u0001", "héllo\u0001", "'héllo\\x01'"),
                Arguments.of(null, "None", "None"),
                Arguments.of(true, "True", "True"),
                Arguments.of(42L, "42", "42"),
                Arguments.of(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890",
                        "123456789012345678901234567890"),
                Arguments.of(List.of(), "[]", "[]"),
                Arguments.of(Map.of(), "{}", "{}"),
                Arguments.of(m, "{'b': 1, 'a': [True, None, 1.5, 'x']}", "{'b': 1, 'a': [True, None, 1.5, 'x']}"),
                Arguments.of(new PythonTuple(1L), "(1,)", "(1,)"),
                Arguments.of(new PythonTuple("a", 2L), "('a', 2)", "('a', 2)"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void valuesPrintAsPython(Object value, String str, String repr) {
        assertEquals(str, PythonRepr.str(value));
        assertEquals(repr, PythonRepr.repr(value));
    }
}
