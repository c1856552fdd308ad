package dev.jprov.transport;

/**
 * A way to run scripts on one target: a host over its single SSH connection, a jail through its host's
 * connection and jexec, or a test double. One call is one round trip.
 */
public interface RemoteShell extends AutoCloseable {

    /** Runs the script with {@code /bin/sh -s} (under become/jexec as configured) and waits for it. */
    ExecResult run(RemoteScript script) throws TransportException;

    /**
     * Opens a NEW connection to the same target, independent of this one (pf's confirm-or-revert proves the host
     * is still reachable with it). The caller closes it.
     */
    RemoteShell reconnect() throws TransportException;

    @Override
    void close();
}
