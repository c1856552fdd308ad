package dev.jprov.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach one host, from its connection variables (ansible_host, ansible_port, ansible_user,
 * ansible_ssh_private_key_file, ansible_ssh_common_args, ansible_become*) and the command line.
 * {@code knownHosts} empty means ~/.ssh/known_hosts; {@code strictHostKeyChecking} false only with an explicit
 * option (trust on first use: unknown keys are accepted and recorded, changed keys are still refused).
 */
public record ConnectionSpec(String name, String host, int port, String user, List<Path> privateKeys,
                             Optional<Path> knownHosts, boolean acceptNewHostKeys,
                             Optional<ConnectionSpec> jumpHost, Duration connectTimeout, Duration keepAlive,
                             Become become) {

    /** Privilege escalation for every script: none, or sudo / doas / su to a user. */
    public record Become(boolean enabled, String method, String user) {
        public static final Become NONE = new Become(false, "sudo", "root");
    }
}
