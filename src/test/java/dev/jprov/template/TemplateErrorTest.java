package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.source.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Undefined variables and attributes, bad syntax and unknown filters fail with the template's location and line. */
class TemplateErrorTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation TASK = new SourceLocation(Path.of("site.yaml"), 12, 7);

    @TempDir
    static Path dir;

    static Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("d", Map.of("x", 1));
        v.put("lst", List.of(1, 2));
        v.put("name", "web01");
        return v;
    }

    static Stream<Arguments> taskStrings() {
        return Stream.of(
                Arguments.of("{{ foo }}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("x-{{ foo }}-y", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{{ foo.bar }}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{{ d.y }}", "site.yaml:12:7: 'dict object' has no attribute 'y'"),
                Arguments.of("{{ d['y'] }}", "site.yaml:12:7: 'dict object' has no attribute 'y'"),
                Arguments.of("{{ d.y.z }}", "site.yaml:12:7: 'dict object' has no attribute 'y'"),
                Arguments.of("{{ lst[5] }}", "site.yaml:12:7: list object has no element 5"),
                Arguments.of("{{ name.nope }}", "site.yaml:12:7: 'str object' has no attribute 'nope'"),
                Arguments.of("{{ foo | upper }}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{{ foo ~ 'x' }}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{{ foo == 1 }}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{{ 'a' if foo else 'b' }}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{% if foo %}x{% endif %}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{% for x in foo %}{% endfor %}", "site.yaml:12:7: 'foo' is undefined"),
                Arguments.of("{{ lst | nofilter }}", "site.yaml:12:7: No filter named 'nofilter'."),
                Arguments.of("{{ lst is notest }}", "site.yaml:12:7: No test named 'notest'."),
                Arguments.of("{{ foo | mandatory }}", "site.yaml:12:7: Mandatory variable 'foo'  not defined."),
                Arguments.of("{{ foo | mandatory('set foo') }}", "site.yaml:12:7: set foo"),
                Arguments.of("{{ 1 + 'a' }}", "site.yaml:12:7: unsupported operand type(s) for +: 'int' and 'str'"),
                Arguments.of("{{ {'a': 1} | dict2items | items2dict(key_name='x') }}",
                        "site.yaml:12:7: items2dict requires each dictionary in the list to contain the keys 'x' and 'value', got {'key': 'a', 'value': 1}"),
                Arguments.of("{{ [1] | dict2items }}", "site.yaml:12:7: dict2items requires a dictionary, got <class 'list'> instead."),
                Arguments.of("{{ x + }}", "site.yaml:12:7: template syntax error: Error parsing 'x +': syntax error at position 5, "
                        + "encountered '}', expected <IDENTIFIER>|<STRING>|<FLOAT>|<INTEGER>|'true'|'false'|'null'|'-'|'!'|'not'|'empty'|'('"),
                Arguments.of("{% for x in lst %}", "site.yaml:12:7: template syntax error: Syntax error in '{% for x in lst %}': "
                        + "Missing end tag: endfor for tag defined as: {% for x in lst %}"),
                Arguments.of("{% nosuchtag %}", "site.yaml:12:7: template syntax error: Syntax error in '{% nosuchtag %}': Unknown tag: nosuchtag"),
                Arguments.of("{{ nofunction(1) }}", "site.yaml:12:7: 'nofunction' is undefined"),
                Arguments.of("{{ lookup('nosuchlookup', 'x') }}", "site.yaml:12:7: lookup plugin (nosuchlookup) not found"));
    }

    @ParameterizedTest
    @MethodSource("taskStrings")
    void taskStringErrorsNameTheTask(String template, String message) {
        TemplateException e = assertThrows(TemplateException.class, () -> TEMPLAR.render(template, vars(), TASK));
        assertEquals(message, e.getMessage());
        assertEquals(TASK, e.location());
    }

    static Stream<Arguments> templateFiles() {
        return Stream.of(
                Arguments.of("line1\nline2\n{{ jail_ip }}\n", ":3: 'jail_ip' is undefined"),
                Arguments.of("{% for x in lst %}\n{{ x }}\n{{ x.nope }}\n{% endfor %}\n", ":3: 'int object' has no attribute 'nope'"),
                Arguments.of("a\n{% if name == 'web01' %}\nb\n{{ d.missing }}\n{% endif %}\n", ":4: 'dict object' has no attribute 'missing'"),
                Arguments.of("a\nb\n{{ name | nofilter }}\n", ":3: No filter named 'nofilter'."),
                Arguments.of("a\n\n\n\n{{ oops(}}\n", ":5: template syntax error: Error parsing 'oops(': syntax error at position 8, "
                        + "encountered '}', expected ')'"),
                Arguments.of("{% macro m(v) %}\n{{ v.nope }}\n{% endmacro %}\nx\n{{ m(d) }}\n", ":2: 'dict object' has no attribute 'nope'"),
                Arguments.of("ok\n{% if %}\n{% endif %}\n", ":2: template syntax error: Syntax error in '{% if %}': Tag 'if' expects expression"));
    }

    @ParameterizedTest
    @MethodSource("templateFiles")
    void templateFileErrorsNameTheFileAndLine(String text, String message) throws IOException {
        Path template = dir.resolve("rc.conf.j2");
        Files.writeString(template, text);
        TemplateException e = assertThrows(TemplateException.class, () -> TEMPLAR.renderTemplateFile(template, vars()));
        assertEquals(template + message, e.getMessage());
    }
}
