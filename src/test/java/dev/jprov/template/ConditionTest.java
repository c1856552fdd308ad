package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** when / changed_when / failed_when / assert that, evaluated as Ansible 2.14's Conditional does. */
class ConditionTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("site.yaml"), 20, 7);

    static Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("enabled", true);
        v.put("disabled", false);
        v.put("false_string", "false"); // a non-empty string: true, as in Jinja (checked with ansible 2.14)
        v.put("empty", "");
        v.put("count", 3);
        v.put("os", "FreeBSD");
        v.put("r", Map.of("rc", 0, "changed", true, "stdout", "ok\nready"));
        v.put("items", List.of("a", "b"));
        v.put("flag_template", "{{ count > 2 }}");
        v.put("nothing", null);
        return v;
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                // no-op: no condition at all
                Arguments.of(null, true),
                Arguments.of("", true),
                Arguments.of(List.of(), true),
                Arguments.of(true, true),
                Arguments.of(false, false),
                Arguments.of("enabled", true),
                Arguments.of("disabled", false),
                Arguments.of("not disabled", true),
                Arguments.of("false_string", true),
                Arguments.of("empty", false),
                Arguments.of("nothing", false),
                Arguments.of("count > 2", true),
                Arguments.of("count == 3 and os == 'FreeBSD'", true),
                // a string is never equal to a number, as in Python (the handlers target's order.yml: '1234' != 1234)
                Arguments.of("'3' == count", false),
                Arguments.of("count != '3'", true),
                Arguments.of("os in ['Linux', 'Darwin']", false),
                Arguments.of("os is match('Free')", true),
                Arguments.of("missing is defined", false),
                Arguments.of("missing is not defined", true),
                Arguments.of("missing | default(true)", true),
                Arguments.of("missing is string or missing is none or missing is mapping", false),
                Arguments.of("r.rc == 0", true),
                Arguments.of("r is changed", true),
                Arguments.of("'ready' in r.stdout", true),
                Arguments.of("r.stdout_lines is defined", false),
                Arguments.of("items | length > 1", true),
                Arguments.of("flag_template", true),
                Arguments.of("flag_template | bool", true),
                Arguments.of("'{{ enabled }}'", true),
                Arguments.of("{{ enabled }}", true),
                Arguments.of("{{ disabled }}", false),
                Arguments.of("{{ items }}", true),
                Arguments.of(List.of("enabled", "count > 2"), true),
                Arguments.of(List.of("enabled", "disabled"), false),
                Arguments.of(Arrays.asList(true, "os == 'FreeBSD'"), true),
                // all must hold: a false first condition stops before an undefined second one, as Ansible
                Arguments.of(List.of("disabled", "missing"), false));
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void evaluatesAsAnsible(Object condition, boolean expected) {
        assertEquals(expected, TEMPLAR.evaluateCondition(condition, vars(), WHERE));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("missing", "site.yaml:20:7: The conditional check 'missing' failed. The error was: "
                        + "error while evaluating conditional (missing): 'missing' is undefined"),
                Arguments.of("r.nope == 1", "site.yaml:20:7: The conditional check 'r.nope == 1' failed. The error was: "
                        + "error while evaluating conditional (r.nope == 1): 'dict object' has no attribute 'nope'"),
                Arguments.of(List.of("enabled", "missing > 1"), "site.yaml:20:7: The conditional check 'missing > 1' failed. "
                        + "The error was: error while evaluating conditional (missing > 1): 'missing' is undefined"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void undefinedNamesFailWithTheCondition(Object condition, String message) {
        TemplateException e = assertThrows(TemplateException.class, () -> TEMPLAR.evaluateCondition(condition, vars(), WHERE));
        assertEquals(message, e.getMessage());
    }
}
