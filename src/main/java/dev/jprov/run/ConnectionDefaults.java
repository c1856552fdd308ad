package dev.jprov.run;

import dev.jprov.inventory.BecomeVars;
import dev.jprov.inventory.ConnectionKind;
import dev.jprov.inventory.ConnectionVarsException;
import dev.jprov.inventory.HostConnection;
import dev.jprov.inventory.JumpHost;
import dev.jprov.transport.ConnectionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the command line and the environment give every connection, below the inventory's own variables:
 * the user ({@code -u}, else the local user), keys ({@code --private-key}, then ~/.ssh/id_ed25519 and id_rsa),
 * {@code --accept-new-host-keys}, the connect timeout and keepalive interval, and the home directory for '~'.
 * It lives here, in the wiring, because it makes the transport's spec from the inventory's connection
 * variables: the inventory does not know the transport.
 */
record ConnectionDefaults(String user, List<Path> privateKeys, boolean acceptNewHostKeys,
                          Duration connectTimeout, Duration keepAlive, Path home) {
    ConnectionDefaults {
        privateKeys = List.copyOf(privateKeys);
    }

    /**
     * The transport's spec for an SSH host. The inventory's values win over the defaults (as ansible_user wins
     * over -u); StrictHostKeyChecking=no/off/accept-new turns on trust-on-first-use, which still refuses a
     * changed key, since ConnectionSpec has no mode that accepts any key.
     */
    ConnectionSpec spec(HostConnection host) {
        if (host.kind() != ConnectionKind.SSH) {
            throw new IllegalStateException("host " + host.name() + " is reached by "
                    + host.kind().name().toLowerCase(Locale.ROOT) + ", not over ssh");
        }
        var ssh = host.ssh();
        String login = host.user().or(ssh::user).orElse(user);
        LinkedHashSet<Path> keys = new LinkedHashSet<>();
        host.privateKey().ifPresent(keys::add);
        keys.addAll(ssh.identityFiles());
        keys.addAll(privateKeys);
        boolean acceptNew = acceptNewHostKeys
                || ssh.strictHostKeyChecking().map(m -> !m.equals("yes") && !m.equals("ask")).orElse(false);
        Duration timeout = ssh.connectTimeout().orElse(connectTimeout);
        Duration alive = ssh.serverAliveInterval().orElse(keepAlive);
        Optional<ConnectionSpec> jump = Optional.empty();
        for (JumpHost hop : ssh.jumps()) {
            jump = Optional.of(new ConnectionSpec(hop.host(), hop.host(), hop.port().orElse(22),
                    hop.user().orElse(user), List.copyOf(keys), ssh.knownHostsFile(), acceptNew, jump,
                    timeout, alive, ConnectionSpec.Become.NONE));
        }
        try {
            return new ConnectionSpec(host.name(), host.address(), host.effectivePort(), login, List.copyOf(keys),
                    ssh.knownHostsFile(), acceptNew, jump, timeout, alive, become(host));
        } catch (IllegalArgumentException e) {
            throw new ConnectionVarsException(e.getMessage(), e);
        }
    }

    /** The transport's become for a host's become variables; an unknown method names the variable that set it. */
    static ConnectionSpec.Become become(HostConnection host) {
        BecomeVars b = host.become();
        if (!ConnectionSpec.Become.METHODS.contains(b.method())) {
            throw new ConnectionVarsException("host " + host.name() + ": ansible_become_method '" + b.method()
                    + "' is not supported (use sudo, doas or su)");
        }
        try {
            return new ConnectionSpec.Become(b.enabled(), b.method(), b.user());
        } catch (IllegalArgumentException e) {
            throw new ConnectionVarsException("host " + host.name() + ": " + e.getMessage(), e);
        }
    }
}
