package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The messages of json_query, dict(), qualified names, the ip filters and product when they fail, with the
 * template and line: a task value names the task's file:line, a template file its own line. (What Ansible printed
 * for each expression is in the recorded rows of RecordedExpressionTest.)
 */
class TemplateFeatureErrorTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("site.yaml"), 12, 7);

    static Stream<Arguments> taskValues() {
        return Stream.of(
                Arguments.of("{{ [1] | ansible.utils.nope }}", "site.yaml:12:7: No filter named 'ansible.utils.nope'."),
                Arguments.of("{{ 'a' | ansible.builtin.upper }}", "site.yaml:12:7: No filter named 'ansible.builtin.upper'."),
                Arguments.of("{{ 'a' | ansible.posix.anything }}", "site.yaml:12:7: No filter named 'ansible.posix.anything'."),
                Arguments.of("{{ 'a' is ansible.builtin.nope }}", "site.yaml:12:7: No test named 'ansible.builtin.nope'."),
                Arguments.of("{{ 'a' is not community.general.nope }}", "site.yaml:12:7: No test named 'community.general.nope'."),
                Arguments.of("{{ {} | json_query('[') }}", "site.yaml:12:7: JMESPathError in json_query filter plugin:\n"
                        + "Unable to compile expression \"[\": syntax error no viable alternative at input '[' at position 1"),
                Arguments.of("{{ {'b': 'x'} | json_query('abs(b)') }}", "site.yaml:12:7: JMESPathError in json_query filter plugin:\n"
                        + "Invalid argument type calling \"abs\": expected number but was string"),
                Arguments.of("{{ dict([1]) }}", "site.yaml:12:7: cannot convert dictionary update sequence element #0 to a sequence"),
                Arguments.of("{{ dict([['a', 1, 2]]) }}", "site.yaml:12:7: dictionary update sequence element #0 has length 3; 2 is required"),
                Arguments.of("{{ dict(1) }}", "site.yaml:12:7: 'int' object is not iterable"),
                Arguments.of("{{ 'x' | ipmath(1) }}", "site.yaml:12:7: You must pass a valid IP address; x is invalid"),
                Arguments.of("{{ '1.2.3.4' | ipmath('a') }}", "site.yaml:12:7: [\"argument 'amount' is of type <class 'str'> and we "
                        + "were unable to convert to int: <class 'str'> cannot be converted to an int\"]"),
                Arguments.of("{{ '1.2.3.4/24' | ipaddr('nosuch') }}", "site.yaml:12:7: ipaddr: unknown filter type: nosuch"),
                Arguments.of("{{ '1.2.3.4/24' | ipv4('nosuch') }}", "site.yaml:12:7: ipv4: unknown filter type: nosuch"),
                Arguments.of("{{ '1.2.3.4' | ipaddr('first_usable') }}", "site.yaml:12:7: Not a network address"),
                Arguments.of("{{ '10.0.0.0/16' | ipsubnet(8) }}", "site.yaml:12:7: Requested subnet size of 8 is invalid"),
                Arguments.of("{{ '10.0.0.0/24' | ipsubnet('192.168.0.0/16') }}", "site.yaml:12:7: 10.0.0.0/24 is not in the subnet 192.168.0.0/16"),
                Arguments.of("{{ '255.255.255.255' | ipmath(1) }}", "site.yaml:12:7: Unexpected templating type error occurred "
                        + "on filter 'ipmath': result outside valid IP address boundary!"),
                Arguments.of("{{ [1] | product([2], repeat=-1) }}", "site.yaml:12:7: repeat argument cannot be negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskValues")
    void taskValueErrorsNameTheTask(String template, String message) {
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> TEMPLAR.render(template, Map.of(), WHERE));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> templateFiles() {
        return Stream.of(
                Arguments.of("a\n{{ x | ansible.utils.nope }}\n", "t.j2:2: No filter named 'ansible.utils.nope'."),
                Arguments.of("a\nb\n{{ x | json_query('[') }}\n", "t.j2:3: JMESPathError in json_query filter plugin:\n"
                        + "Unable to compile expression \"[\": syntax error no viable alternative at input '[' at position 1"),
                Arguments.of("{% if true %}\n{{ dict([1]) }}\n{% endif %}\n", "t.j2:2: cannot convert dictionary update sequence element #0 to a sequence"),
                Arguments.of("\n\n\n{{ 'x' | ipmath(1) }}\n", "t.j2:4: You must pass a valid IP address; x is invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFiles")
    void templateFileErrorsNameTheLine(String text, String message, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.j2");
        java.nio.file.Files.writeString(file, text);
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> TEMPLAR.renderTemplateFile(file, Map.of("x", 1)));
        assertEquals(message, e.getMessage().replace(dir.toString() + "/", ""));
    }
}
