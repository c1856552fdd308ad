package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.TestModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * copy's content when it is not a string. Each row's expected bytes are what ansible-playbook 2.14.18 (Debian 12)
 * left for {@code copy: {dest: ..., content: VALUE}} with the same YAML value: its action plugin writes a dict or
 * list as json.dumps(content) and anything else as str(content).
 */
class CopyContentTest {

    @TempDir
    Path dir;

    private final ModuleHost host = ModuleHost.local();

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("nested dict, keys in their order",
                        "{b: 1, a: [1, 2.5, true, null, \"x\"], c: {z: \"ü €\", y: []}, d: {}}",
                        "{\"b\": 1, \"a\": [1, 2.5, true, null, \"x\"], \"c\": {\"z\": \"\\u00fc \\u20ac\", \"y\": []}, \"d\": {}}"),
                Arguments.of("unicode, escapes and control characters",
                        "{\"grüße\": \"日本語 😀\", \"tab\\there\": \"quote\\\"back\\\\slash\", \"ctl\": \"\\u0001\\u007f\"}",
                        "{\"gr\\u00fc\\u00dfe\": \"\\u65e5\\u672c\\u8a9e \\ud83d\\ude00\", \"tab\\there\": "
                                + "\"quote\\\"back\\\\slash\", \"ctl\": \"\\u0001\\u007f\"}"),
                Arguments.of("list of numbers",
                        "[1, -2, 3.0, 0.1, 1.5e+300, 12345678901234567890, .inf, -.inf, .nan]",
                        "[1, -2, 3.0, 0.1, 1.5e+300, 12345678901234567890, Infinity, -Infinity, NaN]"),
                Arguments.of("booleans and nulls", "[true, false, yes, no, null, ~]",
                        "[true, false, true, false, null, null]"),
                Arguments.of("empty list", "[]", "[]"),
                Arguments.of("empty dict", "{}", "{}"),
                Arguments.of("an int is str()'d", "42", "42"),
                Arguments.of("a bool is str()'d", "true", "True"),
                Arguments.of("a float is str()'d", "1.50", "1.5"),
                Arguments.of("a string is written as it is", "'{\"a\": 1}'", "{\"a\": 1}"),
                Arguments.of("a plain string", "\"plain text\\n\"", "plain text\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void writesWhatAnsibleWrites(String name, String yaml, String ansibleWrote) {
        assertArrayEquals(ansibleWrote.getBytes(StandardCharsets.UTF_8), new CopyContent(yamlValue(yaml)).bytes(),
                () -> new CopyContent(yamlValue(yaml)).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void writesOnceThenIsANoOp(String name, String yaml, String ansibleWrote) throws IOException {
        ModuleHost.Applied run = host.apply(copy(yamlValue(yaml)));
        assertEquals(Action.CREATE, run.planned().changes().get(0).action());
        assertArrayEquals(ansibleWrote.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("c")));
        Planned again = host.plan(copy(yamlValue(yaml)));
        assertFalse(again.changesHost(), () -> "second run changes: " + again.changes());
    }

    /** Nothing JSON has no type for comes from YAML; a template's value could be one. */
    record Opaque() {}

    @Test
    void aValueJsonCannotWriteFailsAsAnsibleDoes() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> new CopyContent(Map.of("k", new Opaque())).bytes());
        assertEquals("could not write content temp file: Object of type Opaque is not JSON serializable",
                e.getMessage());
    }

    private dev.jprov.modules.Invocation copy(Object content) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("content", content);
        a.put("dest", dir.resolve("c").toString());
        return new CopyModule().prepare(new Args("copy", a), TestModuleContext.simple(dir));
    }

    /** The value as jprov's YAML loader types it, as in a playbook's {@code content: VALUE}. */
    private static Object yamlValue(String yaml) {
        YamlNode.Mapping m = (YamlNode.Mapping) new YamlReader().read(null, "content: " + yaml + "\n");
        return m.get("content").toPlain();
    }
}
