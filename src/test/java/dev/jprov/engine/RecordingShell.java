package dev.jprov.engine;

import dev.jprov.plan.Cmd;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.LocalShell;
import dev.jprov.transport.RemoteScript;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A target for engine tests: runs each script with the local /bin/sh, as a remote {@code /bin/sh -s} would, and
 * records each round trip (probe or change script, and its text) so a test can tell what went together.
 */
final class RecordingShell implements RemoteShell {

    enum Kind { PROBE, CHANGE }

    /** One round trip: which kind of script, and what it said. */
    record Trip(Kind kind, String script) {
        boolean mentions(String text) {
            return script.contains(text);
        }
    }

    private final List<Trip> trips; // shared with the connections reconnect() opens: they reach the same target

    RecordingShell() {
        this(new ArrayList<>());
    }

    private RecordingShell(List<Trip> trips) {
        this.trips = trips;
    }

    @Override
    public ExecResult run(RemoteScript script) throws TransportException {
        Kind kind = script instanceof RemoteScript.ProbeScript ? Kind.PROBE : Kind.CHANGE;
        synchronized (trips) {
            trips.add(new Trip(kind, script.text()));
        }
        return new LocalShell().exec(Cmd.of("/bin/sh", "-s"), script.text().getBytes(StandardCharsets.UTF_8));
    }

    List<Trip> trips() {
        synchronized (trips) {
            return List.copyOf(trips);
        }
    }

    @Override
    public RemoteShell reconnect() {
        return new RecordingShell(trips);
    }

    @Override
    public void close() {
        // every script is its own local process: nothing stays open
    }
}
