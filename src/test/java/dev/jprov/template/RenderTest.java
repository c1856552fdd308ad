package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Task values: native values for a lone {{ expr }}, strings for mixed text, untouched non-templates. */
class RenderTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("site.yaml"), 12, 7);

    static Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lst", new ArrayList<>(List.of(1, "a")));
        v.put("d", new LinkedHashMap<>(Map.of("x", 1)));
        v.put("n", null);
        v.put("flag", true);
        v.put("name", "web01");
        v.put("port", 8080);
        v.put("ratio", 0.5);
        return v;
    }

    static Stream<Arguments> values() {
        return Stream.of(
                // no-op: no markup, returned as is
                Arguments.of("plain text", "plain text"),
                Arguments.of("", ""),
                Arguments.of("{ not a template }", "{ not a template }"),
                Arguments.of(42, 42),
                Arguments.of(null, null),
                Arguments.of(true, true),
                // one expression: its native value, as module args and loop get it
                Arguments.of("{{ lst }}", List.of(1, "a")),
                Arguments.of("{{ d }}", Map.of("x", 1)),
                Arguments.of("{{ n }}", null),
                Arguments.of("{{ flag }}", true),
                Arguments.of("{{ port }}", 8080),
                Arguments.of("{{ port + 1 }}", "8081"), // Ansible 2.14: text, not a number
                Arguments.of("{{ ratio }}", 0.5),
                Arguments.of("{{ 7 / 2 }}", "3.5"),
                Arguments.of("{{ name }}", "web01"),
                Arguments.of("{{ range(3) | list }}", List.of(0L, 1L, 2L)),
                Arguments.of("{{ {'b': 1, 'a': [true, none]} }}", map("b", 1L, "a", Arrays.asList(true, null))),
                Arguments.of("{{- name -}}", "web01"),
                // mixed text: a string, values printed as Python prints them (None as nothing, as Ansible)
                Arguments.of("x{{ lst }}", "x[1, 'a']"),
                Arguments.of(" {{ flag }}", " True"),
                Arguments.of("{{ name }}-{{ port }}", "web01-8080"),
                Arguments.of("n={{ n }}", "n="),
                Arguments.of("{{ name }}\n", "web01\n"),
                Arguments.of("a\n{% if flag %}\nb\n{% endif %}\n", "a\nb\n"),
                Arguments.of("{# comment #}{{ name }}", "web01"),
                // Ansible's convert_data: rendered text spelling a list, dict or bool becomes that value
                Arguments.of("[{{ port }}, 'b', {{ flag }}]", List.of(8080L, "b", true)),
                Arguments.of("{'p': {{ port }}, 'n': null}", map("p", 8080L, "n", null)),
                Arguments.of("{{ flag }}{{ '' }}", true),
                Arguments.of("{{ 'False' }}", false),
                Arguments.of("[{{ name }}]", "[web01]"),
                Arguments.of("[1, 2", "[1, 2"),
                Arguments.of("{{ '[1, 2' }}", "[1, 2"),
                Arguments.of("True", "True"),
                // containers recursively, keys too
                Arguments.of(List.of("{{ name }}", 1, List.of("{{ port }}")), List.of("web01", 1, List.of(8080))),
                Arguments.of(map("{{ name }}_key", "{{ lst }}", "plain", "v"), map("web01_key", List.of(1, "a"), "plain", "v")));
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @ParameterizedTest
    @MethodSource("values")
    void rendersTaskValues(Object input, Object expected) {
        assertEquals(expected, TEMPLAR.render(input, vars(), WHERE));
    }

    @Test
    void returnsNonTemplateStringsWithoutCopying() {
        String s = new String("no markup here");
        assertSame(s, TEMPLAR.render(s, vars(), WHERE));
    }

    @Test
    void resultsArePlainJavaCollections() {
        Object out = TEMPLAR.render("{{ lst }}", vars(), WHERE);
        assertEquals(ArrayList.class, out.getClass());
        Object tuple = TEMPLAR.render("{{ [1, 2] | zip([3, 4]) | first }}", vars(), WHERE);
        assertEquals(ArrayList.class, tuple.getClass());
    }

    @Test
    void omitRendersToThePlaceholderTheEngineDrops() {
        assertEquals(Templar.OMIT, TEMPLAR.render("{{ omit }}", vars(), WHERE));
        assertEquals(Templar.OMIT, TEMPLAR.render("{{ n | default(omit, true) }}", vars(), WHERE));
    }
}
