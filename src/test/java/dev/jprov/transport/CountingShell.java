package dev.jprov.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test decorator: passes every script through to a real shell and counts round trips (run calls), keeping the
 * scripts in order, so a test can assert "a no-op run is one probe round trip per host".
 */
public final class CountingShell implements RemoteShell {
    private final RemoteShell inner;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final List<RemoteScript> scripts = Collections.synchronizedList(new ArrayList<>());

    public CountingShell(RemoteShell inner) {
        this.inner = inner;
    }

    @Override
    public ExecResult run(RemoteScript script) throws TransportException {
        roundTrips.incrementAndGet();
        scripts.add(script);
        return inner.run(script);
    }

    public int roundTrips() {
        return roundTrips.get();
    }

    public List<RemoteScript> scripts() {
        synchronized (scripts) {
            return List.copyOf(scripts);
        }
    }

    /** Round trips that carried changes (ChangeScript), as opposed to probes. */
    public long changeRoundTrips() {
        return scripts().stream().filter(s -> s instanceof RemoteScript.ChangeScript).count();
    }

    @Override
    public RemoteShell reconnect() throws TransportException {
        return new CountingShell(inner.reconnect());
    }

    @Override
    public void close() {
        inner.close();
    }
}
