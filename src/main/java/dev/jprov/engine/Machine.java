package dev.jprov.engine;

import dev.jprov.transport.ReopenableShell;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One machine as the run reaches it: the sessions of its host (with and without become), of its jails and of
 * tasks delegated to it all share one. It counts the machine's boots seen during the run, so that a reboot made
 * through any of those sessions makes every one of them forget what it knew (the kernel's state is new), and it
 * holds the connection a reboot drops and opens again. A jail's view shares the count but has no connection of
 * its own to reopen: a jail is not rebooted, its host is.
 */
final class Machine {
    private final AtomicLong boots;
    private final Optional<ReopenableShell> connection;
    private final Timing timing;

    private Machine(AtomicLong boots, Optional<ReopenableShell> connection, Timing timing) {
        this.boots = boots;
        this.connection = connection;
        this.timing = timing;
    }

    /** A host reached over its own (SSH) connection. */
    static Machine reachedBy(ReopenableShell connection, Timing timing) {
        return new Machine(new AtomicLong(), Optional.of(connection), timing);
    }

    /** A target that jprov does not reboot: the controller itself, or a test's shell. */
    static Machine fixed() {
        return new Machine(new AtomicLong(), Optional.empty(), Timing.SYSTEM);
    }

    /** The machine as a jail on it sees it: the same boots, nothing to reopen. */
    Machine insideJail() {
        return new Machine(boots, Optional.empty(), timing);
    }

    long boots() {
        return boots.get();
    }

    /** The machine went down (or may have): every session's answers about it are stale. */
    void booted() {
        boots.incrementAndGet();
    }

    Optional<ReopenableShell> connection() {
        return connection;
    }

    Timing timing() {
        return timing;
    }
}
