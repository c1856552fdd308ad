package dev.jprov.engine;

import static dev.jprov.engine.ResultFixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A loop's one result over its items': what it registers, how the task ends, and whether it changed. */
class LoopResultTest {

    record Case(String name, List<Status> items, boolean ignoreErrors, String result, Status status,
                boolean changed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no change: ok", List.of(Status.OK, Status.OK), false,
                        "{changed=false, msg=All items completed, results=[{i=0}, {i=1}]}", Status.OK, false),
                new Case("one changed, one skipped: changed", List.of(Status.SKIPPED, Status.CHANGED), false,
                        "{changed=true, msg=All items completed, results=[{i=0}, {i=1}]}", Status.CHANGED, true),
                new Case("mixed: failed, and changed", List.of(Status.OK, Status.CHANGED, Status.FAILED,
                        Status.SKIPPED), false, "{changed=true, msg=One or more items failed,"
                        + " results=[{i=0}, {i=1}, {i=2}, {i=3}], failed=true}", Status.FAILED, true),
                new Case("mixed, ignore_errors: ignored, still failed and changed", List.of(Status.OK,
                        Status.CHANGED, Status.FAILED), true, "{changed=true, msg=One or more items failed,"
                        + " results=[{i=0}, {i=1}, {i=2}], failed=true}", Status.IGNORED, true),
                new Case("ignore_errors without a failure: ok", List.of(Status.OK), true,
                        "{changed=false, msg=All items completed, results=[{i=0}]}", Status.OK, false),
                new Case("all skipped", List.of(Status.SKIPPED, Status.SKIPPED), false,
                        "{changed=false, msg=All items completed, results=[{i=0}, {i=1}], skipped=true}",
                        Status.SKIPPED, false),
                new Case("no items: skipped", List.of(), false,
                        "{changed=false, msg=All items completed, results=[], skipped=true}", Status.SKIPPED, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aggregates(Case c) {
        List<ItemResult> items = new ArrayList<>();
        for (Status s : c.items()) items.add(new ItemResult(map("i", items.size()), s, "x", List.of(), List.of()));
        LoopResult loop = LoopResult.of(items, c.ignoreErrors());
        assertEquals(c.result(), loop.result().toString());
        assertEquals(c.status(), loop.status());
        assertEquals(c.changed(), loop.changed());
    }
}
