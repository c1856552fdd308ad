package dev.jprov.transport;

import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.userauth.UserAuthException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the SSH connections of a run: one {@link SshShell} per host, verified against known_hosts and
 * authenticated with the spec's keys, ssh-agent, or the default keys. One connector serves the whole run; it
 * keeps only what is the same for every host (algorithm config, decoded key files), so it is thread safe and
 * hosts connect in parallel.
 */
public final class SshConnector {
    /** Below OpenSSH's default MaxSessions (10): leaves room for a reconnect-free pf confirm channel. */
    public static final int DEFAULT_MAX_CHANNELS = 8;
    /**
     * Waits on an open connection (a channel's window while the remote script is busy, channel open) are bounded
     * by keepalives noticing a dead peer, not by a timer: a long-running command must not time out its own input.
     */
    private static final int OPEN_CONNECTION_WAIT_MS = Integer.MAX_VALUE;

    private final Path sshDir;
    private final int maxChannels;
    private final Config config;
    private final PrivateKeys keys;
    private final Optional<AgentClient> agent;
    private final Object knownHostsAppendLock = new Object();

    public SshConnector(Path home, Optional<Path> agentSocket, int maxChannelsPerConnection) {
        // Must run before sshj's first crypto call. The JDK's providers do ed25519, X25519, AES-GCM and ChaCha20;
        // registering BouncyCastle only costs start-up time (~0.55 s measured).
        SecurityUtils.setRegisterBouncyCastle(false);
        EcdsaKeyFactoryAlias.install();
        this.sshDir = home.resolve(".ssh");
        this.maxChannels = maxChannelsPerConnection;
        this.config = new LeanSshConfig();
        this.keys = new PrivateKeys(config, sshDir);
        this.agent = agentSocket.map(AgentClient::new);
    }

    /** For the user running jprov: ~/.ssh and $SSH_AUTH_SOCK. */
    public static SshConnector forCurrentUser() {
        String sock = System.getenv("SSH_AUTH_SOCK");
        return new SshConnector(Path.of(System.getProperty("user.home")),
                sock == null || sock.isBlank() ? Optional.empty() : Optional.of(Path.of(sock)), DEFAULT_MAX_CHANNELS);
    }

    /** The host's connection with the spec's become applied to every command; closing it disconnects. */
    public CommandShell connect(ConnectionSpec spec) throws TransportException {
        return BecomeShell.owning(open(spec), spec.become());
    }

    /** The plain connection, commands running as {@code spec.user()} (the spec's become is not applied). */
    public SshShell open(ConnectionSpec spec) throws TransportException {
        Optional<SshShell> jump = Optional.empty();
        if (spec.jumpHost().isPresent()) {
            ConnectionSpec jumpSpec = spec.jumpHost().get();
            try {
                jump = Optional.of(open(jumpSpec));
            } catch (TransportException e) {
                throw new TransportException(prefix(spec) + "via jump host " + jumpSpec.address() + ": "
                        + e.getMessage(), e);
            }
        }
        SSHClient client = new SSHClient(config);
        try {
            connect(client, spec, jump);
            authenticate(client, spec);
            return new SshShell(this, spec, client, jump, maxChannels);
        } catch (TransportException | RuntimeException e) {
            try {
                client.disconnect();
            } catch (IOException | RuntimeException ignored) {
                // Already failing; the first error is the one to report.
            }
            jump.ifPresent(SshShell::close);
            throw e;
        }
    }

