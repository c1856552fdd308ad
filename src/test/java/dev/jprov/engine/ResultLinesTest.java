package dev.jprov.engine;

import static dev.jprov.engine.ResultFixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jprov.plan.Diff;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lines Ansible prints for a task: one for a task, one per loop item, then "...ignoring" for an ignored
 * failed loop and "skipping: [host]" for a loop that skipped all. Reporters get results without failed/skipped.
 */
class ResultLinesTest {
    private static final ResultLines LINES = new ResultLines("web1", 7, "write motd", true, false);
    private static final Diff DIFF = Diff.of("/etc/motd", "old\n", "new\n");

    /** {@code loop}: the items are a loop's, else the one item is the task's. */
    record Case(String name, boolean loop, List<ItemResult> items, boolean ignoreErrors, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ItemResult task(Status status, Map<String, Object> result) {
        return new ItemResult(result, status, null, List.of(), List.of());
    }

    private static ItemResult item(String label, Status status, Map<String, Object> result) {
        return new ItemResult(result, status, label, status == Status.CHANGED ? List.of(DIFF) : List.of(),
                status == Status.CHANGED ? List.of("write " + label) : List.of());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a task: no change, ok", false, List.of(task(Status.OK, map("changed", false, "failed",
                        false))), false, List.of("OK item=null msg= {changed=false} diffs=0 []")),
                new Case("a task failed", false, List.of(task(Status.FAILED, map("msg", "boom", "failed", true))),
                        false, List.of("FAILED item=null msg=boom {msg=boom} diffs=0 []")),
                new Case("a task failed, ignore_errors: ignored", false,
                        List.of(task(Status.FAILED, map("msg", "boom", "failed", true))), true,
                        List.of("IGNORED item=null msg=boom {msg=boom} diffs=0 []")),
                new Case("a task skipped", false, List.of(new ItemResultAssembler(false,
                        ResultFixtures.noConditions(), "item").skippedTask()), false,
                        List.of("SKIPPED item=null msg= {changed=false, skip_reason=Conditional result was False}"
                                + " diffs=0 []")),
                new Case("a loop with mixed items: their lines only", true, List.of(
                        item("a", Status.OK, map("changed", false)),
                        item("b", Status.CHANGED, map("changed", true)),
                        item("c", Status.FAILED, map("msg", "boom", "failed", true)),
                        item("d", Status.SKIPPED, map("skipped", true))), false, List.of(
                        "OK item=a msg= {changed=false} diffs=0 []",
                        "CHANGED item=b msg= {changed=true} diffs=1 [write b]",
                        "FAILED item=c msg=boom {msg=boom} diffs=0 []",
                        "SKIPPED item=d msg= {} diffs=0 []")),
                new Case("a loop, ignore_errors: the items' own lines, then ...ignoring", true, List.of(
                        item("a", Status.CHANGED, map("changed", true)),
                        item("b", Status.FAILED, map("msg", "boom", "failed", true))), true, List.of(
                        "CHANGED item=a msg= {changed=true} diffs=1 [write a]",
                        "FAILED item=b msg=boom {msg=boom} diffs=0 []",
                        "IGNORED item=null msg=One or more items failed {changed=true, msg=One or more items failed,"
                                + " results=[{changed=true}, {msg=boom, failed=true}]} diffs=0 []")),
                new Case("a loop that skipped all: then skipping", true, List.of(
                        item("a", Status.SKIPPED, map("skipped", true))), false, List.of(
                        "SKIPPED item=a msg= {} diffs=0 []",
                        "SKIPPED item=null msg=All items completed {changed=false, msg=All items completed,"
                                + " results=[{skipped=true}]} diffs=0 []")),
                new Case("a loop without items: skipping", true, List.of(), false, List.of(
                        "SKIPPED item=null msg=All items completed {changed=false, msg=All items completed,"
                                + " results=[]} diffs=0 []")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsAnsiblesLines(Case c) {
        List<Event.TaskResult> events = c.loop() ? LINES.ofLoop(c.items(), LoopResult.of(c.items(), c.ignoreErrors()))
                : LINES.ofTask(c.items().get(0), c.items().get(0).endedAs(c.ignoreErrors()));
        List<String> lines = new ArrayList<>();
        for (Event.TaskResult e : events) {
            assertEquals(List.of("web1", 7, "write motd", true, false),
                    List.of(e.host(), e.taskKey(), e.title(), e.handler(), e.noLog()));
            lines.add(e.status() + " item=" + e.item() + " msg=" + e.message() + " " + e.result() + " diffs="
                    + e.diffs().size() + " " + e.commands());
        }
        assertEquals(c.lines(), lines);
    }

    @Test
    void reportersGetTheResultItselfWhenThereIsNothingToTakeOut() {
        Map<String, Object> result = map("changed", false);
        assertSame(result, ResultLines.forReporters(result));
        assertEquals("{changed=true}", ResultLines.forReporters(map("changed", true, "skipped", true, "failed", false))
                .toString());
    }
}
