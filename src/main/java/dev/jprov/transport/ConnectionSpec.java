package dev.jprov.transport;

import dev.jprov.plan.Cmd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach one host, from its connection variables (ansible_host, ansible_port, ansible_user,
 * ansible_ssh_private_key_file, ansible_ssh_common_args, ansible_become*) and the command line.
 * {@code knownHosts} empty means ~/.ssh/known_hosts; {@code strictHostKeyChecking} false only with an explicit
 * option (trust on first use: unknown keys are accepted and recorded, changed keys are still refused).
 * {@code connectTimeout} bounds TCP connect, key exchange and authentication; {@code keepAlive} zero turns
 * keepalives off.
 */
public record ConnectionSpec(String name, String host, int port, String user, List<Path> privateKeys,
                             Optional<Path> knownHosts, boolean acceptNewHostKeys,
                             Optional<ConnectionSpec> jumpHost, Duration connectTimeout, Duration keepAlive,
                             Become become) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    public ConnectionSpec {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host " + name + ": empty address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("host " + name + ": port " + port + " is not between 1 and 65535");
        }
        privateKeys = List.copyOf(privateKeys);
    }

    /** The same connection with another connect timeout (a reboot's connect_timeout for its reconnections). */
    public ConnectionSpec withConnectTimeout(Duration timeout) {
        return new ConnectionSpec(name, host, port, user, privateKeys, knownHosts, acceptNewHostKeys, jumpHost, timeout,
                keepAlive, become);
    }

    /** A spec with the defaults: port 22, the default keys and known_hosts, 10 s connect timeout, no become. */
    public static ConnectionSpec of(String name, String host, int port, String user) {
        return new ConnectionSpec(name, host, port, user, List.of(), Optional.empty(), false, Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_KEEP_ALIVE, Become.NONE);
    }

    /** "user@host:port", as error messages name a target. */
    public String address() {
        return user + "@" + host + ":" + port;
    }

    /** Privilege escalation for every script: none, or sudo / doas / su to a user. */
    public record Become(boolean enabled, String method, String user) {
        public static final Set<String> METHODS = Set.of("sudo", "doas", "su");
        public static final Become NONE = new Become(false, "sudo", "root");

        public Become {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("become method '" + method + "' is not supported (use sudo, doas or su)");
            }
            if (user == null || user.isEmpty()) throw new IllegalArgumentException("become user is empty");
        }

        public static Become of(String method, String user) {
            return new Become(true, method, user);
        }

        /**
         * The command run as {@link #user}: {@code sudo -n -u USER -- CMD}, {@code doas -n -u USER CMD} or
         * {@code su USER -c 'CMD'}. Non-interactive (-n): a password prompt fails at once instead of hanging.
         * su has no such flag; it fails on its own without a terminal.
         */
        public Cmd wrap(Cmd command) {
            if (!enabled) return command;
            return switch (method) {
                case "sudo" -> Cmd.of("sudo", "-n", "-u", user, "--").plus(command.argv());
                case "doas" -> Cmd.of("doas", "-n", "-u", user).plus(command.argv());
                case "su" -> Cmd.of("su", user, "-c", command.toShell());
                default -> throw new IllegalStateException(method);
            };
        }
    }
}
