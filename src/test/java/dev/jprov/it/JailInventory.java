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

    /** Writes DIR/build.yaml, the {@link #buildPlay}; returns its path. */
    static Path writeBuild(Path dir, String jailHost, String jail, String mirror) throws IOException {
        return Files.writeString(dir.resolve("build.yaml"), buildPlay(jailHost, jail, mirror));
    }

    /** The play that makes jail JAIL on JAILHOST from the testbed mirror's 14.3-RELEASE and starts it. */
    static String buildPlay(String jailHost, String jail, String mirror) {
        return """
                - hosts: %1$s
                  gather_facts: false
                  tasks:
                    - zfs: {name: zroot/jails, state: present, extra_zfs_properties: {mountpoint: /jails}}
                    - zfs: {name: zroot/jails/%2$s, state: present}
                    - freebsd_base: {mirror: "%3$s/releases", release: 14.3-RELEASE, dest: /jails/%2$s}
                    - jail: {name: %2$s, state: started, params: {path: /jails/%2$s, host.hostname: %2$s, persist: true}}
                """.formatted(jailHost, jail, mirror);
    }
}
