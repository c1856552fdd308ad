package dev.jprov.pyformat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON text as Python's json.dumps writes it; expectations from python3. */
class PythonJsonTest {

    static Stream<Arguments> values() {
        Map<String, Object> unsorted = new LinkedHashMap<>();
        unsorted.put("b", List.of());
        unsorted.put("_m", Map.of());
        unsorted.put("B", null);
        return Stream.of(
                Arguments.of(1.0, "1.0"), Arguments.of(0.1, "0.1"), Arguments.of(1e16, "1e+16"),
                Arguments.of(1.5e16, "1.5e+16"), Arguments.of(1e15, "1000000000000000.0"), Arguments.of(1e-4, "0.0001"),
                Arguments.of(1e-5, "1e-05"), Arguments.of(-2.5e-7, "-2.5e-07"), Arguments.of(123456.789, "123456.789"),
                Arguments.of(1e100, "1e+100"), Arguments.of(-0.0, "-0.0"), Arguments.of(Double.NaN, "NaN"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"), Arguments.of(true, "true"),
                Arguments.of(null, "null"), Arguments.of(new BigInteger("123456789012345678901234567890"),
                        "123456789012345678901234567890"),
                Arguments.of("tab\tquote\"back\\nl\n\u0001ü", "\"tab\\tquote\\\"back\\\\nl\\n\\u0001ü\""),
                Arguments.of(unsorted, "{\n    \"B\": null,\n    \"_m\": {},\n    \"b\": []\n}"),
                Arguments.of(Arrays.asList(1, List.of(2)), "[\n    1,\n    [\n        2\n    ]\n]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("values")
    void writesLikePython(Object value, String expected) {
        assertEquals(expected, PythonJson.dumps(4, true, false).write(value));
    }

    @org.junit.jupiter.api.Test
    void oneLineWithEnsureAsciiAsTaskResultsArePrinted() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("b", 1);
        result.put("a", "\u00fc\u007f\b");
        result.put("c", Arrays.asList(1.5e-7, null));
        // python3 -c 'import json; print(json.dumps({"b": 1, "a": "\u00fc\x7f\b", "c": [1.5e-7, None]},
        //                                           sort_keys=True))'
        assertEquals("{\"a\": \"\\u00fc\\u007f\\b\", \"b\": 1, \"c\": [1.5e-07, null]}",
                PythonJson.dumps(null, true, true).write(result));
    }
}
