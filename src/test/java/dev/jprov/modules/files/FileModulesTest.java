package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.LocalFileFacts;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import dev.jprov.modules.TestModuleContext;
import dev.jprov.plan.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * file, copy, template and stat planned from real probes of a temp dir and applied by {@link ModuleHost}:
 * each row gives the host's state before, the arguments, and what must be planned and left; every row is then
 * planned again and must be a no-op.
 */
class FileModulesTest {

    @TempDir
    Path dir;

    private final ModuleHost host = ModuleHost.local();

    /** Sets up the temp dir for a row; {@code d} is the temp dir. */
    interface Setup {
        void in(Path d) throws IOException;
    }

    static Stream<Arguments> rows() {
        Setup nothing = d -> {};
        Setup file644 = d -> {
            Files.writeString(d.resolve("f"), "hello\n");
            chmod(d.resolve("f"), "644");
        };
        return Stream.of(
                Arguments.of("file mode change", new FileModule(), file644, Map.of("path", "{d}/f", "mode", "0600"), Action.UPDATE, "0600"),
                Arguments.of("file mode no-op", new FileModule(), file644, Map.of("path", "{d}/f", "mode", 420), Action.NONE, "0644"),
                Arguments.of("file symbolic mode", new FileModule(), file644, Map.of("path", "{d}/f", "mode", "u+x,g-r"), Action.UPDATE, "0704"),
                Arguments.of("directory create nested with mode", new FileModule(), nothing, Map.of("path", "{d}/a/b", "state", "directory", "mode", "0750"), Action.CREATE, "0750"),
                Arguments.of("directory no-op", new FileModule(), (Setup) d -> Files.createDirectory(d.resolve("a")), Map.of("path", "{d}/a", "state", "directory"), Action.NONE, null),
                Arguments.of("absent removes tree", new FileModule(), (Setup) d -> Files.createDirectories(d.resolve("a/b")), Map.of("path", "{d}/a", "state", "absent"), Action.DELETE, null),
                Arguments.of("absent no-op", new FileModule(), nothing, Map.of("path", "{d}/a", "state", "absent"), Action.NONE, null),
                Arguments.of("link create", new FileModule(), file644, Map.of("path", "{d}/l", "src", "{d}/f", "state", "link"), Action.CREATE, null),
                Arguments.of("link no-op", new FileModule(), (Setup) d -> {
                    file644.in(d);
                    Files.createSymbolicLink(d.resolve("l"), d.resolve("f"));
                }, Map.of("path", "{d}/l", "src", "{d}/f", "state", "link"), Action.NONE, null),
                Arguments.of("hard link create", new FileModule(), file644, Map.of("path", "{d}/h", "src", "{d}/f", "state", "hard"), Action.CREATE, null),
                Arguments.of("recurse mode", new FileModule(), (Setup) d -> {
                    Files.createDirectories(d.resolve("r/s"));
                    Files.writeString(d.resolve("r/s/x"), "x");
                    chmod(d.resolve("r"), "755");
                }, Map.of("path", "{d}/r", "state", "directory", "recurse", true, "mode", "0750"), Action.UPDATE, "0750"),
                Arguments.of("copy content new", new CopyModule(), nothing, Map.of("content", "hi\n", "dest", "{d}/c", "mode", "0640"), Action.CREATE, "0640"),
                Arguments.of("copy content same", new CopyModule(), file644, Map.of("content", "hello\n", "dest", "{d}/f"), Action.NONE, "0644"),
                Arguments.of("copy same content other mode", new CopyModule(), file644, Map.of("content", "hello\n", "dest", "{d}/f", "mode", "0600"), Action.UPDATE, "0600"),
                Arguments.of("copy content differs", new CopyModule(), file644, Map.of("content", "bye\n", "dest", "{d}/f"), Action.UPDATE, "0644"),
                Arguments.of("copy src into dir", new CopyModule(), (Setup) d -> Files.createDirectory(d.resolve("dest")), Map.of("src", "blob.txt", "dest", "{d}/dest"), Action.CREATE, null),
                Arguments.of("template", new TemplateModule(), nothing, Map.of("src", "t.j2", "dest", "{d}/t", "newline_sequence", "\r\n"), Action.CREATE, null));
    }

    static void chmod(Path p, String mode) throws IOException {
        ModuleHost.local().exec("chmod " + mode + " '" + p + "'");
    }

    private Map<String, Object> args(Map<String, Object> template) {
        Map<String, Object> a = new LinkedHashMap<>();
        template.forEach((k, v) -> a.put(k, v instanceof String s ? s.replace("{d}", dir.toString()) : v));
        return a;
    }

