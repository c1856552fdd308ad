package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter and test, one row each: templates/filters.j2 and templates/tests.j2 hold a line per filter or
 * test ("bool: {{ 'yes' | bool }} ..."), expected/ holds what Ansible 2.14 rendered for them, and each row is
 * compared on its own so a failure names the filter.
 */
class FilterAndTestTableTest {
    private static final Templar TEMPLAR = new Templar();
    private static final List<String> FIXTURES = List.of("filters", "tests");
    private static Map<String, Map<String, String>> actualRows;
    private static Map<String, Map<String, String>> expectedRows;

    @BeforeAll
    static void render() {
        actualRows = new java.util.HashMap<>();
        expectedRows = new java.util.HashMap<>();
        for (String f : FIXTURES) {
            List<String> labels = AnsibleFixtures.labels(f);
            String rendered = TEMPLAR.renderTemplateFile(AnsibleFixtures.template(f), AnsibleFixtures.vars());
            actualRows.put(f, AnsibleFixtures.rows(rendered, labels));
            expectedRows.put(f, AnsibleFixtures.rows(AnsibleFixtures.expected(f), labels));
        }
    }

    static Stream<Arguments> rows() {
        List<Arguments> out = new ArrayList<>();
        for (String f : FIXTURES) for (String label : AnsibleFixtures.labels(f)) out.add(Arguments.of(f, label));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void rendersAsAnsible(String fixture, String label) {
        assertEquals(expectedRows.get(fixture).get(label), actualRows.get(fixture).get(label));
    }
}
