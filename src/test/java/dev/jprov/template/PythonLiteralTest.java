package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ansible's literal_eval conversion of rendered strings (ansible_eval_concat). */
class PythonLiteralTest {

    static Stream<Arguments> cases() {
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("a", 1L);
        dict.put(2L, Arrays.asList(true, null, -1.5));
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("", ""),
                Arguments.of("True", true),
                Arguments.of("False", false),
                Arguments.of("None", "None"), // only [, { and True/False are tried, as Ansible
                Arguments.of("42", "42"),
                Arguments.of("[]", List.of()),
                Arguments.of("[1, 'two', \"three\", 4.5, -6]", List.of(1L, "two", "three", 4.5, -6L)),
                Arguments.of("[true, false, null]", Arrays.asList(true, false, null)),
                Arguments.of("{'a': 1, 2: [True, None, -1.5]}", dict),
                Arguments.of("[(1, 2)]", List.of(List.of(1L, 2L))),
                Arguments.of("['it\\'s', 'a\\nb']", List.of("it's", "a\nb")),
                Arguments.of("[0x1f, 1_000, 1e3]", List.of(31L, 1000L, 1000.0)),
                Arguments.of("[1, 2", "[1, 2"),
                Arguments.of("[web01]", "[web01]"),
                Arguments.of("[1] trailing", "[1] trailing"),
                Arguments.of("{a: 1}", "{a: 1}"),
                Arguments.of("[01]", "[01]"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void convertsAsAnsible(String rendered, Object expected) {
        assertEquals(expected, PythonLiteral.convert(rendered));
    }
}
