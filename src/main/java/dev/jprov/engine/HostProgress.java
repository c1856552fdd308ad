package dev.jprov.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How far each host of a batch is, for the few things one host must wait for of another while hosts run ahead of
 * each other: another host's variables (hostvars) as Ansible's task-by-task order shows them, and run_once,
 * which Ansible runs on the first host of the batch. A host waiting for others (parked) never holds them up,
 * so these waits cannot go round in a circle. A lock and condition, not synchronized: hosts are virtual threads.
 */
final class HostProgress {
    private static final class State {
        int done;
        int parked;
        boolean queued; // waiting for its run_once turn: others still let it go first
        boolean ended;
    }

    private final List<String> order;
    private final Map<String, State> states = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** {@code allStart}: every host of the batch runs at once (forks allow it), so each is waited for from now. */
    HostProgress(List<String> order, boolean allStart) {
        this.order = order;
        if (allStart) for (String h : order) states.put(h, new State());
    }

    void started(String host) {
        update(() -> states.putIfAbsent(host, new State()));
    }

    /** The host starts a task, so it is done with the one before (gathering facts is the first). */
    void taskStarted(String host) {
        update(() -> {
            State s = states.get(host);
            if (s != null) s.done++;
        });
    }

    void ended(String host) {
        update(() -> {
            State s = states.get(host);
            if (s != null) s.ended = true;
        });
    }

    /** Runs a wait of this host for others; meanwhile nobody waits for it. */
    <T> T parked(String host, Supplier<T> waiting) {
        update(() -> {
            State s = states.get(host);
            if (s != null) s.parked++;
        });
        try {
            return waiting.get();
        } finally {
            update(() -> {
                State s = states.get(host);
                if (s != null) s.parked--;
            });
        }
    }

    /** Waits until {@code other} has done as many tasks as {@code reader}, waits itself, or has ended. */
    void awaitCaughtUp(String reader, String other) {
        lock.lock();
        try {
            State me = states.get(reader);
            State o = states.get(other);
            if (me == null || o == null) return;
            while (!o.ended && o.parked == 0 && !o.queued && o.done < me.done) changed.awaitUninterruptibly();
        } finally {
            lock.unlock();
        }
    }

    /**
     * run_once: waits until {@code done} holds (another host ran it) or no host before this one in the batch is
     * still working (each has ended or waits); true when this host is then the one to run it.
     */
    boolean awaitTurn(String host, Supplier<Boolean> done) {
        lock.lock();
        State me = states.get(host);
        try {
            if (me != null) {
                me.queued = true;
                changed.signalAll();
            }
            while (true) {
                if (done.get()) return false;
                boolean earlierWorking = false;
                for (String h : order) {
                    if (h.equals(host)) break;
                    State s = states.get(h);
                    if (s != null && !s.ended && s.parked == 0) earlierWorking = true;
                }
                if (!earlierWorking) return true;
                changed.awaitUninterruptibly();
            }
        } finally {
            if (me != null) me.queued = false;
            lock.unlock();
        }
    }

    /** Wakes the hosts waiting for others, after a run_once result is in. */
    void signal() {
        update(() -> { });
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
