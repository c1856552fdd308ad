package dev.jprov.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An inventory file that makes a jail an inventory host of its own, in group {@code jails}, reached through the
 * host that runs it (ansible_connection: jail, jail_host), as the jail tests pass it with a second {@code -i}.
 */
final class JailInventory {
    private JailInventory() {}

    /** Writes DIR/jails.yaml with jail JAIL on JAILHOST; returns its path. */
    static Path write(Path dir, String jail, String jailHost) throws IOException {
        return Files.writeString(dir.resolve("jails.yaml"), """
                all:
                  children:
                    jails:
                      hosts:
                        %s:
                          ansible_connection: jail
                          jail_host: %s
                """.formatted(jail, jailHost));
    }
}
