package dev.jprov.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the command line and the environment give every connection, below the inventory's own variables:
 * the user ({@code -u}, else the local user), keys ({@code --private-key}, then ~/.ssh/id_ed25519 and id_rsa),
 * {@code --accept-new-host-keys}, the connect timeout and keepalive interval, and the home directory for '~'.
 */
public record ConnectionDefaults(String user, List<Path> privateKeys, boolean acceptNewHostKeys,
                                 Duration connectTimeout, Duration keepAlive, Path home) {
    public ConnectionDefaults {
        privateKeys = List.copyOf(privateKeys);
    }
}
