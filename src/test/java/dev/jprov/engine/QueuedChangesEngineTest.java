package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changes of tasks whose outcome nothing reads at once wait in the host's queue and are made together; each
 * thing that needs them made (a probe of what they write, register, a block, an include, a handler flush, the end of
 * a task list) makes them first. Marked by {@code command: touch X} tasks, whose change script says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuedChangesEngineTest {
    private final EngineRunner engine = new EngineRunner();

    private static String touch(Path dir, String name) {
        return "touch " + EngineRunner.base(dir).resolve(name);
    }

    @Test
    void aRunOfQueuedTasksIsMadeInOneRoundTripAfterOneProbeRound(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: one, copy: {dest: "{{ base }}/one", content: "1"}}
                  - {name: two, copy: {dest: "{{ base }}/two", content: "2"}}
                  - {name: three, copy: {dest: "{{ base }}/three", content: "3"}}
                """);
        assertEquals(List.of(RecordingShell.Kind.PROBE, RecordingShell.Kind.CHANGE), run.kinds(), run.toString());
        assertEquals(List.of("one=changed", "two=changed", "three=changed"), run.lines());
        assertEquals(3, run.recap().changed());
        assertEquals("3", Files.readString(EngineRunner.base(dir).resolve("three")));
    }

    @Test
    void commandsWithoutRegisterQueueTooAndTheEndOfTheListMakesThem(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: "touch {{ base }}/one"
                  - command: "touch {{ base }}/two"
                """);
        assertEquals(List.of(RecordingShell.Kind.CHANGE), run.kinds(), run.toString());
        assertEquals(2, run.recap().changed());
        assertTrue(Files.exists(EngineRunner.base(dir).resolve("two")));
    }

    @Test
    void eachSectionsEndMakesItsChanges(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                pre_tasks:
                  - command: "touch {{ base }}/pre"
                tasks:
                  - command: "touch {{ base }}/main"
                post_tasks:
                  - command: "touch {{ base }}/post"
                """);
        assertEquals(3, run.changeTrips(), run.toString());
        int pre = run.changedIn(touch(dir, "pre"));
        int main = run.changedIn(touch(dir, "main"));
        assertTrue(pre < main && main < run.changedIn(touch(dir, "post")), run.toString());
    }

    @Test
    void aProbeOfWhatAQueuedChangeWritesGoesWithThatChangeAndSeesIt(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: make, command: "touch {{ base }}/a"}
                  - {name: mode, file: {path: "{{ base }}/a", mode: "0600"}}
                """);
        // The touch and the file's probe of a in one round trip, the chmod in the next: the probe saw a made.
        assertEquals(List.of(RecordingShell.Kind.CHANGE, RecordingShell.Kind.CHANGE), run.kinds(), run.toString());
        assertEquals(0, run.changedIn(touch(dir, "a")));
        assertEquals(List.of("make=changed", "mode=changed"), run.lines());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(EngineRunner.base(dir).resolve("a"))));
    }

    @Test
    void aRegisteredTaskHasTheChangesBeforeItMadeFirst(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: "touch {{ base }}/before"
                  - command: "touch {{ base }}/registered"
                    register: out
                """);
        assertEquals(2, run.changeTrips(), run.toString());
        assertTrue(run.changedIn(touch(dir, "before")) < run.changedIn(touch(dir, "registered")), run.toString());
    }

    @Test
    void aRegisteredResultReadsWhatTheQueuedChangesLeft(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - copy: {dest: "{{ base }}/one", content: "hello"}
                  - command: "cat {{ base }}/one"
                    register: out
                  - copy: {dest: "{{ base }}/two", content: "{{ out.stdout }} rc={{ out.rc }}"}
                """);
        assertEquals(3, run.recap().changed(), run.toString());
        assertEquals("hello rc=0", Files.readString(EngineRunner.base(dir).resolve("two")));
    }

    @Test
    void aBlockBoundaryMakesTheChangesBeforeIt(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: "touch {{ base }}/before"
                  - block:
                      - command: "touch {{ base }}/inside"
                  - command: "touch {{ base }}/after"
                """);
        assertEquals(3, run.changeTrips(), run.toString());
        int inside = run.changedIn(touch(dir, "inside"));
        assertTrue(run.changedIn(touch(dir, "before")) < inside && inside < run.changedIn(touch(dir, "after")),
                run.toString());
    }

    @Test
    void anIncludeMakesTheChangesBeforeIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inc.yaml"), """
                - name: included
                  command: "touch {{ base }}/included"
                """);
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: "touch {{ base }}/before"
                  - include_tasks: inc.yaml
                """);
        assertEquals(2, run.changeTrips(), run.toString());
        assertTrue(run.changedIn(touch(dir, "before")) < run.changedIn(touch(dir, "included")), run.toString());
        assertEquals(3, run.recap().ok(), "the include counts as ok: " + run);
    }

    @Test
    void aHandlerFlushMakesTheChangesBeforeItAndRunsTheHandlerThere(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: "touch {{ base }}/before"
                    notify: h
                  - meta: flush_handlers
                  - command: "touch {{ base }}/after"
                handlers:
                  - name: h
                    command: "touch {{ base }}/handled"
                """);
        assertEquals(3, run.changeTrips(), run.toString());
        int handled = run.changedIn(touch(dir, "handled"));
        assertTrue(run.changedIn(touch(dir, "before")) < handled && handled < run.changedIn(touch(dir, "after")),
                run.toString());
        assertTrue(run.result("h").handler());
    }

    @Test
    void anUntilTaskHasTheQueuedChangesMadeFirstAndTriesAgainUntilItsConditionHolds(@TempDir Path dir)
            throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: "touch {{ base }}/count"
                  - name: count
                    shell: "echo x >> {{ base }}/count; wc -l < {{ base }}/count"
                    register: r
                    until: r.stdout | int >= 3
                    retries: 5
                    delay: 0
                """);
        assertEquals(List.of("command=changed", "count=changed"), run.lines(), "only the last attempt is reported");
        assertEquals(3, Files.readAllLines(EngineRunner.base(dir).resolve("count")).size());
        assertEquals(4, run.changeTrips(), "the touch alone, then a round trip per attempt: " + run);
    }
}