    private void connect(SSHClient client, ConnectionSpec spec, Optional<SshShell> jump) throws TransportException {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, spec.connectTimeout().toMillis()));
        KnownHostsCheck check;
        Path knownHosts = spec.knownHosts().orElse(sshDir.resolve("known_hosts"));
        try {
            check = new KnownHostsCheck(knownHosts, spec.port(), spec.acceptNewHostKeys(), knownHostsAppendLock);
        } catch (IOException e) {
            throw new TransportException(prefix(spec) + "cannot read " + knownHosts + ": " + e.getMessage(), e);
        }
        client.addHostKeyVerifier(check);
        client.setConnectTimeout(timeoutMs);
        // Socket read timeout: bounds the wait for the server's greeting. sshj's reader thread ignores read
        // timeouts once connected, so an idle connection is not torn down by it.
        client.setTimeout(timeoutMs);
        client.getTransport().setTimeoutMs(timeoutMs);
        client.getConnection().setTimeoutMs(OPEN_CONNECTION_WAIT_MS);
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) spec.keepAlive().toSeconds());
        try {
            if (jump.isPresent()) {
                DirectConnection tunnel = jump.get().client().newDirectConnection(spec.host(), spec.port());
                client.connectVia(tunnel);
            } else {
                client.connect(spec.host(), spec.port());
            }
        } catch (IOException e) {
            Optional<String> refusal = check.refusal();
            if (refusal.isPresent()) throw new TransportException(prefix(spec) + refusal.get(), e);
            throw new TransportException(prefix(spec) + connectFailure(spec, e), e);
        }
    }

    /**
     * Offers, in this order: the spec's key files (a passphrase-protected one through the agent's copy of it),
     * the other keys ssh-agent holds, then ~/.ssh's default keys when the spec names none. A key offered once is
     * not offered again: every refusal counts against the server's MaxAuthTries.
     */
    private void authenticate(SSHClient client, ConnectionSpec spec) throws TransportException {
        KeyOffers offers = new KeyOffers();
        AgentKeys agentKeys = agentKeys();
        for (PrivateKeys.Key key : keys.explicit(spec.privateKeys())) {
            switch (key) {
                case PrivateKeys.Usable usable -> offers.file(usable);
                case PrivateKeys.Locked locked -> offers.agent(agentKeys.holding(locked).map(agentKeys::method)
                        .orElseThrow(() -> new TransportException(prefix(spec) + "private key " + locked.file() + " "
                                + locked.reason() + "; " + agentKeys.whyNotHeld(locked))));
                case PrivateKeys.Unusable unusable -> throw new TransportException(prefix(spec) + "private key "
                        + unusable.file() + " " + unusable.reason());
            }
        }
        agentKeys.keys().stream().map(agentKeys::method).forEach(offers::agent);
        if (spec.privateKeys().isEmpty()) {
            for (PrivateKeys.Key key : keys.defaults()) {
                switch (key) {
                    case PrivateKeys.Usable usable -> offers.file(usable);
                    case PrivateKeys.Locked locked -> {
                        if (agentKeys.holding(locked).isEmpty()) offers.skip(locked.file() + " " + locked.reason());
                    }
                    case PrivateKeys.Unusable unusable -> offers.skip(unusable.file() + " " + unusable.reason());
                }
            }
        }
        agentKeys.notes().forEach(offers::skip);
        String notOffered = offers.skipped().isEmpty() ? "" : "; not offered: " + String.join("; ", offers.skipped());
        if (offers.methods().isEmpty()) {
            throw new TransportException(prefix(spec) + "no key to log in with: none given (ansible_ssh_private_key_file"
                    + " or --private-key), " + agentKeys.status() + ", no usable "
                    + String.join("/", PrivateKeys.DEFAULT_NAMES) + " in " + sshDir + notOffered);
        }
        try {
            client.auth(spec.user(), offers.methods());
        } catch (UserAuthException e) {
            // sshj keeps the last method's own error (an agent that failed to sign, say) as the cause.
            String last = e.getCause() instanceof UserAuthException cause && cause.getMessage() != null
                    ? "; last error: " + cause.getMessage() : "";
            throw new TransportException(prefix(spec) + "authentication as " + spec.user() + " failed: the host "
                    + "accepted none of the keys offered (" + String.join(", ", offers.offered()) + ")" + notOffered
                    + last, e);
        } catch (net.schmizz.sshj.transport.TransportException e) {
            throw new TransportException(prefix(spec) + "connection lost during authentication: " + e.getMessage(), e);
        }
    }

    /** The agent's keys for one connection (listed anew: keys may be added during a run). */
    private AgentKeys agentKeys() {
        if (agent.isEmpty()) return AgentKeys.absent();
        AgentClient client = agent.get();
        try {
            return AgentKeys.listed(client, client.identities());
        } catch (IOException e) {
            // An agent that is gone or broken is skipped: other keys may still log in.
            return AgentKeys.unreachable(client, e);
        }
    }

    private static String connectFailure(ConnectionSpec spec, IOException e) {
        String where = spec.host() + ":" + spec.port();
        long millis = spec.connectTimeout().toMillis();
        String timeout = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ConnectException)
                && !(cause instanceof SocketTimeoutException) && !(cause instanceof UnknownHostException)) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case ConnectException c when c.getMessage() != null && c.getMessage().contains("refused") ->
                    "cannot connect to " + where + ": connection refused (is sshd running on that port?)";
            case NoRouteToHostException c -> "cannot connect to " + where + ": no route to host";
            case ConnectException c -> "cannot connect to " + where + ": " + c.getMessage();
            case SocketTimeoutException t when e instanceof net.schmizz.sshj.transport.TransportException ->
                    "connected to " + where + " but got no SSH greeting within " + timeout;
            case SocketTimeoutException t -> "cannot connect to " + where + ": no answer within " + timeout
                    + " (connect timeout)";
            case UnknownHostException u -> "unknown host name " + spec.host();
            default -> "SSH connection to " + where + " failed: " + (e.getMessage() == null ? e : e.getMessage());
        };
    }

    private static String prefix(ConnectionSpec spec) {
        return spec.name() + " (" + spec.address() + "): ";
    }
}
