package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * get_url and unarchive on a simulated FreeBSD host and in a jail of it: a txz fetched with fetch(1) into a
 * directory, checked against its line in a SHA256SUMS, unpacked with bsdtar from the host's copy, and a tgz from
 * the controller unpacked beside it; a second run changes nothing, and --check after part of the result was removed counts what the real
 * run then changes, touching nothing; after a reboot the host's run changes nothing.
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
        Path build = JailInventory.writeBuild(dir, "fetchhost1", "dl1", mirror);
        Jprov.Run built = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());

        // The archive comes from a server of this test's own on the machine's side of the container network (the
        // mirror's address), with a SHA256SUMS beside it: never the internet.
        Files.createDirectories(dir.resolve("www/app/bin"));
        Files.writeString(dir.resolve("www/app/bin/run"), "#!/bin/sh\necho run\n");
        Files.writeString(dir.resolve("www/app/skip"), "not unpacked\n");
        Files.createDirectories(dir.resolve("files/payload/conf"));
        Files.writeString(dir.resolve("files/payload/conf/app.conf"), "listen=8080\n");
        Files.writeString(dir.resolve("files/payload/README"), "payload\n");
        bsdtar("-cJf", dir.resolve("www/app-1.0.txz").toString(), "-C", dir.resolve("www").toString(), "app");
        bsdtar("-czf", dir.resolve("files/payload.tgz").toString(), "-C", dir.resolve("files").toString(), "payload");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("www/app-1.0.txz"))));
        Files.writeString(dir.resolve("www/SHA256SUMS"), sha256 + "  app-1.0.txz\n" + "0".repeat(64) + "  other.txz\n");
        HttpServer server = HttpServer.create(new InetSocketAddress(URI.create(mirror).getHost(), 0), 0);
        server.createContext("/", ex -> {
            Path file = dir.resolve("www").resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(dir.resolve("www")) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String www = "http://" + URI.create(mirror).getHost() + ":" + server.getAddress().getPort();
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, """
                - hosts: fetchhost1:dl1
                  gather_facts: false
                  tasks:
                    - file: {path: /srv/app, state: directory}
                    - get_url: {url: "%s/app-1.0.txz", dest: /srv, checksum: "sha256:%s/SHA256SUMS", mode: "0640"}
                    - unarchive: {src: /srv/app-1.0.txz, dest: /srv/app, remote_src: true, exclude: [app/skip]}
                    - unarchive: {src: payload.tgz, dest: /srv, list_files: true}
                      register: payload
                    - assert:
                        that: payload.files | sort == ['payload/', 'payload/conf/', 'payload/conf/app.conf', 'payload/README']  # sort ignores case
                """.formatted(www, www));
        String[] apply = {"apply", "-i", hostInventory.toString(), "-i", jails.toString(), site.toString()};
        Jprov.Run first = Jprov.run(apply);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(4, first.changed("fetchhost1"), first.toString());
        assertEquals(4, first.changed("dl1"), first.toString());
        for (String root : List.of("", "/jails/dl1")) {
            assertEquals("listen=8080\n", host.readFile(root + "/srv/payload/conf/app.conf"));
            assertEquals("#!/bin/sh\necho run\n", host.readFile(root + "/srv/app/app/bin/run"));
            assertTrue(!host.exec("test", "-e", root + "/srv/app/app/skip").succeeded(), root);
            assertEquals("640", host.exec("stat", "-f", "%Lp", root + "/srv/app-1.0.txz").stdout().strip());
        }

        Jprov.Run again = Jprov.run(apply);
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.changed("fetchhost1"), again.toString());
        assertEquals(0, again.changed("dl1"), again.toString());

        // Take part of both unpacked trees away: --check counts the two unarchive tasks and restores nothing.
        for (String root : List.of("", "/jails/dl1")) {
            assertTrue(host.exec("rm", "-rf", root + "/srv/app/app/bin", root + "/srv/payload/README").succeeded());
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

        // What the modules leave is files: it survives a reboot, after which the host's run changes nothing.
        host.reboot(Duration.ofSeconds(120));
        Jprov.Run rebooted = Jprov.run("apply", "-l", "fetchhost1", "-i", hostInventory.toString(), "-i",
                jails.toString(), site.toString());
        assertEquals(0, rebooted.exitCode(), rebooted.toString());
        assertEquals(0, rebooted.changed("fetchhost1"), rebooted.toString());
        server.stop(0);
    }

    private static void bsdtar(String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("bsdtar"));
        argv.addAll(List.of(args));
        assertEquals(0, new ProcessBuilder(argv).inheritIO().start().waitFor(), argv.toString());
    }
}
