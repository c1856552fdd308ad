package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run of a session's queue, over a recording shell: the steps of many tickets in one round trip, the probes in
 * the same one, what a failed step stops, and the steps that need a round trip of their own.
 */
class QueueRunTest {
    @TempDir
    Path dir;

    private final PendingChanges queue = new PendingChanges();
    private final RecordingShell recorded = new RecordingShell();
    private final SessionShell shell = new SessionShell(recorded, Machine.fixed());

    private PendingChanges.Ticket ticket(int task, String... scripts) {
        List<Step> steps = java.util.Arrays.stream(scripts).map(s -> (Step) new Step.Exec(s, s, false)).toList();
        return queue.add(task, steps, List.of(Resource.ANY));
    }

    private String touch(String name) {
        return "touch '" + dir.resolve(name) + "'";
    }

    @Test
    void anEmptyQueueWithoutProbesMakesNoRoundTrip() throws Exception {
        assertNull(new QueueRun(queue.take()).run(shell, "~", null));
        assertEquals(0, recorded.trips().size());
    }

    @Test
    void everyTicketAndTheProbesGoInOneRoundTrip() throws Exception {
        PendingChanges.Ticket a = ticket(queue.nextTask(), touch("a"));
        PendingChanges.Ticket b = ticket(queue.nextTask(), touch("b"), touch("c"));
        Probe.Shell seesC = new Probe.Shell("test -e '" + dir.resolve("c") + "' && echo yes", List.of());
        ProbeBatch probes = new ProbeBatch(Boundary.random()).add(seesC);

        var result = new QueueRun(queue.take()).run(shell, "~", probes);

        assertEquals(1, recorded.trips().size());
        assertEquals(RecordingShell.Kind.CHANGE, recorded.trips().get(0).kind());
        assertEquals("yes\n", ((ProbeAnswer) probes.answers(result).get(seesC)).stdout(), "probes see the changes");
        assertFalse(a.failed());
        assertFalse(b.failed());
        assertEquals(2, b.results().size());
    }

    @Test
    void aFailedStepStopsItsTicketAndEveryLaterTask() throws Exception {
        PendingChanges.Ticket first = ticket(queue.nextTask(), touch("first"));
        int failing = queue.nextTask();
        PendingChanges.Ticket broken = ticket(failing, "echo broken >&2; exit 3", touch("after-in-ticket"));
        PendingChanges.Ticket sameTaskItem = ticket(failing, touch("same-task-item"));
        PendingChanges.Ticket later = ticket(queue.nextTask(), touch("later"));

        new QueueRun(queue.take()).run(shell, "~", null);

        assertEquals(1, recorded.trips().size());
        assertTrue(Files.exists(dir.resolve("first")));
        assertFalse(first.failed());
        assertEquals(new StepResult(3, "", "broken\n"), broken.results().get(0));
        assertFalse(broken.results().containsKey(1), "the ticket's later step did not run");
        assertFalse(Files.exists(dir.resolve("after-in-ticket")));
        // Another item of the same task still runs, as Ansible runs every item of a loop.
        assertTrue(Files.exists(dir.resolve("same-task-item")));
        assertFalse(sameTaskItem.failed());
        assertTrue(later.failed(), "a later task's steps do not run");
        assertEquals(Map.of(), later.results());
        assertFalse(Files.exists(dir.resolve("later")));
    }

    @Test
    void aConfirmationRunsAloneOverANewConnectionBetweenTwoBatches() throws Exception {
        PendingChanges.Ticket before = ticket(queue.nextTask(), touch("before"));
        PendingChanges.Ticket confirm = queue.add(queue.nextTask(),
                List.of(new Step.Reconfirm("test -e '" + dir.resolve("before") + "'", "confirm")), List.of());
        PendingChanges.Ticket after = ticket(queue.nextTask(), touch("after"));

        new QueueRun(queue.take()).run(shell, "~", null);

        assertEquals(List.of(RecordingShell.Kind.CHANGE, RecordingShell.Kind.CHANGE, RecordingShell.Kind.CHANGE),
                recorded.trips().stream().map(RecordingShell.Trip::kind).toList());
        assertFalse(before.failed());
        assertFalse(confirm.failed(), "the confirmation saw the first batch's change");
        assertFalse(after.failed());
        assertEquals(3, shell.roundTrips());
    }

    @Test
    void aFailedConfirmationStopsTheTasksAfterIt() throws Exception {
        PendingChanges.Ticket confirm = queue.add(queue.nextTask(),
                List.of(new Step.Reconfirm("exit 1", "confirm")), List.of());
        PendingChanges.Ticket after = ticket(queue.nextTask(), touch("after"));

        new QueueRun(queue.take()).run(shell, "~", null);

        assertTrue(confirm.failed());
        assertTrue(after.failed());
        assertFalse(Files.exists(dir.resolve("after")));
        assertEquals(1, recorded.trips().size(), "nothing was left to send after the confirmation");
    }
}
