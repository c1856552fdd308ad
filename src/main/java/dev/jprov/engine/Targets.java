package dev.jprov.engine;

import dev.jprov.transport.TransportException;
import java.util.Map;

/**
 * Opens and keeps the run's connections: one per real host, shared by everything that runs there (its jails,
 * become variants, tasks delegated to it). Sessions are made from a host's rendered connection variables.
 */
public interface Targets extends AutoCloseable {

    /** The session for a host (connecting on first use). Throws when the host cannot be reached. */
    HostSession session(String host, Map<String, Object> connectionVars) throws TransportException;

    /** The session for tasks delegated to localhost. */
    HostSession local();

    /** The suffix backups of this run get (one per run, made when the targets were). */
    String backupSuffix();

    /** Round trips made per inventory host after connecting (probe rounds and change batches). */
    Map<String, Integer> roundTrips();

    /** How many SSH connections were opened (the benchmark reports it). */
    int connectionsOpened();

    @Override
    void close();
}
