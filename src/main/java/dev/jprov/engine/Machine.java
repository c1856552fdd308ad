package dev.jprov.engine;

import dev.jprov.transport.ReopenableShell;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One machine as the run reaches it, through one of its file systems. The sessions of its host (with and without
 * become), of its jails, of every inventory name for it and of tasks delegated to it all share its boot count and
 * its {@link WriteLog}: a reboot made through any of them makes every one forget what it knew (the kernel's state is
 * new), and a write through one makes the others forget what it may have changed. It also holds the connection a
 * reboot drops and opens again. A jail's view has no connection of its own to reopen: a jail is not rebooted, its
 * host is.
 */
final class Machine {
    private final AtomicLong boots;
    private final WriteLog writes;
    private final Optional<ReopenableShell> connection;
    private final Timing timing;
    private final FileSystem fileSystem;

    private Machine(AtomicLong boots, WriteLog writes, Optional<ReopenableShell> connection, Timing timing,
                    FileSystem fileSystem) {
        this.boots = boots;
        this.writes = writes;
        this.connection = connection;
        this.timing = timing;
        this.fileSystem = fileSystem;
    }

    /** A host reached over its own (SSH) connection. */
    static Machine reachedBy(ReopenableShell connection, Timing timing) {
        return new Machine(new AtomicLong(), new WriteLog(), Optional.of(connection), timing, FileSystem.HOST);
    }

    /** The same machine reached over another connection (another login user): the same boots and writes. */
    Machine alsoReachedBy(ReopenableShell other) {
        return new Machine(boots, writes, Optional.of(other), timing, fileSystem);
    }

    /** A machine that jprov does not reboot: the controller itself, or a test's shell. */
    static Machine fixed() {
        return new Machine(new AtomicLong(), new WriteLog(), Optional.empty(), Timing.SYSTEM, FileSystem.HOST);
    }

    /** The machine as a jail on it sees it: the same boots and writes, nothing to reopen, the jail's root. */
    Machine insideJail(String jail) {
        return new Machine(boots, writes, Optional.empty(), timing, new FileSystem.JailRoot(jail));
    }

    long boots() {
        return boots.get();
    }

    /** The machine went down (or may have): every session's answers about it are stale. */
    void booted() {
        boots.incrementAndGet();
    }

    WriteLog writes() {
        return writes;
    }

    FileSystem fileSystem() {
        return fileSystem;
    }

    Optional<ReopenableShell> connection() {
        return connection;
    }

    Timing timing() {
        return timing;
    }
}