    private TestModuleContext context() throws IOException {
        Path local = dir.resolve("controller");
        Files.createDirectories(local.resolve("files"));
        Files.createDirectories(local.resolve("templates"));
        Files.writeString(local.resolve("files/blob.txt"), "blob\n");
        Files.writeString(local.resolve("templates/t.j2"), "a\nb\n");
        return TestModuleContext.simple(local);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plansAppliesAndIsIdempotent(String name, Module module, Setup setup, Map<String, Object> given,
                                     Action action, String modeAfter) throws IOException {
        setup.in(dir);
        Map<String, Object> a = args(given);
        ModuleHost.Applied run = host.apply(module.prepare(new Args(module.names().get(0), a), context()));
        assertEquals(Planned.Outcome.OK, run.planned().outcome(), () -> "result " + run.result());
        assertEquals(action, run.planned().changes().get(0).action());
        if (action == Action.NONE) assertTrue(run.planned().changes().get(0).steps().isEmpty());
        String path = (String) a.getOrDefault("path", a.get("dest"));
        if (module instanceof CopyModule && a.containsKey("src")) path = path + "/blob.txt";
        if (modeAfter != null) {
            assertEquals(modeAfter, LocalFileFacts.of(path).mode());
        }
        Planned again = host.plan(module.prepare(new Args(module.names().get(0), a), context()));
        assertFalse(again.changesHost(), () -> "second run changes: " + again.changes());
    }

    @Test
    void templateAppliesNewlineSequence() throws IOException {
        var ctx = context();
        host.apply(new TemplateModule().prepare(new Args("template", args(Map.of("src", "t.j2", "dest", "{d}/t",
                "newline_sequence", "\\r\\n"))), ctx));
        assertArrayEquals("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("t")));
    }

    @Test
    void copyReportsAnsibleChecksums() throws IOException {
        ModuleHost.Applied run = host.apply(new CopyModule().prepare(new Args("copy", args(Map.of("content", "hello\n",
                "dest", "{d}/c"))), context()));
        // sha1 and md5 of "hello\n", as `sha1sum`/`md5sum` print them.
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", run.result().get("checksum"));
        assertEquals("b1946ac92492d2347c6235b4d2611184", run.result().get("md5sum"));
    }

    @Test
    void copyWithDiffShowsOldAndNewText() throws IOException {
        Files.writeString(dir.resolve("f"), "old\n");
        Planned p = host.plan(new CopyModule().prepare(new Args("copy", args(Map.of("content", "new\n",
                "dest", "{d}/f"))), context().withDiff()));
        assertEquals("old\n", p.changes().get(0).diff().before());
        assertEquals("new\n", p.changes().get(0).diff().after());
    }

    @Test
    void fileDiffIsAnsiblesJson() throws IOException {
        Files.writeString(dir.resolve("f"), "x");
        chmod(dir.resolve("f"), "644");
        Planned p = host.plan(new FileModule().prepare(new Args("file", args(Map.of("path", "{d}/f", "mode", "0600"))),
                context()));
        assertEquals("{\n    \"mode\": \"0644\",\n    \"path\": \"" + dir + "/f\"\n}\n", p.changes().get(0).diff().before());
        assertEquals("{\n    \"mode\": \"0600\",\n    \"path\": \"" + dir + "/f\"\n}\n", p.changes().get(0).diff().after());
    }

    @Test
    void statReportsLikeAnsible() throws IOException {
        Files.writeString(dir.resolve("f"), "hello\n");
        chmod(dir.resolve("f"), "640");
        ModuleHost.Applied run = host.apply(new StatModule().prepare(new Args("stat", args(Map.of("path", "{d}/f"))), context()));
        @SuppressWarnings("unchecked")
        Map<String, Object> stat = (Map<String, Object>) run.result().get("stat");
        assertEquals(true, stat.get("exists"));
        assertEquals(true, stat.get("isreg"));
        assertEquals("0640", stat.get("mode"));
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", stat.get("checksum"));
        assertEquals(false, stat.get("roth"));
        assertFalse(run.changed());
        ModuleHost.Applied missing = host.apply(new StatModule().prepare(new Args("stat", args(Map.of("path", "{d}/nope"))),
                context()));
        assertEquals(Map.of("exists", false), missing.result().get("stat"));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(new FileModule(), Map.of("path", "/x", "mode", "999"), "mode must be in octal or symbolic form"),
                Arguments.of(new FileModule(), Map.of("path", "/x", "state", "link"), "src is required for creating new links"),
                Arguments.of(new FileModule(), Map.of("path", "/x", "bogus", 1), "Unsupported parameters for (file) module: bogus"),
                Arguments.of(new FileModule(), Map.of("path", "/x", "state", "weird"), "value of state must be one of"),
                Arguments.of(new CopyModule(), Map.of("dest", "/x", "content", "a", "src", "b"), "src and content are mutually exclusive"),
                Arguments.of(new CopyModule(), Map.of("dest", "/x/", "content", "a"), "can not use content with a dir as dest"),
                Arguments.of(new CopyModule(), Map.of("dest", "/x", "content", "a", "validate", "true"), "validate must contain %s"),
                Arguments.of(new LineInFileModule(), Map.of("path", "/x"), "line is required with state=present"),
                Arguments.of(new LineInFileModule(), Map.of("path", "/x", "line", "a", "insertafter", "a", "insertbefore", "b"), "mutually exclusive"),
                Arguments.of(new LineInFileModule(), Map.of("path", "/x", "line", "a", "backrefs", true), "regexp is required with backrefs=true"),
                Arguments.of(new LineInFileModule(), Map.of("path", "/x", "state", "absent"), "one of line, search_string, or regexp is required"),
                Arguments.of(new StatModule(), Map.of("path", "/x", "checksum_algorithm", "crc"), "value of checksum_algorithm must be one of"));
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadArguments(Module module, Map<String, Object> args, String message) throws IOException {
        var ctx = context();
        ArgsException e = assertThrows(ArgsException.class, () -> module.prepare(new Args(module.names().get(0), args), ctx));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void symbolicModesFollowAnsible() {
        assertEquals(0755, new FileMode.Symbolic("u=rwx,g=rx,o=rx").resolve(0600, false));
        assertEquals(0644, new FileMode.Symbolic("a-x").resolve(0755, false));
        assertEquals(0755, new FileMode.Symbolic("u=rwX,go=rX").resolve(0700, true));
        assertEquals(0644, new FileMode.Symbolic("u=rwX,go=rX").resolve(0600, false));
        assertEquals(0755, new FileMode.Symbolic("+x").resolve(0644, false));
    }
}
