package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jprov.modules.Args;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Module;
import dev.jprov.modules.TestModuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.yaml.snakeyaml.Yaml;

/**
 * lineinfile, blockinfile, replace and ini_file against Ansible itself: textedit-expected.json and
 * fileedit-expected.json hold what ansible-playbook 2.14 (community.general 6.6) left in the file for each case of
 * textedit-cases.json and fileedit-cases.json (regenerate with generate-textedit-expected.py [fileedit]). Each
 * case is planned from real probes of a temp file and applied by {@link ModuleHost}; the bytes must be identical,
 * and a second run of a case that succeeded must be a no-op.
 */
class TextEditAgainstAnsibleTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        return Stream.concat(cases("textedit"), cases("fileedit"));
    }

    @SuppressWarnings("unchecked")
    private static Stream<Arguments> cases(String set) throws IOException {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) load(set + "-cases.json");
        Map<String, Map<String, Object>> expected = (Map<String, Map<String, Object>>) load(set + "-expected.json");
        return cases.stream().map(c -> Arguments.of(c.get("name"), c, expected.get((String) c.get("name"))));
    }

    private static final Map<String, Module> MODULES = Map.of("lineinfile", new LineInFileModule(),
            "blockinfile", new BlockInFileModule(), "replace", new ReplaceModule(), "ini_file", new IniFileModule());

    private static Object load(String name) throws IOException {
        try (InputStream in = TextEditAgainstAnsibleTest.class.getResourceAsStream(name)) {
            return new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leavesTheBytesAnsibleLeaves(String name, Map<String, Object> c, Map<String, Object> want) throws IOException {
        Path file = dir.resolve("sub").resolve("target");
        Files.createDirectories(file.getParent());
        String before = (String) c.get("before");
        if (before != null) Files.write(file, before.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) c.get("args"));
        args.put("path", file.toString());
        Module module = MODULES.get((String) c.get("module"));
        ModuleHost host = ModuleHost.local();
        var context = TestModuleContext.simple(dir);

        ModuleHost.Applied run = host.apply(module.prepare(new Args((String) c.get("module"), args), context));

        assertEquals(want.get("failed"), run.failed(), "failed, result " + run.result());
        assertEquals(want.get("changed"), run.changed(), "changed, result " + run.result());
        assertEquals(((String) want.get("msg")).replace("{path}", file.toString()), run.result().get("msg"));
        String after = (String) want.get("after");
        if (after == null) {
            assertFalse(Files.exists(file), "file must stay absent");
        } else {
            assertArrayEquals(after.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file),
                    () -> "content: " + readable(file));
        }
        if (!run.failed()) {
            ModuleHost.Applied again = host.apply(module.prepare(new Args((String) c.get("module"), args), context));
            // Ansible is not idempotent on every case (insertafter of a line glued to an unterminated last line):
            // the second run must do what Ansible's second run did.
            assertEquals(want.get("changed_again"), again.changed(), "second run changed");
        }
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file).replace("\r", "\\r").replace("\n", "\\n");
        } catch (IOException e) {
            return e.toString();
        }
    }
}
