package dev.jprov.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reboot of a testbed host, container and namespace (issue 11, "A boot"): the SSH session drops (or, with
 * Ansible's reboot command, returns first), sshd comes back with the same host key, the boot time changed,
 * what only lived in the "kernel" (a file under /var/db/emu/kernel, a running process, a jail's mount) is gone,
 * files in /etc stay, and the boot delay knob keeps sshd away at least that long (the host's own shutdown and
 * boot records say so: no wall clock here). Boot time: /var/db/emu/kernel/boottime, which `sysctl
 * kern.boottime` prints. The namespace half needs root, as testbed/up does.
 */
@IntegrationTest("namespace testbed hosts (root) and containers (podman)")
@ExtendWith(TestbedExtension.class)
class TestbedBootTest {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static final int BOOT_DELAY = 3;
    private static final String LIVE_ONLY = "touch /var/db/emu/kernel/live-marker"
            + " && mkdir -p /jails/boottest/dev && mount -t tmpfs tmpfs /jails/boottest/dev"
            + " && (setsid sleep 4242 < /dev/null > /dev/null 2>&1 &)";
    private static final String PERSISTENT = "mkdir -p /etc/boottest /etc/jprov-testbed"
            + " && echo kept > /etc/boottest/persist && echo " + BOOT_DELAY + " > /etc/jprov-testbed/boot-delay";

    private static Path repo;
    private static Path dir;

    @FunctionalInterface
    interface Ssh {
        ExecResult run(String command) throws Exception;
    }

    @BeforeAll
    static void up() throws Exception {
        repo = TestbedImage.ofRepository().repository();
        dir = Files.createTempDirectory("jprov-testbed-boot");
        ProcessRunner.run(repo, "testbed/up", "nboot1", "--dir", dir.toString()).orFail("testbed/up");
    }

    @AfterAll
    static void down() throws Exception {
        if (dir != null) {
            ProcessRunner.run(repo, "testbed/down", "--dir", dir.toString(), "--purge").orFail("testbed/down");
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void containerHostRebootsAsAnsiblesRebootActionAsksAndResetStillWorks(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("boot1");
        try {
            prepare(host::ssh);
            String before = host.bootTime();

            // ansible/ansible lib/ansible/plugins/action/reboot.py, FreeBSD: shutdown -r +{delay_sec}s "{message}"
            ExecResult r = host.ssh("shutdown -r +0s \"Reboot initiated by Ansible\"").orFail("shutdown -r +0s");
            assertEquals("Shutdown NOW!", r.stdout().strip());
            assertTrue(r.stderr().matches("(?s)shutdown: \\[pid \\d+\\]\\s*"), r.stderr());

            String after = host.awaitBoot(before, BOOT_TIMEOUT);
            assertNotEquals(before, after);
            assertCameBackFresh(host::ssh);
            assertEquals(host.hostKey(), host.readFile("/etc/ssh/ssh_host_ed25519_key.pub").strip()
                    .replaceFirst("\\s+\\S+$", ""), "same host key");

            host.reset();
            assertEquals("gone", host.ssh("test -e /etc/boottest/persist && echo there || echo gone")
                    .orFail("after reset").stdout().strip(), "reset after a reboot restores the first boot's files");
        } finally {
            host.reset();
        }
    }

    @Test
    void namespaceHostRebootsAndItsSessionDrops() throws Exception {
        NamespaceHost host = NamespaceHost.of(dir, "nboot1");
        prepare(host::ssh);
        String before = host.bootTime();

        ExecResult session = host.ssh("reboot; sleep 60; echo survived");
        assertEquals(255, session.exitCode(), "the SSH session drops: " + session);
        assertFalse(session.stdout().contains("survived"), session.stdout());

        String after = host.awaitBoot(before, BOOT_TIMEOUT);
        assertNotEquals(before, after);
        assertCameBackFresh(host::ssh);
        ExecResult status = ProcessRunner.run(repo, "testbed/status", "--dir", dir.toString()).orFail("status");
        assertTrue(Pattern.compile("(?m)^nboot1 +\\S+ +\\d+ +up$").matcher(status.stdout()).find(), status.stdout());
    }

    private static void prepare(Ssh ssh) throws Exception {
        ssh.run(PERSISTENT).orFail("write /etc files");
        ssh.run(LIVE_ONLY).orFail("make live-only state");
        assertEquals("1", ssh.run("pgrep -fxc 'sleep 4242'; true").stdout().strip(), "the background process runs");
    }

    /** What a boot forgets and what it keeps; ssh itself succeeding proves the host key is the same. */
    private static void assertCameBackFresh(Ssh ssh) throws Exception {
        String state = ssh.run("test -e /var/db/emu/kernel/live-marker && echo marker;"
                + " pgrep -fx 'sleep 4242' > /dev/null && echo sleeping;"
                + " grep -q ' /jails/boottest/dev ' /proc/self/mounts && echo mounted;"
                + " cat /etc/boottest/persist").orFail("state after the reboot").stdout();
        assertEquals("kept", state.strip(), "only the /etc file survives the reboot");

        List<String> records = ssh.run("cat /var/db/emu/utx.log").orFail("utx.log").stdout().strip().lines().toList();
        String[] shutdown = records.get(records.size() - 2).split(" ");
        String[] boot = records.get(records.size() - 1).split(" ");
        assertEquals("shutdown", shutdown[0], records.toString());
        assertEquals("boot", boot[0], records.toString());
        assertTrue(seconds(boot) - seconds(shutdown) >= BOOT_DELAY,
                "sshd stayed away for the boot delay at least: " + records);

        String last = ssh.run("last reboot").orFail("last reboot").stdout();
        assertTrue(last.lines().filter(l -> l.startsWith("boot time ")).count() >= 2, last);
        assertTrue(ssh.run("uptime").orFail("uptime").stdout().matches("(?s).*\\bup \\d+ secs?, 0 users, .*"),
                "uptime counts from the new boot");
    }

    private static double seconds(String[] record) {
        return Long.parseLong(record[1]) + Long.parseLong(record[2]) / 1e6;
    }
}
