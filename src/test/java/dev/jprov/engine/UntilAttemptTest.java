package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.report.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How one attempt of an until: loop is judged, as ansible-core 2.14's TaskExecutor does it. */
class UntilAttemptTest {

    static Stream<Arguments> attempts() {
        return Stream.of(
                // no until: the result is left as it is (the no-op row)
                Arguments.of(UntilAttempt.NONE, Status.OK, Status.OK, null, false),
                // check mode or retries <= 0: one attempt, attempts set, never failed for the condition
                Arguments.of(new UntilAttempt(1, 1, r -> false), Status.CHANGED, Status.CHANGED, 1, false),
                // the condition holds on the first attempt
                Arguments.of(new UntilAttempt(1, 4, r -> true), Status.CHANGED, Status.CHANGED, 1, false),
                // a failed attempt whose condition holds: the retries end, the task stays failed
                Arguments.of(new UntilAttempt(1, 4, r -> true), Status.FAILED, Status.FAILED, 1, true),
                // an attempt before the last whose condition does not hold: the caller retries
                Arguments.of(new UntilAttempt(2, 4, r -> false), Status.CHANGED, Status.CHANGED, 2, false),
                // the last attempt and the condition still does not hold: failed, attempts = the retries
                Arguments.of(new UntilAttempt(4, 4, r -> false), Status.OK, Status.FAILED, 3, true),
                // a skipped task is not judged
                Arguments.of(new UntilAttempt(4, 4, r -> false), Status.SKIPPED, Status.SKIPPED, null, false));
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void judgesAnAttempt(UntilAttempt attempt, Status before, Status after, Integer attempts, boolean failedKey) {
        Map<String, Object> result = before == Status.FAILED ? Map.of("rc", 1, "failed", true) : Map.of("rc", 0);
        ItemResult judged = attempt.judge(new ItemResult(result, before, null, List.of(), List.of()));
        assertEquals(after, judged.status());
        assertEquals(attempts, judged.result().get("attempts"));
        assertEquals(failedKey, Boolean.TRUE.equals(judged.result().get("failed")));
    }
}
