package dev.jprov.engine;

import dev.jprov.playbook.Play;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Phaser;
import java.util.function.Supplier;

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
    final java.util.Set<Object> runOnceClaims = ConcurrentHashMap.newKeySet();
    private final Map<Object, Integer> taskKeys = new ConcurrentHashMap<>();
    private final Map<Object, Object> includes = new ConcurrentHashMap<>();
    private final AtomicInteger nextKey;
    private final AtomicInteger abortKey = new AtomicInteger(Integer.MAX_VALUE);

    /** any_errors_fatal or max_fail_percentage stopped the play: Ansible then ends the whole run. */
    final AtomicBoolean breakPlaybook = new AtomicBoolean();
    final Throttles throttles = new Throttles();
    private final AtomicInteger failures = new AtomicInteger();
    private final Double maxFailPercentage;
    // With any_errors_fatal or max_fail_percentage the hosts go task by task together (Ansible's linear
    // strategy), so that a failure stops the others after the task it happened in, not some tasks later.
    private final Phaser lockstep;
    private volatile int stopPhase = Integer.MAX_VALUE;
    final HostProgress progress;
    private final java.util.Set<String> ended = ConcurrentHashMap.newKeySet();
    // Ansible's play._removed_hosts: hosts whose failure no rescue took, or unreachable, or ended by end_host
    // (kept across the play's serial batches); ansible_play_hosts and ansible_play_batch leave them out.
    private final java.util.Set<String> removed;

    PlayShared(Play play, List<String> playHosts, List<String> batch, AtomicInteger keys, Double maxFailPercentage,
               boolean lockstep, boolean allStart, java.util.Set<String> removed) {
        this.play = play;
        this.removed = removed;
        this.playHosts = playHosts;
        this.batch = batch;
        this.nextKey = keys;
        this.maxFailPercentage = maxFailPercentage;
        // Every host of the batch is a party from the start, or the first ones would run ahead alone.
        this.lockstep = lockstep ? new Phaser(batch.size()) : null;
        this.progress = new HostProgress(batch, allStart);
    }

    /** The host leaves ansible_play_hosts: a failure no rescue took, unreachable, or end_host. */
    void removeHost(String host) {
        removed.add(host);
    }

    /** {@code hosts} without the removed ones, in their order. */
    List<String> remaining(List<String> hosts) {
        return hosts.stream().filter(h -> !removed.contains(h)).toList();
    }

    /** A host starts its play: from now on others may wait for it (hostvars, run_once). */
    void hostStarts(String host) {
        progress.started(host);
    }

    /** A host is done with the play (finished, failed, unreachable, stopped, or could not start): once only. */
    void hostEnds(String host) {
        if (!ended.add(host)) return;
        progress.ended(host);
        if (lockstep != null) lockstep.arriveAndDeregister();
    }

    /**
     * Before each task in lockstep: waits until every running host of the batch is done with the one before.
     * True when the play was stopped (any_errors_fatal, max_fail_percentage, end_play) in an earlier task: the
     * host must not start this one. A stop in the current task lets the other hosts finish it, as in Ansible.
     */
    boolean step(String host) {
        if (lockstep == null) return false;
        // the phase this host's task runs in (a stop records the phase its task ran in)
        int phase = progress.parked(host, lockstep::arriveAndAwaitAdvance);
        return stopAll.get() && phase >= 0 && stopPhase < phase;
    }

    /** Whether the hosts of the batch take each task together (any_errors_fatal, max_fail_percentage). */
    boolean lockstep() {
        return lockstep != null;
    }

    /** Stops the play on every host of the batch: after the current task in lockstep, else at their next. */
    void stop() {
        if (lockstep != null) stopPhase = Math.min(stopPhase, lockstep.getPhase());
        stopAll.set(true);
    }

    /**
     * The run aborts at this node on some host: every other host still runs the nodes before it (those a host
     * reached first have lower keys), as Ansible's linear strategy runs each task on every host before the next.
     */
    void abortAt(Object node) {
        int key = keyOf(node);
        abortKey.accumulateAndGet(key, Math::min);
    }

    /** Whether {@code node} comes after the node the run aborts at (a node no host reached yet does). */
    boolean pastAbort(Object node) {
        return abortKey.get() != Integer.MAX_VALUE && keyOf(node) > abortKey.get();
    }

    /** hostvars of another host of the batch: what it has after the tasks this host has done (see HostProgress). */
    void awaitCaughtUp(String reader, String other) {
        progress.awaitCaughtUp(reader, other);
    }

    /** A host failed: true when the batch's failures now exceed max_fail_percentage (Ansible checks per task). */
    boolean failedTooMany() {
        int failed = failures.incrementAndGet();
        return maxFailPercentage != null && failed * 100.0 / batch.size() > maxFailPercentage;
    }

    /** A stable number for a task node (by identity), in the order hosts first reach it. */
    int keyOf(Object node) {
        return taskKeys.computeIfAbsent(new IdentityKey(node), k -> nextKey.getAndIncrement());
    }

    /**
     * The key of a node that runs more than once in a play (a handler at each flush): every run is its own
     * task block in the report, as Ansible prints a RUNNING HANDLER banner at each flush.
     */
    int keyOf(Object node, int occurrence) {
        return taskKeys.computeIfAbsent(List.of(new IdentityKey(node), occurrence), k -> nextKey.getAndIncrement());
    }

    /**
     * What a dynamic include loads, shared by the hosts that include the same thing at the same loop iteration:
     * Ansible runs such tasks as one task for those hosts (one report block, one run_once).
     */
    @SuppressWarnings("unchecked")
    <T> T included(Object include, String what, int iteration, Supplier<T> load) {
        return (T) includes.computeIfAbsent(List.of(new IdentityKey(include), what, iteration), k -> load.get());
    }
}
