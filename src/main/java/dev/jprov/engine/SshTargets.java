package dev.jprov.engine;

import dev.jprov.transport.BecomeShell;
import dev.jprov.transport.CheckModeShell;
import dev.jprov.transport.CommandShell;
import dev.jprov.transport.JailName;
import dev.jprov.transport.JailShell;
import dev.jprov.transport.LocalShell;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.ReopenableShell;
import dev.jprov.transport.SshConnector;
import dev.jprov.transport.TransportException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The run's connections: one SSH connection per address, opened on first use and shared by every inventory host
 * that reaches it (a host, its jails, tasks delegated to it). In check mode every session refuses change scripts.
 */
public final class SshTargets implements Targets {
    private final SshConnector connector;
    private final BiFunction<String, Map<String, Object>, Reach> reach;
    private final boolean check;
    // One machine per address: its connection (a reboot reopens it) and its boots, shared by every session on it.
    private final Map<String, CompletableFuture<Machine>> connections = new ConcurrentHashMap<>();
    // Connections as other login users to the same host and port reach the same machine: one boot count and log.
    private final Map<String, Machine> endpoints = new ConcurrentHashMap<>();
    private final Map<String, HostSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> knownVars = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final String backupSuffix;
    private final HostSession local;
    // The controller: every host reached with ansible_connection: local and every task delegated to localhost is
    // on it, so they see each other's writes.
    private final Machine controller = Machine.fixed();
    private final Timing timing;
    // A jail's host need not be in the play that uses the jail: its variables come from the inventory then.
    private final java.util.function.Function<String, Map<String, Object>> varsOfHost;

    /**
     * @param reach decides how a host is reached from its name and rendered connection variables
     */
    public SshTargets(SshConnector connector, BiFunction<String, Map<String, Object>, Reach> reach,
                      java.util.function.Function<String, Map<String, Object>> varsOfHost, boolean check,
                      String backupSuffix) {
        this(connector, reach, varsOfHost, check, backupSuffix, Timing.SYSTEM);
    }

    SshTargets(SshConnector connector, BiFunction<String, Map<String, Object>, Reach> reach,
               java.util.function.Function<String, Map<String, Object>> varsOfHost, boolean check,
               String backupSuffix, Timing timing) {
        this.timing = timing;
        this.varsOfHost = varsOfHost;
        this.connector = connector;
        this.reach = reach;
        this.check = check;
        this.backupSuffix = backupSuffix;
        this.local = new HostSession("localhost", guard(new LocalShell()), backupSuffix, controller);
    }

    @Override
    public HostSession session(String host, Map<String, Object> connectionVars) throws TransportException {
        knownVars.putIfAbsent(host, connectionVars);
        // A task's own become gets a session of its own (its answers may differ), over the same connection.
        String key = host + becomeKey(connectionVars);
        HostSession existing = sessions.get(key);
        if (existing != null) return existing;
        Reached reached = shellFor(host, connectionVars);
        return sessions.computeIfAbsent(key, k -> new HostSession(host, guard(reached.shell()), backupSuffix,
                reached.machine()));
    }

    private static String becomeKey(Map<String, Object> vars) {
        Object on = vars.get("ansible_become");
        if (on == null || "false".equalsIgnoreCase(String.valueOf(on))) return "";
        return "|become:" + vars.get("ansible_become_method") + ":" + vars.get("ansible_become_user");
    }

    /** A target's shell, and the machine it runs on. */
    private record Reached(CommandShell shell, Machine machine) {}

    private Reached shellFor(String host, Map<String, Object> vars) throws TransportException {
        return switch (reach.apply(host, vars)) {
            case Reach.Ssh ssh -> connection(ssh);
            case Reach.Local l -> new Reached(BecomeShell.over(new LocalShell(), l.become()), controller);
            case Reach.Jail j -> {
                Map<String, Object> hostVars = knownVars.computeIfAbsent(j.jailHost(), varsOfHost);
                if (hostVars == null) {
                    throw new TransportException("jail " + host + ": its jail host '" + j.jailHost()
                            + "' is not in the inventory");
                }
                Reached parent = shellFor(j.jailHost(), hostVars);
                try {
                    // Over the host's reopenable connection: after the host reboots, the jail's commands follow.
                    yield new Reached(JailShell.on(parent.shell(), new JailName(j.jail())),
                            parent.machine().insideJail(j.jail()));
                } catch (IllegalArgumentException e) {
                    throw new TransportException("jail " + host + ": " + e.getMessage());
                }
            }
        };
    }

    /** Registers a host's connection variables so its jails can reach it before it runs itself. */
    public void know(String host, Map<String, Object> connectionVars) {
        knownVars.putIfAbsent(host, connectionVars);
    }

    /** The address's one connection, with the spec's become applied to what runs over it. */
    private Reached connection(Reach.Ssh ssh) throws TransportException {
        Machine machine = machine(ssh);
        return new Reached(BecomeShell.over(machine.connection().orElseThrow(), ssh.spec().become()), machine);
    }

    private Machine machine(Reach.Ssh ssh) throws TransportException {
        // One connection per address: tasks with and without become share it.
        String key = ssh.spec().address();
        CompletableFuture<Machine> mine = new CompletableFuture<>();
        CompletableFuture<Machine> f = connections.putIfAbsent(key, mine);
        if (f == null) {
            try {
                ReopenableShell shell = ReopenableShell.ssh(connector, ssh.spec());
                opened.incrementAndGet();
                Machine reached = Machine.reachedBy(shell, timing);
                Machine known = endpoints.putIfAbsent(ssh.spec().host() + ":" + ssh.spec().port(), reached);
                mine.complete(known == null ? reached : known.alsoReachedBy(shell));
            } catch (TransportException | RuntimeException e) {
                mine.completeExceptionally(e);
            }
            f = mine;
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof TransportException te) throw te;
            if (e.getCause() instanceof IllegalArgumentException iae) throw new TransportException(iae.getMessage());
            throw e;
        }
    }

    private RemoteShell guard(RemoteShell shell) {
        return check ? new CheckModeShell(shell) : shell;
    }

    @Override
    public String backupSuffix() {
        return backupSuffix;
    }

    @Override
    public HostSession local() {
        return local;
    }

    @Override
    public Map<String, Integer> roundTrips() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        sessions.values().forEach(s -> out.merge(s.name(), s.roundTrips(), Integer::sum));
        return out;
    }

    @Override
    public int connectionsOpened() {
        return opened.get();
    }

    @Override
    public void close() {
        for (CompletableFuture<Machine> f : connections.values()) {
            if (f.isDone() && !f.isCompletedExceptionally()) f.join().connection().ifPresent(ReopenableShell::close);
        }
    }
}
