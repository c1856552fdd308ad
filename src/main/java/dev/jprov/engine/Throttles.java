package dev.jprov.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * {@code throttle: N} of a play's tasks: at most N hosts of a batch run one task at once, as ansible-core 2.14's
 * strategy lowers its worker list's rewind point to the throttle (never above the forks, which already bound the
 * hosts running). One gate per task (per handler run), made by the first host that reaches it.
 */
final class Throttles {
    private final Map<Integer, Semaphore> gates = new ConcurrentHashMap<>();

    /** Runs {@code body} for one host once fewer than {@code limit} hosts run task {@code key}. */
    <T> T run(int key, int limit, Supplier<T> body) {
        Semaphore gate = gates.computeIfAbsent(key, k -> new Semaphore(limit, true));
        gate.acquireUninterruptibly();
        try {
            return body.get();
        } finally {
            gate.release();
        }
    }
}
