package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * group, user, authorized_key and getent on a fresh testbed host and in a jail of it (through the jail
 * connection: pw, pwd_mkdb and getent are the jail root's own POSIX sh commands): --check first (the same change
 * count, nothing touched, no password hash in the output), apply, apply again with nothing to change, and the
 * accounts still there after the host reboots, with root's SSH login working throughout.
 */
@IntegrationTest("a testbed container host (podman) with a jail")
@ExtendWith(TestbedExtension.class)
class AccountsOnTestbedTest {
    static final String HASH = "$6$rounds=5000$jprovsalt$2Qe0PKcJ1Nw9xwD7u8yXgBIX8vvpRgLkGe1dHzLQ8n5gJZkHQy8kYx1UoFz7bZ5n";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJprovTestKeyForAliceOnly000000000000000000000 alice@laptop";

    @TempDir
    Path dir;

    @Test
    void accountsOnAHostAndInAJailSurviveAReboot(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("accounts1");
        String mirror = testbed.mirrorUrl();
        Path hostInventory = testbed.inventory(List.of(host));
        Path jails = JailInventory.write(dir, "acjail", "accounts1");
        Path build = JailInventory.writeBuild(dir, "accounts1", "acjail", mirror);
        Jprov.Run built = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());

        Path site = Files.writeString(dir.resolve("accounts.yaml"), """
                - hosts: accounts1:jails
                  tasks:
                    - group: {name: devs, gid: 2000}
                    - user:
                        name: alice
                        comment: Alice Example
                        groups: [wheel, devs]
                        password: '%s'
                    - authorized_key:
                        user: alice
                        path: /home/alice/.ssh/authorized_keys
                        key: "%s"
                    - getent: {database: passwd, key: root}
                    - assert:
                        that: getent_passwd.root[4] == '/root' and getent_passwd.root[5] == '/bin/sh'
                    - getent: {database: group, key: devs, fail_key: false}
                """.formatted(HASH, KEY));
        String[] hosts = {"accounts1", "acjail"};
        String[] roots = {"", "/jails/acjail"};
        String masterBefore = host.readFile("/etc/master.passwd");
        String jailMasterBefore = host.readFile("/jails/acjail/etc/master.passwd");

        Jprov.Run check = Jprov.run("apply", "--check", "--diff", "-i", hostInventory.toString(), "-i", jails.toString(),
                site.toString());
        assertEquals(0, check.exitCode(), check.toString());
        for (String h : hosts) assertEquals(3, check.changed(h), h + ": " + check);
        assertEquals(masterBefore, host.readFile("/etc/master.passwd"), "check mode left the host's accounts alone");
        assertEquals(jailMasterBefore, host.readFile("/jails/acjail/etc/master.passwd"), "and the jail's");
        assertFalse(check.out().contains("jprovsalt"), "the password hash is never shown: " + check.out());

        Jprov.Run first = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), site.toString());
        assertEquals(0, first.exitCode(), first.toString());
        for (String h : hosts) assertEquals(3, first.changed(h), h + ": " + first);
        assertFalse(first.out().contains("jprovsalt"), first.out());
        for (String root : roots) assertAccounts(host, root);

        Jprov.Run again = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), site.toString());
        assertEquals(0, again.exitCode(), again.toString());
        for (String h : hosts) assertEquals(0, again.changed(h), h + ": " + again);

        host.reboot(Duration.ofSeconds(120));
        for (String root : roots) assertAccounts(host, root);
        Jprov.Run afterBoot = Jprov.run("apply", "-i", hostInventory.toString(), site.toString());
        assertEquals(0, afterBoot.exitCode(), afterBoot.toString());
        assertEquals(0, afterBoot.changed("accounts1"), afterBoot.toString());
    }

    /** What pw, pwd_mkdb and authorized_key leave under {@code root} (the host's / or the jail's path). */
    static void assertAccounts(TestbedHost host, String root) {
        String master = host.readFile(root + "/etc/master.passwd");
        assertTrue(master.contains("\nalice:" + HASH + ":1001:1001::0:0:Alice Example:/home/alice:/bin/sh\n"), master);
        assertTrue(host.readFile(root + "/etc/passwd").contains("\nalice:*:1001:1001:Alice Example:/home/alice:/bin/sh\n"));
        String group = host.readFile(root + "/etc/group");
        assertTrue(group.contains("\nwheel:*:0:root,alice\n"), group);
        assertTrue(group.contains("\ndevs:*:2000:alice\n"), group);
        assertTrue(group.contains("\nalice:*:1001:\n"), group);
        assertEquals(KEY + "\n", host.readFile(root + "/home/alice/.ssh/authorized_keys"));
        assertEquals("1001:1001 600\n1001:1001 700\n", host.ssh("stat -f '%u:%g %Lp' " + root
                + "/home/alice/.ssh/authorized_keys " + root + "/home/alice/.ssh").orFail("stat").stdout());
        assertTrue(host.ssh("ls -a " + root + "/home/alice").orFail("ls").stdout().contains(".profile"),
                "pw -m copied /usr/share/skel");
    }
}
