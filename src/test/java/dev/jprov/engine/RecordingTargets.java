package dev.jprov.engine;

import dev.jprov.transport.CheckModeShell;
import dev.jprov.transport.RemoteShell;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Targets for engine tests: every inventory host (and localhost, for delegate_to) is a session over its own
 * {@link RecordingShell}, whatever its connection variables say. In check mode the shells refuse change scripts, as
 * {@link SshTargets}' do.
 */
final class RecordingTargets implements Targets {
    private final boolean check;
    private final Map<String, RecordingShell> shells = new ConcurrentHashMap<>();
    private final Map<String, HostSession> sessions = new ConcurrentHashMap<>();

    RecordingTargets(boolean check) {
        this.check = check;
    }

    @Override
    public HostSession session(String host, Map<String, Object> connectionVars) {
        return sessions.computeIfAbsent(host, h -> {
            RecordingShell shell = shells.computeIfAbsent(h, k -> new RecordingShell());
            RemoteShell guarded = check ? new CheckModeShell(shell) : shell;
            return new HostSession(h, guarded, backupSuffix());
        });
    }

    @Override
    public HostSession local() {
        return session("localhost", Map.of());
    }

    /** Makes {@code session} the session of {@code host} (a test's own connection). */
    void use(String host, HostSession session) {
        sessions.put(host, session);
    }

    /** The round trips made to a host, in order (none when it was never reached). */
    List<RecordingShell.Trip> trips(String host) {
        RecordingShell shell = shells.get(host);
        return shell == null ? List.of() : shell.trips();
    }

    @Override
    public String backupSuffix() {
        return ".engine-test~";
    }

    @Override
    public Map<String, Integer> roundTrips() {
        Map<String, Integer> out = new TreeMap<>();
        sessions.forEach((h, s) -> out.put(h, s.roundTrips()));
        return out;
    }

    @Override
    public int connectionsOpened() {
        return sessions.size();
    }

    @Override
    public void close() {
        sessions.clear();
    }
}
