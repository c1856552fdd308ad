package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * get_url and unarchive on a simulated FreeBSD host and in a jail of it: the release mirror's base.txz fetched
 * with fetch(1) and its sha256, unpacked with bsdtar from the host's copy, and a tgz from the controller unpacked
 * beside it; a second run changes nothing, and --check after part of the result was removed counts what the real
 * run then changes, touching nothing.
 */
@IntegrationTest("testbed container hosts (podman)")
@ExtendWith(TestbedExtension.class)
class DownloadAndUnpackOnTestbedTest {
    @TempDir
    Path dir;

    @Test
    void downloadsAndUnpacksOnAHostAndInAJail(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("fetchhost1");
        String mirror = testbed.mirrorUrl();
        Path hostInventory = testbed.inventory(List.of(host));
        Path jails = JailInventory.write(dir, "dl1", "fetchhost1");
        Path build = dir.resolve("jail.yaml");
        Files.writeString(build, """
                - hosts: fetchhost1
                  tasks:
                    - zfs: {name: zroot/jails, state: present, extra_zfs_properties: {mountpoint: /jails}}
                    - zfs: {name: zroot/jails/dl1, state: present}
                    - freebsd_base: {mirror: "%s/releases", release: 14.3-RELEASE, dest: /jails/dl1}
                    - jail: {name: dl1, state: started, params: {path: /jails/dl1, host.hostname: dl1, persist: true}}
                """.formatted(mirror));
        Jprov.Run built = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());

        Path base = Path.of("build/testbed-mirror/releases/amd64/14.3-RELEASE/base.txz"); // served by mirrorUrl()
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(base)));
        Files.createDirectories(dir.resolve("files/payload/conf"));
        Files.writeString(dir.resolve("files/payload/conf/app.conf"), "listen=8080\n");
        Files.writeString(dir.resolve("files/payload/README"), "payload\n");
        Process tar = new ProcessBuilder("bsdtar", "-czf", dir.resolve("files/payload.tgz").toString(), "-C",
                dir.resolve("files").toString(), "payload").inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, """
                - hosts: fetchhost1:dl1
                  gather_facts: false
                  tasks:
                    - file: {path: /srv/base, state: directory}
                    - get_url:
                        url: "%s/releases/amd64/14.3-RELEASE/base.txz"
                        dest: /srv/base.txz
                        checksum: "sha256:%s"
                        mode: "0640"
                    - unarchive: {src: /srv/base.txz, dest: /srv/base, remote_src: true, exclude: [rescue]}
                    - unarchive: {src: payload.tgz, dest: /srv, list_files: true}
                      register: payload
                    - assert:
                        that: payload.files | sort == ['payload/', 'payload/conf/', 'payload/conf/app.conf', 'payload/README']  # sort ignores case
                """.formatted(mirror, sha256));
        String[] apply = {"apply", "-i", hostInventory.toString(), "-i", jails.toString(), site.toString()};
        Jprov.Run first = Jprov.run(apply);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(4, first.changed("fetchhost1"), first.toString());
        assertEquals(4, first.changed("dl1"), first.toString());
        for (String root : List.of("", "/jails/dl1")) {
            assertEquals("listen=8080\n", host.readFile(root + "/srv/payload/conf/app.conf"));
            assertTrue(host.exec("test", "-x", root + "/srv/base/usr/bin/tar").succeeded(), root);
            assertTrue(!host.exec("test", "-e", root + "/srv/base/rescue").succeeded(), root);
            assertEquals("640", host.exec("stat", "-f", "%Lp", root + "/srv/base.txz").stdout().strip());
        }

        Jprov.Run again = Jprov.run(apply);
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.changed("fetchhost1"), again.toString());
        assertEquals(0, again.changed("dl1"), again.toString());

        // Take part of both unpacked trees away: --check counts the two unarchive tasks and restores nothing.
        for (String root : List.of("", "/jails/dl1")) {
            assertTrue(host.exec("rm", "-rf", root + "/srv/base/etc", root + "/srv/payload/README").succeeded());
        }
        String before = host.exec("sh", "-c", "find /srv /jails/dl1/srv | sort").stdout();
        String[] check = {"apply", "--check", "-i", hostInventory.toString(), "-i", jails.toString(), site.toString()};
        Jprov.Run dry = Jprov.run(check);
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(2, dry.changed("fetchhost1"), dry.toString());
        assertEquals(2, dry.changed("dl1"), dry.toString());
        assertEquals(before, host.exec("sh", "-c", "find /srv /jails/dl1/srv | sort").stdout());

        Jprov.Run repair = Jprov.run(apply);
        assertEquals(0, repair.exitCode(), repair.toString());
        assertEquals(2, repair.changed("fetchhost1"), repair.toString());
        assertEquals(2, repair.changed("dl1"), repair.toString());
        assertEquals("payload\n", host.readFile("/jails/dl1/srv/payload/README"));
    }
}
