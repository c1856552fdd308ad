package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role written the way public FreeBSD baseline roles are (src/test/resources/it/baseline: lists in defaults,
 * looped tasks with {@code default(omit)}, include_vars of the OS's file, FQCN module names) on a fresh testbed
 * host: the real run, a rerun with changed=0, --check with the same count and the host untouched, and after a
 * reboot a rerun that still changes nothing (sysctl.conf, fstab mounts, crontabs, the zone and the accounts
 * persist). Each module's own testbed test runs --check from a fresh host; this role's cannot, as Ansible's
 * cannot: its authorized_key needs the account an earlier task creates.
 */
@IntegrationTest("a testbed container host (podman)")
@ExtendWith(TestbedExtension.class)
class BaselineRoleTest {
    /** What the role may touch, as one listing: paths with their content hashes, and the live kernel state. */
    private static final String HOST_STATE = "find /etc /boot /home /usr/home /var/cron /usr/local /var/cache /jails "
            + "-xdev \\( -type f -o -type l \\) 2>/dev/null | sort | while read -r f; do "
            + "echo \"$f $(sha256 -q \"$f\" 2>/dev/null)\"; done; mount -p; "
            + "sysctl net.inet.ip.forwarding security.bsd.see_other_uids kern.ipc.somaxconn";

    @TempDir
    Path dir;

    @Test
    void aFreshHostTakesTheBaselineOnceAndKeepsItAcrossAReboot(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("baseline1");
        String mirror = testbed.mirrorUrl();
        copyFixture();
        HttpServer server = serveToolArchive(URI.create(mirror).getHost());
        try {
            Path inventory = testbed.inventory(List.of(host));
            Jprov.Run first = run(inventory);
            assertEquals(0, first.exitCode(), first.toString());
            assertEquals(19, first.changed("baseline1"), first.toString());

            Jprov.Run again = run(inventory);
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals(0, again.changed("baseline1"), again.toString());

            String applied = host.ssh(HOST_STATE).stdout();
            Jprov.Run check = run(inventory, "--check");
            assertEquals(0, check.exitCode(), check.toString());
            assertEquals(0, check.changed("baseline1"), "--check agrees with the rerun: " + check);
            assertEquals(applied, host.ssh(HOST_STATE).stdout(), "--check left the host as it was");

            assertTrue(host.readFile("/etc/master.passwd").contains(
                    "deploy:$6$rounds=5000$saltsalt$"), "the hash went to master.passwd");
            assertTrue(host.readFile("/home/deploy/.ssh/authorized_keys").startsWith("from=\"198.18.0.0/15\" ssh-ed25519 "));
            assertTrue(host.readFile("/etc/sysctl.conf").contains("kern.ipc.somaxconn=1024\n"));
            assertTrue(host.readFile("/boot/loader.conf").contains("kern.racct.enable=\"1\"\n"));
            assertTrue(host.readFile("/etc/fstab.web1").contains("/usr/local/share/shared"));
            assertTrue(host.readFile("/etc/cron.d/baseline").contains("#Ansible: scrub\n0 2 1 * * root /sbin/zpool scrub zroot\n"));
            assertTrue(host.readFile("/etc/periodic.conf").contains("daily_clean_tmps_enable=\"YES\"\n"));
            assertEquals("Europe/Prague\n", host.readFile("/var/db/zoneinfo"));
            assertTrue(host.ssh("pkg info -e bash && echo yes").stdout().contains("yes"));
            assertEquals("#!/bin/sh\necho tool\n", host.readFile("/usr/local/share/baseline/tools/bin/tool"));

            host.reboot(Duration.ofSeconds(120));
            assertEquals("net.inet.ip.forwarding: 1\n", host.ssh("sysctl net.inet.ip.forwarding").stdout(),
                    "the boot applied /etc/sysctl.conf");
            assertTrue(host.ssh("mount -p").stdout().matches("(?s).*tmpfs\\s+/var/scratch\\s+tmpfs.*"), "the boot mounted /var/scratch");
            assertEquals("1\n", host.ssh("sysctl -n kern.racct.enable").stdout(), "the loader set the tunable");
            Jprov.Run afterBoot = run(inventory);
            assertEquals(0, afterBoot.exitCode(), afterBoot.toString());
            assertEquals(0, afterBoot.changed("baseline1"), afterBoot.toString());
        } finally {
            server.stop(0);
        }
    }

    private Jprov.Run run(Path inventory, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", "-i", inventory.toString(),
                "-e", "@" + dir.resolve("archive.yaml")));
        args.addAll(List.of(flags));
        args.add(dir.resolve("site.yaml").toString());
        return Jprov.run(args.toArray(String[]::new));
    }

    private void copyFixture() throws Exception {
        URL url = BaselineRoleTest.class.getResource("/it/baseline");
        Path from = Path.of(url.toURI());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = dir.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
    }

    /** The tool archive and its checksum, served from the machine's side of the container network: no internet. */
    private HttpServer serveToolArchive(String address) throws Exception {
        Path www = dir.resolve("www");
        Files.createDirectories(www.resolve("tools/bin"));
        Files.writeString(www.resolve("tools/bin/tool"), "#!/bin/sh\necho tool\n");
        Process tar = new ProcessBuilder("bsdtar", "-czf", www.resolve("tools.tgz").toString(), "-C", www.toString(),
                "tools").inheritIO().start();
        assertEquals(0, tar.waitFor());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(www.resolve("tools.tgz"))));
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/tools.tgz", ex -> {
            byte[] body = Files.readAllBytes(www.resolve("tools.tgz"));
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        Files.writeString(dir.resolve("archive.yaml"), "bl_archive_url: http://%s:%d/tools.tgz\nbl_archive_checksum: sha256:%s\n"
                .formatted(address, server.getAddress().getPort(), sha256));
        return server;
    }
}
