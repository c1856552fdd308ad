package dev.jprov.engine;

import dev.jprov.transport.ConnectionSpec;

/**
 * How an inventory host is reached, decided from its connection variables: over SSH, on the controller itself
 * (ansible_connection: local), or as a jail through its jail host's connection (ansible_connection: jail).
 */
public sealed interface Reach permits Reach.Ssh, Reach.Local, Reach.Jail {

    record Ssh(ConnectionSpec spec) implements Reach {}

    record Local(ConnectionSpec.Become become) implements Reach {}

    /** A jail named {@code jail} on inventory host {@code jailHost}, entered with jexec. */
    record Jail(String jailHost, String jail) implements Reach {}
}
