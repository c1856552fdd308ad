package dev.jprov.transport;

import dev.jprov.plan.Cmd;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One host's single SSH connection, kept for the whole run. Every {@link #exec} is a session channel on it
 * (exec, stdin, EOF, exit status): one round trip, no new TCP connection, key exchange or authentication.
 * Thread safe: the jails of a host run on it concurrently, each on its own channel. Concurrent channels are
 * capped below sshd's MaxSessions (default 10), which would otherwise refuse the extra ones.
 */
public final class SshShell implements CommandShell {
    /** Signals a remote command can die of, as the exit code a shell would report (128 + number). */
    private static final Map<Signal, Integer> SIGNAL_NUMBERS = Map.ofEntries(
            Map.entry(Signal.HUP, 1), Map.entry(Signal.INT, 2), Map.entry(Signal.QUIT, 3), Map.entry(Signal.ILL, 4),
            Map.entry(Signal.ABRT, 6), Map.entry(Signal.FPE, 8), Map.entry(Signal.KILL, 9), Map.entry(Signal.SEGV, 11),
            Map.entry(Signal.PIPE, 13), Map.entry(Signal.ALRM, 14), Map.entry(Signal.TERM, 15));

    private final SshConnector connector;
    private final ConnectionSpec spec;
    private final SSHClient client;
    private final Optional<SshShell> jumpHost;
    private static final int OPEN_ATTEMPTS = 12;

    private final Semaphore channels;
    private final int maxChannels;

    SshShell(SshConnector connector, ConnectionSpec spec, SSHClient client, Optional<SshShell> jumpHost,
             int maxChannels) {
        this.connector = connector;
        this.spec = spec;
        this.client = client;
        this.jumpHost = jumpHost;
        this.maxChannels = maxChannels;
        this.channels = new Semaphore(maxChannels, true);
    }

    public ConnectionSpec spec() {
        return spec;
    }

    SSHClient client() {
        return client;
    }

    @Override
    public ExecResult exec(Cmd command, byte[] stdin) throws TransportException {
        try {
            channels.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(prefix() + "interrupted while waiting for a channel", e);
        }
        Session session = null;
        try {
            session = openSession();
            Session.Command running = session.exec(command.toShell());
            StreamExchange.Collected io = StreamExchange.exchange(() -> WindowedInput.write(running, stdin),
                    running.getInputStream(), running.getErrorStream(), running::join);
            return result(command, running, io);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(prefix() + "interrupted while running " + command, e);
        } catch (IOException e) {
            throw new TransportException(prefix() + "connection failed while running " + command + ": "
                    + describe(e), e);
        } finally {
            closeQuietly(session);
            channels.release();
        }
    }

    /**
     * sshd frees a closed channel's session slot a moment after the close, so a burst of runs can briefly see
     * "no more sessions" (MaxSessions) even below the cap: such refusals are retried with a short backoff.
     */
    private Session openSession() throws IOException, TransportException, InterruptedException {
        long pauseMs = 5;
        for (int attempt = 1; ; attempt++) {
            if (!client.isConnected()) {
                throw new TransportException(prefix() + "the connection is closed (it broke earlier, or was closed)");
            }
            try {
                return client.startSession();
            } catch (OpenFailException e) {
                if (attempt == OPEN_ATTEMPTS) {
                    throw new TransportException(prefix() + "the host refused a session channel " + OPEN_ATTEMPTS
                            + " times (" + e.getMessage() + "); is its sshd MaxSessions below " + maxChannels + "?", e);
                }
                Thread.sleep(pauseMs);
                pauseMs = Math.min(200, pauseMs * 2);
            } catch (IllegalStateException e) {
                throw new TransportException(prefix() + "the connection is closed: " + e.getMessage(), e);
            }
        }
    }

    private ExecResult result(Cmd command, Session.Command running, StreamExchange.Collected io)
            throws TransportException {
        Integer status = running.getExitStatus();
        if (status != null) return new ExecResult(status, io.stdout(), io.stderr());
        Signal signal = running.getExitSignal();
        if (signal != null) {
            String note = "jprov: " + command + " was killed by signal " + signal + "\n";
            byte[] stderr = concat(io.stderr(), note.getBytes(StandardCharsets.UTF_8));
            return new ExecResult(128 + SIGNAL_NUMBERS.getOrDefault(signal, 127), io.stdout(), stderr,
                    Optional.of(signal.name()));
        }
        String why = io.stdinFailure().map(e -> " (writing its input failed: " + describe(e) + ")").orElse("");
        throw new TransportException(prefix() + "the connection closed before " + command
                + " reported an exit status" + why);
    }

    /** A new, independent connection to the same host (and through the same jump host, anew). */
    @Override
    public SshShell reconnect() throws TransportException {
        return connector.open(spec);
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException e) {
            // Closing a connection that already broke: nothing left to release.
        }
        jumpHost.ifPresent(SshShell::close);
    }

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    @Override
    public String toString() {
        return spec.name() + " (" + spec.address() + ")";
    }

    private String prefix() {
        return this + ": ";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Session session) {
        if (session == null) return;
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // The channel is gone either way; its result (or failure) is already known.
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
