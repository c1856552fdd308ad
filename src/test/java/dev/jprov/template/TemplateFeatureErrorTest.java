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
                Arguments.of("{{ [1] | product([2], repeat=-1) }}", "site.yaml:12:7: repeat argument cannot be negative"),
                Arguments.of("{{ all([1]) }}", "site.yaml:12:7: 'all' is undefined"),
                Arguments.of("{{ any([1]) }}", "site.yaml:12:7: 'any' is undefined"),
                Arguments.of("{{ zip([1], [2]) }}", "site.yaml:12:7: 'zip' is undefined"),
                Arguments.of("{{ 5 is all }}", "site.yaml:12:7: 'int' object is not iterable"),
                Arguments.of("{{ '%d' % 'x' }}", "site.yaml:12:7: %d format: a real number is required, not str"),
                Arguments.of("{{ '%x' % 1.5 }}", "site.yaml:12:7: %x format: an integer is required, not float"),
                Arguments.of("{{ '%f' % 'x' }}", "site.yaml:12:7: must be real number, not str"),
                Arguments.of("{{ '%s %s' % ('a',) }}", "site.yaml:12:7: not enough arguments for format string"),
                Arguments.of("{{ '%s' % ('a', 'b') }}", "site.yaml:12:7: not all arguments converted during string formatting"),
                Arguments.of("{{ '%(a)s' % ('x',) }}", "site.yaml:12:7: format requires a mapping"),
                Arguments.of("{{ '%(b)s' % {'a': 1} }}", "site.yaml:12:7: KeyError: 'b'"),
                Arguments.of("{{ '%y' % 1 }}", "site.yaml:12:7: unsupported format character 'y' (0x79)"),
                Arguments.of("{{ '%' % () }}", "site.yaml:12:7: incomplete format"),
                Arguments.of("{{ '%c' % 'ab' }}", "site.yaml:12:7: %c requires int or char"),
                Arguments.of("{{ 5 % 0 }}", "site.yaml:12:7: integer modulo by zero"),
                Arguments.of("{{ 5.0 % 0 }}", "site.yaml:12:7: float modulo"),
                Arguments.of("{{ [1] % 2 }}", "site.yaml:12:7: unsupported operand type(s) for %: 'list' and 'int'"),
                Arguments.of("{{ '%s' | format(1, a=2) }}", "site.yaml:12:7: can't handle positional and keyword arguments at the same time"),
                Arguments.of("{{ lookup('vars', 'nope') }}", "site.yaml:12:7: No variable found with this name: nope"),
                Arguments.of("{{ lookup('vars', 'nope', default=none) }}", "site.yaml:12:7: No variable found with this name: nope"),
                Arguments.of("{{ lookup('varnames', '[') }}",
                        "site.yaml:12:7: Unable to use \"[\" as a search parameter: unterminated character set at position 0"),
                Arguments.of("{{ lookup('varnames', 1) }}",
                        "site.yaml:12:7: Invalid setting identifier, \"1\" is not a string, it is a <class 'int'>"),
                Arguments.of("{{ lookup('community.general.merge_variables', '__c$') }}", "site.yaml:12:7: The key 'k' "
                        + "with value '1' will be overwritten with value '2' from 'clash_2__c.k'"),
                Arguments.of("{{ lookup('community.general.merge_variables', '__m$') }}",
                        "site.yaml:12:7: Unable to merge, not all variables are of the same type"),
                Arguments.of("{{ lookup('community.general.merge_variables', '^scalar$') }}",
                        "site.yaml:12:7: Not supported type detected, variable must be a list or a dict"),
                Arguments.of("{{ lookup('community.general.merge_variables', 'x', pattern_type='glob') }}",
                        "site.yaml:12:7: value of pattern_type must be one of: regex, prefix, suffix, got: glob"),
                Arguments.of("{{ lookup('merge_variables', '__c$') }}", "site.yaml:12:7: lookup plugin (merge_variables) not found"),
                Arguments.of("{{ lookup('pipe', 'exit 3') }}", "site.yaml:12:7: lookup_plugin.pipe(exit 3) returned 3"),
                Arguments.of("{{ lookup('first_found', 'surely-not-here.txt') }}",
                        "site.yaml:12:7: No file was found when using first_found."),
                Arguments.of("{{ lookup('first_found', {'files': ['surely-not-here.txt']}, skip=True) }}",
                        "site.yaml:12:7: No file was found when using first_found."));
    }

    private static final Map<String, Object> VARS = Map.of("clash_1__c", Map.of("k", 1L), "clash_2__c", Map.of("k", 2L),
            "mixed_1__m", java.util.List.of(1L), "mixed_2__m", Map.of("a", 1L), "scalar", 5L);

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskValues")
    void taskValueErrorsNameTheTask(String template, String message) {
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> TEMPLAR.render(template, new java.util.TreeMap<>(VARS), WHERE));
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
