package dev.jprov.engine;

import dev.jprov.playbook.Play;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the hosts of one play (batch) share while each runs ahead on its own thread: the stop flag of
 * any_errors_fatal, run_once results, and the order in which tasks were first reached (their report keys).
 */
final class PlayShared {
    final Play play;
    final List<String> playHosts;
    final List<String> batch;
    final AtomicBoolean stopAll = new AtomicBoolean();
    final Map<Object, CompletableFuture<TaskRunner.Outcome>> runOnce = new ConcurrentHashMap<>();
    private final Map<Object, Integer> taskKeys = new ConcurrentHashMap<>();
    private final AtomicInteger nextKey;

    PlayShared(Play play, List<String> playHosts, List<String> batch, AtomicInteger keys) {
        this.play = play;
        this.playHosts = playHosts;
        this.batch = batch;
        this.nextKey = keys;
    }

    /** A stable number for a task node (by identity), in the order hosts first reach it. */
    int keyOf(Object node) {
        return taskKeys.computeIfAbsent(new IdentityKey(node), k -> nextKey.getAndIncrement());
    }

    private record IdentityKey(Object node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }
}
