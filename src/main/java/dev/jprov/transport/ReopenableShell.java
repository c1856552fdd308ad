package dev.jprov.transport;

import dev.jprov.plan.Cmd;

import java.time.Duration;
import java.util.Optional;

/**
 * A host's one connection, which a reboot closes and opens again. Everything built on it (become wrappers, the
 * jails' jexec shells, every session of the run that reaches this host) holds this object rather than the
 * connection itself, so after {@link #reopen} they all run over the new connection without being rebuilt.
 * The new connection is made by the same {@link Opener} as the first one: same address, same user and keys, and
 * the host key checked against known_hosts exactly as for the first.
 */
public final class ReopenableShell implements CommandShell {

    /** Makes a new connection to the host; {@code connectTimeout} empty means the host's own setting. */
    @FunctionalInterface
    public interface Opener {
        CommandShell open(Optional<Duration> connectTimeout) throws TransportException;
    }

    private final Opener opener;
    private final String name;
    private CommandShell current; // null between drop() and a successful reopen()

    private ReopenableShell(Opener opener, String name, CommandShell first) {
        this.opener = opener;
        this.name = name;
        this.current = first;
    }

    /** Connects for the first time. */
    public static ReopenableShell open(String name, Opener opener) throws TransportException {
        return new ReopenableShell(opener, name, opener.open(Optional.empty()));
    }

    /** The SSH connection of {@code spec}, reopened with the same spec (connect timeout aside). */
    public static ReopenableShell ssh(SshConnector connector, ConnectionSpec spec) throws TransportException {
        return open(spec.name() + " (" + spec.address() + ")", timeout -> connector.open(
                timeout.map(spec::withConnectTimeout).orElse(spec)));
    }

    private synchronized CommandShell current() throws TransportException {
        if (current == null) {
            throw new TransportException(name + ": the connection was closed for a reboot and is not open again");
        }
        return current;
    }

    @Override
    public ExecResult exec(Cmd command, byte[] stdin) throws TransportException {
        // Not under the lock: the jails of a host run their commands on this connection concurrently.
        return current().exec(command, stdin);
    }

    /** Whether a connection is open (none is between {@link #drop} and a successful {@link #reopen}). */
    public synchronized boolean isOpen() {
        return current != null;
    }

    /** Closes the connection (the host is going down); commands fail until {@link #reopen} succeeds. */
    public void drop() {
        CommandShell old;
        synchronized (this) {
            old = current;
            current = null;
        }
        if (old != null) old.close();
    }

    /** Opens a new connection and makes it the one every command uses; the previous one (if any) is closed. */
    public void reopen(Optional<Duration> connectTimeout) throws TransportException {
        CommandShell fresh = opener.open(connectTimeout);
        CommandShell old;
        synchronized (this) {
            old = current;
            current = fresh;
        }
        if (old != null) old.close();
    }

    /** A new, independent connection (pf's confirm-or-revert), not the one this object holds. */
    @Override
    public CommandShell reconnect() throws TransportException {
        return opener.open(Optional.empty());
    }

    @Override
    public void close() {
        drop();
    }

    @Override
    public String toString() {
        return name;
    }
}
