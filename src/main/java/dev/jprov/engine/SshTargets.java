package dev.jprov.engine;

import dev.jprov.transport.BecomeShell;
import dev.jprov.transport.CheckModeShell;
import dev.jprov.transport.CommandShell;
import dev.jprov.transport.JailName;
import dev.jprov.transport.JailShell;
import dev.jprov.transport.LocalShell;
import dev.jprov.transport.RemoteShell;
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
    private final Map<String, CompletableFuture<CommandShell>> connections = new ConcurrentHashMap<>();
    private final Map<String, HostSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> knownVars = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final String backupSuffix;
    private final HostSession local;
    // A jail's host need not be in the play that uses the jail: its variables come from the inventory then.
    private final java.util.function.Function<String, Map<String, Object>> varsOfHost;

    /**
     * @param reach decides how a host is reached from its name and rendered connection variables
     */
    public SshTargets(SshConnector connector, BiFunction<String, Map<String, Object>, Reach> reach,
                      java.util.function.Function<String, Map<String, Object>> varsOfHost, boolean check,
                      String backupSuffix) {
        this.varsOfHost = varsOfHost;
        this.connector = connector;
        this.reach = reach;
        this.check = check;
        this.backupSuffix = backupSuffix;
        this.local = new HostSession("localhost", guard(new LocalShell()), backupSuffix);
    }

    @Override
    public HostSession session(String host, Map<String, Object> connectionVars) throws TransportException {
        knownVars.putIfAbsent(host, connectionVars);
        // A task's own become gets a session of its own (its answers may differ), over the same connection.
        String key = host + becomeKey(connectionVars);
        HostSession existing = sessions.get(key);
        if (existing != null) return existing;
        CommandShell shell = shellFor(host, connectionVars);
        return sessions.computeIfAbsent(key, k -> new HostSession(host, guard(shell), backupSuffix));
    }

    private static String becomeKey(Map<String, Object> vars) {
        Object on = vars.get("ansible_become");
        if (on == null || "false".equalsIgnoreCase(String.valueOf(on))) return "";
        return "|become:" + vars.get("ansible_become_method") + ":" + vars.get("ansible_become_user");
    }

    private CommandShell shellFor(String host, Map<String, Object> vars) throws TransportException {
        return switch (reach.apply(host, vars)) {
            case Reach.Ssh ssh -> connection(ssh);
            case Reach.Local l -> BecomeShell.over(new LocalShell(), l.become());
            case Reach.Jail j -> {
                Map<String, Object> hostVars = knownVars.computeIfAbsent(j.jailHost(), varsOfHost);
                if (hostVars == null) {
                    throw new TransportException("jail " + host + ": its jail host '" + j.jailHost()
                            + "' is not in the inventory");
                }
                CommandShell parent = shellFor(j.jailHost(), hostVars);
                try {
                    yield JailShell.on(parent, new JailName(j.jail()));
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
    private CommandShell connection(Reach.Ssh ssh) throws TransportException {
        return BecomeShell.over(plainConnection(ssh), ssh.spec().become());
    }

    private CommandShell plainConnection(Reach.Ssh ssh) throws TransportException {
        // One connection per address: tasks with and without become share it.
        String key = ssh.spec().address();
        CompletableFuture<CommandShell> mine = new CompletableFuture<>();
        CompletableFuture<CommandShell> f = connections.putIfAbsent(key, mine);
        if (f == null) {
            try {
                CommandShell shell = connector.open(ssh.spec());
                opened.incrementAndGet();
                mine.complete(shell);
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
        for (CompletableFuture<CommandShell> f : connections.values()) {
            if (f.isDone() && !f.isCompletedExceptionally()) f.join().close();
        }
    }
}
