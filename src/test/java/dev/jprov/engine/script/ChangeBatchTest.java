package dev.jprov.engine.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeBatchTest {
    @TempDir
    Path dir;

    @Test
    void writesFilesAtomicallyAndRunsCommandsInOrder() throws Exception {
        Path target = dir.resolve("conf");
        byte[] content = new byte[300];
        for (int i = 0; i < content.length; i++) content[i] = (byte) i; // every byte value survives the trip
        ChangeBatch batch = new ChangeBatch(Boundary.random(), ".bak");
        batch.add(new Step.WriteFile(target.toString(), content, Optional.of("0600"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        batch.add(Step.Exec.of(Cmd.of("sh", "-c", "echo done; echo note >&2")));
        List<StepResult> results = batch.results(LocalSh.run("/bin/sh", batch.script()));

        assertEquals(List.of(new StepResult(0, "", ""), new StepResult(0, "done\n", "note\n")), results);
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertNoTempFiles();
    }

    @Test
    void keepsModeOfExistingFileAndMakesBackup() throws Exception {
        Path target = dir.resolve("rc.conf");
        Files.writeString(target, "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x---"));
        ChangeBatch batch = new ChangeBatch(Boundary.random(), ".1.2026-01-01@00:00:00~");
        batch.add(new Step.WriteFile(target.toString(), "new\n".getBytes(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("")));
        assertEquals(0, batch.results(LocalSh.run("/bin/sh", batch.script())).get(0).exitCode());
        assertEquals("new\n", Files.readString(target));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("old\n", Files.readString(dir.resolve("rc.conf.1.2026-01-01@00:00:00~")));
    }

    @Test
    void failedValidationLeavesTargetUntouchedAndStopsTheBatch() throws Exception {
        Path target = dir.resolve("pf.conf");
        Files.writeString(target, "keep\n");
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        batch.add(new Step.WriteFile(target.toString(), "broken\n".getBytes(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("grep -q good %s"), Optional.empty()));
        batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("never").toString())));
        List<StepResult> results = batch.results(LocalSh.run("/bin/sh", batch.script()));

        assertEquals(1, results.size());
        assertTrue(results.get(0).exitCode() != 0);
        assertEquals("keep\n", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("never")));
        assertNoTempFiles();
    }

    @Test
    void aFailedGroupSkipsOnlyItsOwnLaterSteps() throws Exception {
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        batch.add(Step.Exec.of(Cmd.of("false")), 0);
        batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("skipped").toString())), 0);
        batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("other-item").toString())), 1);
        var results = batch.resultsByStep(LocalSh.run("/bin/sh", batch.script()));
        assertEquals(java.util.Set.of(0, 2), results.keySet());
        assertFalse(Files.exists(dir.resolve("skipped")));
        assertTrue(Files.exists(dir.resolve("other-item")));
    }

    @Test
    void aFailedTaskStopsTheStepsOfLaterTasksButNotItsOtherItems() throws Exception {
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("first-task").toString())), 0, 1);
        batch.add(Step.Exec.of(Cmd.of("false")), 1, 2);
        batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("next-item").toString())), 2, 2);
        batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("later-task").toString())), 3, 3);
        var results = batch.resultsByStep(LocalSh.run("/bin/sh", batch.script()));
        assertEquals(java.util.Set.of(0, 1, 2), results.keySet());
        assertTrue(Files.exists(dir.resolve("first-task")));
        assertTrue(Files.exists(dir.resolve("next-item")), "a failed item does not stop the task's other items");
        assertFalse(Files.exists(dir.resolve("later-task")), "no step of a task after a failed one runs");
    }

    @Test
    void noStepFailsNoTaskStops() throws Exception {
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        for (int task = 1; task <= 3; task++) {
            batch.add(Step.Exec.of(Cmd.of("touch", dir.resolve("t" + task).toString())), task, task);
        }
        assertEquals(3, batch.resultsByStep(LocalSh.run("/bin/sh", batch.script())).size());
        for (int task = 1; task <= 3; task++) assertTrue(Files.exists(dir.resolve("t" + task)));
    }

    @Test
    void probesAfterTheStepsSeeWhatTheyLeftAndRunEvenAfterAFailure() throws Exception {
        Path made = dir.resolve("made");
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        batch.add(Step.WriteFile.of(made.toString(), "new\n".getBytes()), 0, 1);
        batch.add(Step.Exec.of(Cmd.of("false")), 1, 2);
        dev.jprov.facts.Probe.FileInfo stat = new dev.jprov.facts.Probe.FileInfo(made.toString(), true, false);
        ProbeBatch probes = new ProbeBatch(Boundary.random()).add(stat);
        var result = LocalSh.run("/bin/sh", batch.script(probes));

        var steps = batch.resultsByStep(result);
        assertEquals(0, steps.get(0).exitCode());
        assertTrue(steps.get(1).exitCode() != 0);
        var facts = (dev.jprov.facts.FileFacts) probes.answers(result).get(stat);
        assertEquals(dev.jprov.facts.FileFacts.Type.FILE, facts.type());
        assertEquals(4, facts.size());
    }

    @Test
    void tasksMustComeInOrder() {
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        batch.add(Step.Exec.of(Cmd.of("true")), 0, 2);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> batch.add(Step.Exec.of(Cmd.of("true")), 1, 1));
    }

    @Test
    void newFileGetsUmaskDefaultMode() throws Exception {
        Path target = dir.resolve("new");
        ChangeBatch batch = new ChangeBatch(Boundary.random(), "~");
        batch.add(Step.WriteFile.of(target.toString(), new byte[0]));
        String script = "umask 022\n" + batch.script().text();
        var result = LocalSh.run("/bin/sh", new dev.jprov.transport.RemoteScript.ChangeScript(script));
        assertEquals(0, batch.results(result).get(0).exitCode());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(0, Files.size(target));
    }

    private void assertNoTempFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".jprov-tmp")));
        }
    }
}
