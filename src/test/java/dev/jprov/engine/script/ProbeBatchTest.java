package dev.jprov.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.FileContent;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.plan.Cmd;
import dev.jprov.facts.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeBatchTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/dash"})
    void answersFilesAndShellProbesFromOneScript(String shell) throws Exception {
        Path file = dir.resolve("a file.txt");
        Files.writeString(file, "hello\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        Path missing = dir.resolve("missing");

        var fileProbe = new Probe.FileInfo(file.toString(), true, false);
        var dirProbe = new Probe.FileInfo(sub.toString(), true, false);
        var linkProbe = new Probe.FileInfo(link.toString(), false, false);
        var followProbe = new Probe.FileInfo(link.toString(), true, true);
        var missingProbe = new Probe.FileInfo(missing.toString(), true, false);
        var noNewline = new Probe.Shell(new Cmd(List.of("printf", "%s", "no newline")).toShell(), List.of());
        var failing = new Probe.Shell("echo out; echo err >&2; false", List.of(Resource.ANY));
        var empty = new Probe.Shell("true", List.of());

        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(
                List.of(fileProbe, dirProbe, linkProbe, followProbe, missingProbe, noNewline, failing, empty));
        Map<Probe, Object> answers = batch.answers(LocalSh.run(shell, batch.script()));

        FileFacts f = (FileFacts) answers.get(fileProbe);
        assertEquals(FileFacts.Type.FILE, f.type());
        assertEquals("0640", f.mode());
        assertEquals(6, f.size());
        assertEquals(sha256("hello\n"), f.sha256().orElseThrow());
        assertEquals(FileFacts.Type.DIRECTORY, ((FileFacts) answers.get(dirProbe)).type());
        FileFacts l = (FileFacts) answers.get(linkProbe);
        assertEquals(FileFacts.Type.LINK, l.type());
        assertEquals(file.toString(), l.linkTarget().orElseThrow());
        FileFacts followed = (FileFacts) answers.get(followProbe);
        assertEquals(FileFacts.Type.FILE, followed.type());
        assertEquals(sha256("hello\n"), followed.sha256().orElseThrow());
        assertFalse(((FileFacts) answers.get(missingProbe)).exists());
        assertEquals(new ProbeAnswer(0, "no newline", ""), answers.get(noNewline));
        assertEquals(new ProbeAnswer(1, "out\n", "err\n"), answers.get(failing));
        assertEquals(new ProbeAnswer(0, "", ""), answers.get(empty));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/dash"})
    void aProbeThatExitsAnswersWithItsCodeAndTheNextProbesStillRun(String shell) throws Exception {
        var exits = new Probe.Shell("set -- changed; jp_mine=1; echo gone; exit 3", List.of());
        var zero = new Probe.Shell("echo early; exit 0; echo never", List.of());
        var after = new Probe.Shell("echo \"${1:-none} ${jp_mine:-none}\"", List.of());
        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(List.of(exits, zero, after));
        Map<Probe, Object> answers = batch.answers(LocalSh.run(shell, batch.script()));
        assertEquals(new ProbeAnswer(3, "gone\n", ""), answers.get(exits));
        assertEquals(new ProbeAnswer(0, "early\n", ""), answers.get(zero));
        assertEquals(new ProbeAnswer(0, "none none\n", ""), answers.get(after), "nothing a probe sets outlives it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh"})
    void emptyBatchStillRuns(String shell) throws Exception {
        ProbeBatch batch = new ProbeBatch(Boundary.random());
        assertTrue(batch.isEmpty());
        assertTrue(batch.answers(LocalSh.run(shell, batch.script())).isEmpty());
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static java.util.stream.Stream<List<String>> shells() {
        return java.util.stream.Stream.of(List.of("/bin/dash"), List.of("/bin/busybox", "sh"),
                List.of("/bin/bash", "--posix"));
    }

    /** A file's bytes come back exactly (every byte value, empty, missing, cut at the diff limit) in every shell. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("shells")
    void fileContentIsByteExact(List<String> shell) throws Exception {
        if (!Files.isExecutable(Path.of(shell.get(0)))) {
            throw new AssertionError(shell.get(0) + " is missing: testbed/setup installs it (dash, busybox, bash)");
        }
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        Path f = dir.resolve("it's a \"file\"");
        var whole = Probe.FileContent.whole(f.toString());
        var limited = Probe.FileContent.forDiff(f.toString());
        var missing = Probe.FileContent.whole(dir.resolve("missing").toString());

        Files.write(f, bytes);
        assertEquals(new FileContent.Bytes(bytes), read(shell, whole));
        Files.write(f, new byte[0]);
        assertEquals(new FileContent.Bytes(new byte[0]), read(shell, whole));
        assertEquals(new FileContent.Absent(), read(shell, missing));
        assertEquals(new FileContent.Absent(), read(shell, Probe.FileContent.whole(dir.toString())));
        Files.write(f, new byte[(int) Probe.FileContent.DIFF_LIMIT + 10]);
        assertEquals(Probe.FileContent.DIFF_LIMIT + 1, read(shell, limited).bytes(f.toString()).orElseThrow().length);
    }

    private static FileContent read(List<String> shell, Probe.FileContent probe) throws Exception {
        ProbeBatch batch = new ProbeBatch(Boundary.random()).add(probe);
        List<String> argv = new java.util.ArrayList<>(shell);
        argv.add("-s");
        var result = new dev.jprov.transport.LocalShell().exec(new Cmd(argv),
                batch.script().text().getBytes(StandardCharsets.UTF_8));
        return (FileContent) batch.answers(result).get(probe);
    }
}
