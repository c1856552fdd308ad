package dev.jprov.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The playbook the jail tests start from: on HOST, the datasets zroot/jails (at /jails) and zroot/jails/JAIL, the
 * release's base userland from the testbed mirror, and the jail started (persist, hostname JAIL).
 */
final class JailBuild {
    private JailBuild() {}

    /** Writes DIR/build.yaml for jail JAIL on HOST with RELEASE from MIRROR; returns its path. */
    static Path write(Path dir, String host, String jail, String mirror, String release) throws IOException {
        return Files.writeString(dir.resolve("build.yaml"), """
                - hosts: %1$s
                  tasks:
                    - zfs: {name: zroot/jails, state: present, extra_zfs_properties: {mountpoint: /jails}}
                    - zfs: {name: zroot/jails/%2$s, state: present}
                    - freebsd_base: {mirror: "%3$s/releases", release: %4$s, dest: /jails/%2$s}
                    - jail:
                        name: %2$s
                        state: started
                        params:
                          path: /jails/%2$s
                          host.hostname: %2$s
                          persist: true
                """.formatted(host, jail, mirror, release));
    }
}
