package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a queued change that fails does, and what the tasks around it see: as if the tasks had run one by one, the
 * host's play ends at the failed task (later tasks' steps are not run, earlier results are reported), a rescue
 * catches it, and handlers notified by queued tasks run after the changes that notified them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuedFailuresEngineTest {
    private final EngineRunner engine = new EngineRunner();

    @Test
    void aFailureInTheMiddleOfAQueuedBatchEndsTheHostThere(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: one, copy: {dest: "{{ base }}/one", content: "1"}}
                  - {name: breaks, command: "false"}
                  - {name: never, copy: {dest: "{{ base }}/never", content: "x"}}
                """);
        // The three tasks' steps went in one round trip; the shell stopped at the failed one.
        assertEquals(List.of(RecordingShell.Kind.PROBE, RecordingShell.Kind.CHANGE), run.kinds(), run.toString());
        assertEquals(List.of("one=changed", "breaks=failed"), run.lines());
        assertEquals("1", Files.readString(EngineRunner.base(dir).resolve("one")));
        assertFalse(Files.exists(EngineRunner.base(dir).resolve("never")));
        assertEquals(1, run.recap().changed());
        assertEquals(1, run.recap().failed());
        assertTrue(run.result().anyFailed());
    }

    @Test
    void aLaterTaskWhoseProbeMakesTheFailedChangeDoesNotRun(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: one, command: "touch {{ base }}/one"}
                  - {name: breaks, command: "false"}
                  - {name: reads, file: {path: "{{ base }}/one", mode: "0600"}}
                  - {name: never, command: "touch {{ base }}/never"}
                """);
        assertEquals(List.of("one=changed", "breaks=failed"), run.lines());
        assertTrue(Files.exists(EngineRunner.base(dir).resolve("one")));
        assertFalse(Files.exists(EngineRunner.base(dir).resolve("never")));
        assertEquals(1, run.recap().failed());
    }

    @Test
    void aRescueAndAlwaysRunAfterAQueuedFailure(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - block:
                      - {name: one, copy: {dest: "{{ base }}/one", content: "1"}}
                      - {name: breaks, command: "false"}
                      - {name: never, copy: {dest: "{{ base }}/never", content: "x"}}
                    rescue:
                      - name: rescued
                        copy: {dest: "{{ base }}/rescued", content: "{{ ansible_failed_task.name }}"}
                    always:
                      - {name: always, copy: {dest: "{{ base }}/always", content: "a"}}
                  - {name: after, copy: {dest: "{{ base }}/after", content: "a"}}
                """);
        assertEquals(List.of("one=changed", "breaks=failed", "rescued=changed", "always=changed", "after=changed"),
                run.lines());
        Path base = EngineRunner.base(dir);
        assertEquals("breaks", Files.readString(base.resolve("rescued")));
        assertFalse(Files.exists(base.resolve("never")));
        assertTrue(Files.exists(base.resolve("always")) && Files.exists(base.resolve("after")));
        assertEquals(0, run.recap().failed(), run.toString());
        assertEquals(1, run.recap().rescued());
        assertFalse(run.result().anyFailed());
    }

    @Test
    void anAlwaysRunsAfterAQueuedFailureWithoutRescueAndTheHostStillFails(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - block:
                      - {name: breaks, command: "false"}
                    always:
                      - {name: always, command: "touch {{ base }}/always"}
                  - {name: never, command: "touch {{ base }}/never"}
                """);
        assertEquals(List.of("breaks=failed", "always=changed"), run.lines());
        assertFalse(Files.exists(EngineRunner.base(dir).resolve("never")));
        assertEquals(1, run.recap().failed());
    }

    @Test
    void handlersNotifiedByQueuedTasksRunOnceAfterTheirChanges(@TempDir Path dir) throws Exception {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: one
                    copy: {dest: "{{ base }}/one", content: "1"}
                    notify: copy it
                  - name: unchanged
                    command: "true"
                    changed_when: false
                    notify: never notified
                  - name: two
                    copy: {dest: "{{ base }}/two", content: "2"}
                    notify: [copy it, listening]
                handlers:
                  - name: copy it
                    command: "cp {{ base }}/one {{ base }}/copied"
                  - name: never notified
                    command: "touch {{ base }}/never"
                  - name: by topic
                    command: "touch {{ base }}/topic"
                    listen: listening
                """);
        assertEquals(List.of("one=changed", "unchanged=ok", "two=changed", "copy it=changed", "by topic=changed"),
                run.lines());
        Path base = EngineRunner.base(dir);
        assertEquals("1", Files.readString(base.resolve("copied")));
        assertTrue(Files.exists(base.resolve("topic")));
        assertFalse(Files.exists(base.resolve("never")));
    }

    @Test
    void aFailedQueuedChangeRunsNoHandlerItsTasksNotified(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: one, command: "touch {{ base }}/one", notify: h}
                  - {name: breaks, command: "false"}
                handlers:
                  - {name: h, command: "touch {{ base }}/handled"}
                """);
        assertEquals(List.of("one=changed", "breaks=failed"), run.lines());
        assertFalse(Files.exists(EngineRunner.base(dir).resolve("handled")));
    }

    @Test
    void aNotifiedHandlerThatDoesNotExistFailsTheRun(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: one, command: "touch {{ base }}/one", notify: nobody}
                """);
        RunAborted e = run.result().aborted().orElseThrow(() -> new AssertionError("not aborted: " + run));
        assertTrue(e.getMessage().contains("The requested handler 'nobody' was not found"), e.toString());
        assertEquals(RunAborted.Kind.ERROR, e.kind(), e.toString());
        assertEquals(1, run.recap().changed(), "the recap still has what was done: " + run);
    }
}
