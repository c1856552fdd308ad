package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.FileFacts;
import dev.jprov.modules.Args;
import dev.jprov.modules.LocalFileFacts;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Planned;
import dev.jprov.modules.TestModuleContext;
import dev.jprov.modules.files.FileModulesTest.Setup;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * copy onto a special file, as Ansible 2.14 does it: the node has no checksum, so it is always replaced by a
 * regular file with the content, keeping its permission bits (atomic_move), and the task is changed; force=no
 * leaves it. A FIFO stands in for a device (any user can make one, and the probe classifies both as OTHER);
 * /dev/null itself is only planned against, never written.
 */
class SpecialFileDestTest {

    @TempDir
    Path dir;

    private final ModuleHost host = ModuleHost.local();

    static Stream<Arguments> rows() {
        Setup fifo640 = d -> mkfifo(d.resolve("p"), "640");
        Setup regularX = d -> {
            Files.writeString(d.resolve("p"), "x");
            FileModulesTest.chmod(d.resolve("p"), "644");
        };
        // name, setup, arguments, planned action, then what is at {d}/p afterwards: type, content, mode
        return Stream.of(
                Arguments.of("content replaces a FIFO, keeping its mode", fifo640, Map.of("content", "x"),
                        Action.UPDATE, FileFacts.Type.FILE, "x", "0640"),
                Arguments.of("a given mode wins over the FIFO's", fifo640, Map.of("content", "x", "mode", "0600"),
                        Action.UPDATE, FileFacts.Type.FILE, "x", "0600"),
                Arguments.of("a symbolic mode applies to the FIFO's", fifo640, Map.of("content", "x", "mode", "g+w"),
                        Action.UPDATE, FileFacts.Type.FILE, "x", "0660"),
                Arguments.of("force=no leaves the FIFO", fifo640, Map.of("content", "x", "force", false),
                        Action.NONE, FileFacts.Type.OTHER, null, "0640"),
                Arguments.of("no-op: the replacement already holds the content", regularX, Map.of("content", "x"),
                        Action.NONE, FileFacts.Type.FILE, "x", "0644"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void replacesLikeAnsible(String name, Setup setup, Map<String, Object> given, Action action,
                             FileFacts.Type typeAfter, String contentAfter, String modeAfter) throws IOException {
        setup.in(dir);
        Path p = dir.resolve("p");
        ModuleHost.Applied run = host.apply(copy(given, TestModuleContext.simple(dir)));
        assertEquals(Planned.Outcome.OK, run.planned().outcome(), () -> "result " + run.result());
        assertEquals(action, run.planned().changes().get(0).action());
        assertEquals(action != Action.NONE, run.changed());
        assertEquals(modeAfter, run.result().get("mode"));
        FileFacts after = LocalFileFacts.of(p.toString());
        assertEquals(typeAfter, after.type());
        assertEquals(modeAfter, after.mode());
        if (contentAfter != null) assertEquals(contentAfter, Files.readString(p));
        Planned again = host.plan(copy(given, TestModuleContext.simple(dir)));
        assertFalse(again.changesHost(), () -> "second run changes: " + again.changes());
    }

    @Test
    void checkModePlansTheReplacementWithoutWriting() throws IOException {
        mkfifo(dir.resolve("p"), "640");
        Planned p = host.plan(copy(Map.of("content", "x"), TestModuleContext.simple(dir).withDiff()));
        Change c = p.changes().get(0);
        assertEquals(Action.UPDATE, c.action());
        Step.WriteFile w = assertInstanceOf(Step.WriteFile.class, c.steps().get(0));
        assertEquals(Optional.empty(), w.mode(), "the executor keeps the node's mode");
        assertEquals(Optional.empty(), w.backupSuffix());
        // Ansible's diff reads /dev/null as empty; jprov never reads a special file at all.
        assertEquals("", c.diff().before());
        assertEquals("x", c.diff().after());
        assertEquals(FileFacts.Type.OTHER, LocalFileFacts.of(dir.resolve("p").toString()).type());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("p")), left.toList());
        }
    }

    @Test
    void devNullIsPlannedAsAReplacementLikeAnsibleAsRoot() {
        FileFacts devNull = LocalFileFacts.of("/dev/null");
        // A machine where ansible-playbook (or jprov) already ran copy: dest=/dev/null as root has a regular file
        // there, which is what this test exists to tell apart: such a machine needs `mknod -m 666 /dev/null c 1 3`.
        assertEquals(FileFacts.Type.OTHER, devNull.type(), "/dev/null is not a device on this machine: " + devNull);
        Planned p = host.plan(new CopyModule().prepare(new Args("copy", Map.of("dest", "/dev/null", "content", "x")),
                TestModuleContext.simple(dir)));
        assertEquals(Planned.Outcome.OK, p.outcome());
        assertEquals(Action.UPDATE, p.changes().get(0).action());
        assertTrue(p.changesHost());
        assertEquals("0666", p.result().get("mode"));
        assertEquals(FileFacts.Type.OTHER, LocalFileFacts.of("/dev/null").type());
    }

    private dev.jprov.modules.Invocation copy(Map<String, Object> given, TestModuleContext context) {
        Map<String, Object> a = new LinkedHashMap<>(given);
        a.put("dest", dir.resolve("p").toString());
        return new CopyModule().prepare(new Args("copy", a), context);
    }

    private static void mkfifo(Path p, String mode) {
        var r = ModuleHost.local().exec("mkfifo -m " + mode + " '" + p + "'");
        if (r.exitCode() != 0) throw new IllegalStateException("mkfifo: " + r.stderrText());
    }
}
