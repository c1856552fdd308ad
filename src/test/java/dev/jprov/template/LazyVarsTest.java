package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Variables whose values are templates render when used, recursively, like Ansible's. */
class LazyVarsTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("site.yaml"), 3, 5);

    static Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("b", "B");
        v.put("a", "{{ b }}-x");
        v.put("chain", "{{ a }}/{{ a }}");
        v.put("list_var", "{{ [b, a] }}");
        v.put("nested", Map.of("inner", "{{ a }}", "items", List.of("{{ b }}", 2)));
        v.put("count", "{{ 1 + 2 }}");
        v.put("self", "{{ self }}");
        v.put("ping", "{{ pong }}");
        v.put("pong", "x{{ ping }}");
        v.put("bad", "{{ nope }}");
        v.put("plain", "no template");
        return v;
    }

    static Stream<Arguments> lazy() {
        return Stream.of(
                Arguments.of("{{ plain }}", "no template"),
                Arguments.of("{{ a }}", "B-x"),
                Arguments.of("{{ chain }}", "B-x/B-x"),
                Arguments.of("{{ list_var }}", List.of("B", "B-x")),
                Arguments.of("{{ list_var[1] }}", "B-x"),
                Arguments.of("{{ nested.inner }}", "B-x"),
                Arguments.of("{{ nested['items'] }}", List.of("B", 2)),
                Arguments.of("{{ nested }}", Map.of("inner", "B-x", "items", List.of("B", 2))),
                // count renders to the text "3", as in Ansible 2.14 (where count + 1 is an error)
                Arguments.of("{{ count | int + 1 }}", "4"),
                Arguments.of("{{ a | upper }}", "B-X"),
                // Ansible: a variable whose template uses an undefined name is undefined itself
                Arguments.of("{{ bad | default('fallback') }}", "fallback"),
                Arguments.of("{{ bad is defined }}", false));
    }

    @ParameterizedTest
    @MethodSource("lazy")
    void rendersVariablesOnUse(String template, Object expected) {
        assertEquals(expected, TEMPLAR.render(template, vars(), WHERE));
    }

    static Stream<Arguments> loops() {
        return Stream.of(
                Arguments.of("{{ self }}", "site.yaml:3:5: recursive loop detected in template: self -> self"),
                Arguments.of("{{ ping }}", "site.yaml:3:5: recursive loop detected in template: ping -> pong -> ping"),
                Arguments.of("{{ bad }}", "site.yaml:3:5: 'nope' is undefined"));
    }

    @ParameterizedTest
    @MethodSource("loops")
    void reportsLoopsAndUndefinedInsideVariables(String template, String message) {
        TemplateException e = assertThrows(TemplateException.class, () -> TEMPLAR.render(template, vars(), WHERE));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theViewRendersOnGetAndFollowsTheMapUnderIt() {
        Map<String, Object> base = vars();
        LazyVars view = TEMPLAR.lazyVars(base);
        assertEquals("B-x", view.get("a"));
        base.put("b", "changed"); // set_fact after the view was made
        assertEquals("changed-x", view.get("a"));
        assertEquals("{{ b }}-x", view.raw().get("a"));
        assertTrue(view.containsKey("plain"));
        assertEquals(base.size(), view.size());
        assertEquals(null, view.get("absent"));
    }

    @Test
    void hostvarsOfAnotherHostRenderInThatHostsScope() {
        Map<String, Object> other = new LinkedHashMap<>(Map.of("inventory_hostname", "db1", "greeting", "hi {{ inventory_hostname }}"));
        Map<String, Object> mine = new LinkedHashMap<>(Map.of("inventory_hostname", "web1"));
        mine.put("hostvars", Map.of("db1", TEMPLAR.lazyVars(other)));
        assertEquals("hi db1 from web1", TEMPLAR.render("{{ hostvars['db1'].greeting }} from {{ inventory_hostname }}", mine, WHERE));
    }

    @Test
    void aLoopReadOutsideARenderNamesTheVariable() {
        TemplateException e = assertThrows(TemplateException.class, () -> TEMPLAR.lazyVars(vars()).get("ping"));
        assertEquals("error while rendering variable 'ping': recursive loop detected in template: ping -> pong -> ping",
                e.getMessage());
    }
}
