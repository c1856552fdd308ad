package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** key=value parsing; every expected value is what ansible-core 2.14's parse_kv returns for the same input. */
class KeyValueArgsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", false, map()),
                Arguments.of("path=/x state=touch", false, map("path", "/x", "state", "touch")),
                Arguments.of("src=a dest='/tmp/with space' mode=0644", false,
                        map("src", "a", "dest", "/tmp/with space", "mode", "0644")),
                Arguments.of("msg=\"hello world\"", false, map("msg", "hello world")),
                Arguments.of("ls -l /tmp", true, map("_raw_params", "ls -l /tmp")),
                Arguments.of("echo a=b creates=/tmp/x chdir=/var", true,
                        map("creates", "/tmp/x", "chdir", "/var", "_raw_params", "echo a=b")),
                Arguments.of("echo 'quoted arg' && true", true, map("_raw_params", "echo 'quoted arg' && true")),
                Arguments.of("msg={{ foo | default('a b') }}", false, map("msg", "{{ foo | default('a b') }}")),
                Arguments.of("line='a=b' regexp=^a=", false, map("line", "a=b", "regexp", "^a=")),
                Arguments.of("a=1 b=\"x\\ty\"", false, map("a", "1", "b", "x\ty")),
                Arguments.of("free words here", false, map("_raw_params", "free words here")),
                Arguments.of("echo one\necho two", true, map("_raw_params", "echo one\necho two")),
                Arguments.of("key=val\\=ue", false, map("key", "val\\=ue")),
                Arguments.of("a\\=b", false, map("_raw_params", "a=b")),
                Arguments.of("cmd={% if x %}a b{% endif %}", false,
                        map("cmd", "{% if x %}a", "_raw_params", "b{% endif %}")),
                Arguments.of("path=/x   state=touch", false, map("path", "/x", "state", "touch")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void parsesAsAnsibleDoes(String input, boolean freeForm, Map<String, Object> expected) {
        assertEquals(expected, KeyValueArgs.parse(input, freeForm));
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg='unbalanced", "x={{ foo"})
    void unbalancedQuotesOrJinjaAreErrors(String input) {
        KeyValueArgs.SplitException e = assertThrows(KeyValueArgs.SplitException.class,
                () -> KeyValueArgs.parse(input, false));
        assertEquals("failed at splitting arguments, either an unbalanced jinja2 block or quotes: " + input,
                e.getMessage());
    }

    private static Map<String, Object> map(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
