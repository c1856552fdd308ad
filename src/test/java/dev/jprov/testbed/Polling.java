package dev.jprov.testbed;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting for what a testbed host does by itself (a boot, a revert timer, sshd coming back): ask again until the
 * answer is the one wanted or a deadline passes. The one place test code pauses, so no test sleeps a fixed time.
 */
public final class Polling {
    private static final Duration PAUSE = Duration.ofMillis(200);

    private Polling() {}

    /**
     * Calls {@code probe} until {@code done} accepts its answer and returns that answer; after {@code timeout}
     * returns the last answer, which the caller checks (and names in its failure).
     */
    public static <T> T until(Callable<T> probe, Predicate<T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(PAUSE);
            last = probe.call();
        }
        return last;
    }
}
