package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * cron, cronvar, timezone and pause on a fresh testbed host and in a jail of it (jexec through the host's
 * connection, busybox userland): apply, apply again with nothing changed, --check of a second version with the
 * same count and nothing touched, then that version applied; the crontabs and the zone survive a reboot.
 */
@IntegrationTest("a testbed container host (podman) with a jail")
@ExtendWith(TestbedExtension.class)
class CronTimezoneOnTestbedTest {
    @TempDir
    Path dir;

    private static final String TASKS = """
            - hosts: cronhost1:web1
              gather_facts: false
              tasks:
                - cron: {name: backup, minute: "%s", hour: "3", job: /usr/local/bin/backup.sh, user: root}
                - cron: {name: SHELL, env: true, job: /bin/sh, user: root}
                - cron: {name: daily report, cron_file: jprov-report, user: root, special_time: daily, job: /usr/local/bin/report}
                - community.general.cronvar: {name: MAILTO, value: ops@example.org, user: root}
                - timezone: {name: %s}
                - pause: {seconds: 1}
            """;

    /** root's crontab as Ansible's cron and cronvar leave it for TASKS. */
    private static String crontab(String minute) {
        return "MAILTO=ops@example.org\nSHELL=\"/bin/sh\"\n#Ansible: backup\n" + minute
                + " 3 * * * /usr/local/bin/backup.sh\n";
    }

    private static final String CRON_FILE = "#Ansible: daily report\n@daily root /usr/local/bin/report\n";

    @Test
    void cronJobsAndTheZoneOnAHostAndInAJail(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("cronhost1");
        String mirror = testbed.mirrorUrl();
        Path hostInventory = testbed.inventory(List.of(host));
        Path jails = JailInventory.write(dir, "web1", "cronhost1");
        Path build = Files.writeString(dir.resolve("build.yaml"), JailInventory.buildPlay("cronhost1", "web1", mirror));
        Jprov.Run built = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());
        // a fresh install: tzsetup's UTC, no crontabs
        assertEquals("UTC\n", host.readFile("/var/db/zoneinfo"));
        assertEquals("", host.ssh("ls /var/cron/tabs").stdout());

        Path first = Files.writeString(dir.resolve("site.yaml"), TASKS.formatted("30", "Europe/Berlin"));
        String[] inventories = {"-i", hostInventory.toString(), "-i", jails.toString()};
        Jprov.Run applied = jprov(inventories, first);
        assertEquals(0, applied.exitCode(), applied.toString());
        for (String target : List.of("cronhost1", "web1")) assertEquals(5, applied.changed(target), applied.toString());
        for (String root : List.of("", "/jails/web1")) {
            assertEquals(crontab("30"), host.ssh("chroot " + (root.isEmpty() ? "/" : root) + " crontab -l").stdout());
            assertEquals(CRON_FILE, host.readFile(root + "/etc/cron.d/jprov-report"));
            assertEquals("/usr/share/zoneinfo/Europe/Berlin\n", host.ssh("readlink " + root + "/etc/localtime").stdout());
            assertEquals("Europe/Berlin\n", host.readFile(root + "/var/db/zoneinfo"));
            assertEquals("600 root\n", host.ssh("stat -f '%Lp %Su' " + root + "/var/cron/tabs/root").stdout());
        }

        Jprov.Run again = jprov(inventories, first);
        assertEquals(0, again.exitCode(), again.toString());
        for (String target : List.of("cronhost1", "web1")) assertEquals(0, again.changed(target), again.toString());

        Path second = Files.writeString(dir.resolve("second.yaml"), TASKS.formatted("45", "America/New_York"));
        String before = state(host);
        Jprov.Run checked = Jprov.run("apply", "--check", inventories[0], inventories[1], inventories[2],
                inventories[3], second.toString());
        assertEquals(0, checked.exitCode(), checked.toString());
        for (String target : List.of("cronhost1", "web1")) assertEquals(2, checked.changed(target), checked.toString());
        assertEquals(before, state(host), "--check leaves the crontabs and the zone as they were");
        Jprov.Run changed = jprov(inventories, second);
        for (String target : List.of("cronhost1", "web1")) assertEquals(2, changed.changed(target), changed.toString());
        assertEquals(crontab("45"), host.ssh("crontab -l").stdout());

        host.reboot(Duration.ofSeconds(120));
        String after = state(host);
        assertTrue(after.contains(crontab("45")), after);
        assertTrue(after.contains("/usr/share/zoneinfo/America/New_York"), after);
        assertEquals(before.replace("30 3", "45 3").replace("Europe/Berlin", "America/New_York"), after);
    }

    private static Jprov.Run jprov(String[] inventories, Path playbook) {
        return Jprov.run("apply", inventories[0], inventories[1], inventories[2], inventories[3], playbook.toString());
    }

    /** The crontabs, cron file and zone of the host and of the jail's root, as text. */
    private static String state(TestbedHost host) throws Exception {
        return host.ssh("for r in / /jails/web1; do chroot $r crontab -l; cat $r/etc/cron.d/jprov-report; "
                + "readlink $r/etc/localtime; cat $r/var/db/zoneinfo; done").stdout();
    }
}
