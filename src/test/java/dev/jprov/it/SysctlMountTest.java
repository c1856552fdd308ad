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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ansible.posix.sysctl and ansible.posix.mount through playbooks on one fresh testbed host and one jail of it:
 * check mode (same count, host untouched), apply, apply again (changed=0), and a reboot after which sysctl.conf's
 * values (rc.d/sysctl), the loader tunable (/boot/loader.conf) and the fstab mounts (rc.d/mountcritlocal) are back.
 */
@IntegrationTest("a testbed container host (podman)")
@ExtendWith(TestbedExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SysctlMountTest {
    @TempDir
    static Path dir;
    static TestbedHost host;
    static Path hostInventory;
    static Path jails;

    static final String HOST_PLAY = """
            - hosts: sysmount1
              tasks:
                - sysctl: {name: net.inet.ip.forwarding, value: 1}
                - ansible.posix.sysctl: {name: security.bsd.see_other_uids, value: 0, sysctl_set: true}
                - sysctl: {name: kern.racct.enable, value: "1"}
                - file: {path: /srv/shared, state: directory}
                - copy: {dest: /srv/shared/hello, content: "hi\\n"}
                - ansible.posix.mount: {path: /mnt/shared, src: /srv/shared, fstype: nullfs, opts: ro, state: mounted}
                - mount: {path: /mnt/scratch, src: tmpfs, fstype: tmpfs, opts: "rw,mode=1777", state: mounted}
                - mount: {path: /jails/web2/mnt, src: /srv/shared, fstype: nullfs, state: present, fstab: /etc/fstab.web2}
                - mount: {path: /mnt/none, state: unmounted}
            """;
    static final String JAIL_PLAY = """
            - hosts: web2
              tasks:
                - sysctl: {name: kern.ipc.somaxconn, value: 1024}
                - mount: {path: /mnt/tmp, src: tmpfs, fstype: tmpfs, opts: rw, state: present}
                - mount: {path: /mnt/tmp, state: unmounted}
            """;

    @BeforeAll
    static void build(Testbed testbed) throws Exception {
        host = testbed.freshHost("sysmount1");
        hostInventory = testbed.inventory(List.of(host));
        jails = JailInventory.write(dir, "web2", "sysmount1");
        Path build = JailInventory.writeBuild(dir, "sysmount1", "web2", testbed.mirrorUrl());
        Jprov.Run built = run(build);
        assertEquals(0, built.exitCode(), built.toString());
    }

    static Jprov.Run run(Path playbook, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", "-i", hostInventory.toString(), "-i",
                jails.toString()));
        args.addAll(List.of(flags));
        args.add(playbook.toString());
        return Jprov.run(args.toArray(String[]::new));
    }

    /** What the plays may change on the host, read back as one text. */
    static String state() {
        return host.ssh("cat /etc/sysctl.conf /boot/loader.conf /etc/fstab /etc/fstab.web2 /jails/web2/etc/sysctl.conf "
                + "/jails/web2/etc/fstab 2>&1; sysctl net.inet.ip.forwarding security.bsd.see_other_uids; mount -p; "
                + "ls -d /mnt/shared /mnt/scratch 2>&1").stdout();
    }

    /** --check, then the real run: both count {@code changes}, and the check left everything as it was. */
    static Jprov.Run checkThenApply(Path play, String target, int changes) {
        String before = state();
        Jprov.Run check = run(play, "--check");
        assertEquals(0, check.exitCode(), check.toString());
        assertEquals(before, state(), "check mode leaves " + target + " as it was");
        assertEquals(changes, check.changed(target), check.toString());
        Jprov.Run first = run(play);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(changes, first.changed(target), first.toString());
        return first;
    }

    @Test
    @Order(1)
    void onTheHostCheckThenApplyThenNothingLeft() throws Exception {
        Path play = Files.writeString(dir.resolve("host.yaml"), HOST_PLAY);
        Jprov.Run first = checkThenApply(play, "sysmount1", 8);
        assertTrue(first.out().contains("kern.racct.enable is a loader tunable"), first.out());
        String fstab = host.readFile("/etc/fstab");
        assertTrue(fstab.endsWith("/srv/shared /mnt/shared nullfs ro 0 0\ntmpfs /mnt/scratch tmpfs rw,mode=1777 0 0\n"),
                fstab);
        assertEquals("/srv/shared /jails/web2/mnt nullfs rw 0 0\n", host.readFile("/etc/fstab.web2"));
        assertTrue(host.readFile("/etc/sysctl.conf").endsWith("#security.bsd.see_other_uids=0\nvfs.zfs.min_auto_ashift=12\n"
                + "net.inet.ip.forwarding=1\nsecurity.bsd.see_other_uids=0\n"), host.readFile("/etc/sysctl.conf"));
        assertTrue(host.readFile("/boot/loader.conf").contains("kern.racct.enable=\"1\"\n"));
        assertEquals("1\n0\n", host.ssh("sysctl -n net.inet.ip.forwarding security.bsd.see_other_uids").stdout());
        assertEquals("hi\n", host.ssh("cat /mnt/shared/hello").stdout(), "a real nullfs (bind) mount");
        String table = host.ssh("mount").stdout();
        assertTrue(table.contains("/srv/shared on /mnt/shared (nullfs, local, read-only)"), table);
        assertTrue(table.contains("tmpfs on /mnt/scratch (tmpfs, local)"), table);

        Jprov.Run again = run(play);
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.changed("sysmount1"), again.toString());
    }

    @Test
    @Order(2)
    void inTheJailCheckThenApplyThenNothingLeft() throws Exception {
        Path play = Files.writeString(dir.resolve("jail.yaml"), JAIL_PLAY);
        Jprov.Run first = checkThenApply(play, "web2", 2);
        assertTrue(first.out().contains("cannot be set in a jail"), first.out());
        assertEquals("kern.ipc.somaxconn=1024\n", host.readFile("/jails/web2/etc/sysctl.conf"));
        assertTrue(host.readFile("/jails/web2/etc/fstab").endsWith("tmpfs /mnt/tmp tmpfs rw 0 0\n"));
        Jprov.Run again = run(play);
        assertEquals(0, again.changed("web2"), again.toString());

        // A jail without allow.mount may not mount: the kernel's EPERM, as mount(8) prints it.
        Path mount = Files.writeString(dir.resolve("jailmount.yaml"), """
                - hosts: web2
                  tasks:
                    - mount: {path: /mnt/tmp, src: tmpfs, fstype: tmpfs, opts: rw, state: mounted}
                """);
        Jprov.Run refused = run(mount);
        assertEquals(1, refused.failed("web2"), refused.toString());
        assertTrue(refused.out().contains("mount: tmpfs: Operation not permitted"), refused.out());
    }

    @Test
    @Order(3)
    void badArgumentsFailTheTaskWithItsPositionAndAnsiblesMessage() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                - hosts: sysmount1
                  tasks:
                    - sysctl: {name: net.inet.ip.forwarding}
                """);
        Jprov.Run run = run(bad);
        assertTrue(run.exitCode() != 0, run.toString());
        assertEquals(1, run.failed("sysmount1"), run.toString());
        // the module's message, after the task's position (where sysctl is named)
        assertTrue(run.out().contains("\"msg\": \"" + bad + ":3:7: state is present but all of the following are missing: value\""),
                run.out());
    }

    @Test
    @Order(4)
    void aRebootBringsBackSysctlConfTheTunableAndTheFstabMounts() throws Exception {
        host.reboot(Duration.ofSeconds(120));
        assertEquals("1\n0\n1\n", host.ssh("sysctl -n net.inet.ip.forwarding security.bsd.see_other_uids "
                + "kern.racct.enable").stdout());
        String table = host.ssh("mount -p").stdout();
        assertTrue(table.contains("/srv/shared\t\t/mnt/shared\t\tnullfs\tro\t\t0 0\n"), table);
        assertTrue(table.contains("/mnt/scratch"), table);
        assertEquals("hi\n", host.ssh("cat /mnt/shared/hello").stdout());
        Jprov.Run again = run(Files.writeString(dir.resolve("host.yaml"), HOST_PLAY));
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.changed("sysmount1"), again.toString());
    }
}
