package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.plan.Cmd;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue hands its tickets to a run in task order, whatever order they were queued in: hosts delegating to one
 * target queue there concurrently, and a run's script refuses tasks out of order ("tasks out of order: 1 after 4"
 * left the other hosts' tickets never made).
 */
class PendingChangesTest {

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of(List.of(), List.of()),
                Arguments.of(List.of(1, 2, 3), List.of(1, 2, 3)),
                Arguments.of(List.of(4, 1), List.of(1, 4)),
                Arguments.of(List.of(3, 3, 1, 2), List.of(1, 2, 3, 3)));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void takesTicketsInTaskOrder(List<Integer> queued, List<Integer> taken) {
        PendingChanges pending = new PendingChanges();
        for (int task : queued) pending.add(task, List.of(Step.Exec.of(Cmd.of("true"))), List.of());
        assertEquals(taken, pending.take().stream().map(t -> t.task).toList());
        assertEquals(true, pending.isEmpty());
    }
}
