package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jprov.IntegrationTest;
import dev.jprov.testbed.ExecResult;
import dev.jprov.testbed.NamespaceTestbed;
import dev.jprov.testbed.Polling;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reboot module on testbed hosts that really boot (testbed/README.md, "Boot and reboot": shutdown
 * drops the session, sshd comes back with the same host key after /etc/jprov-testbed/boot-delay seconds,
 * kern.boottime changes): a reboot notified to a handler, after which later tasks and plays run on the new boot
 * over the host's re-established connection; a jail of the host used before and after the reboot; and a host that
 * does not come back within reboot_timeout, which fails with Ansible's message while the other host goes on.
 */
@IntegrationTest("testbed hosts that reboot: namespaces (root) and containers (podman)")
class RebootTest {
    /** Namespace hosts from testbed/up, as SeedHostsTest starts them. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class NamespaceHosts {
        private NamespaceTestbed testbed;
        private Path dir;

        @BeforeAll
        void up() throws Exception {
            testbed = NamespaceTestbed.inTempDir("jprov-reboot");
            testbed.up("rb1", "rb2");
            dir = testbed.dir();
        }

        @AfterAll
        void down() throws Exception {
            if (testbed != null) testbed.downAndPurge();
        }

        private Jprov.Run apply(Path playbook, String... more) {
            List<String> args = new ArrayList<>(List.of("apply", "-i", testbed.inventory().toString()));
            args.addAll(List.of(more));
            args.add(playbook.toString());
            return Jprov.run(args.toArray(String[]::new));
        }

        private ExecResult ssh(String host, String command) {
            try {
                return testbed.host(host).ssh(command);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Test
        @Order(1)
        void aHandlerRebootsAfterTheQueuedChangesAndLaterPlaysRunOnTheNewBoot() throws Exception {
            String before = ssh("rb1", "cat /var/db/emu/kernel/boottime").orFail("boot time").stdout();
            Path playbook = dir.resolve("reboot.yaml");
            Files.writeString(playbook, """
                    - hosts: rb1
                      gather_facts: false
                      tasks:
                        - copy: {dest: /root/before-reboot, content: "queued before the reboot\\n"}
                        - command: /bin/true
                          notify: reboot host
                        - name: kernel state that a boot forgets
                          shell: mkdir -p /var/db/emu/kernel && touch /var/db/emu/kernel/jprov-reboot-test
                      handlers:
                        - name: reboot host
                          reboot: {reboot_timeout: 120, connect_timeout: 5, msg: "jprov reboot test"}
                          register: rebooted
                    - hosts: rb1
                      gather_facts: false
                      tasks:
                        - stat: {path: /var/db/emu/kernel/jprov-reboot-test}
                          register: kernel_file
                        - stat: {path: /root/before-reboot}
                          register: disk_file
                        - assert:
                            that:
                              - rebooted.rebooted
                              - rebooted.elapsed is number
                              - not kernel_file.stat.exists
                              - disk_file.stat.exists
                    """);
            // A dry run reports the handler's reboot as a change and reboots nothing (Ansible's check mode).
            Path dryRun = dir.resolve("dry-run.yaml");
            Files.writeString(dryRun, """
                    - hosts: rb1
                      gather_facts: false
                      tasks:
                        - reboot:
                          register: r
                        - assert: {that: [r.changed, r.rebooted, r.elapsed == 0]}
                    """);
            Jprov.Run check = apply(dryRun, "--check");
            assertEquals(0, check.exitCode(), check.toString());
            assertEquals(1, check.changed("rb1"), check.toString());
            assertEquals(before, ssh("rb1", "cat /var/db/emu/kernel/boottime").orFail("boot time").stdout());

            Jprov.Run run = apply(playbook);
            assertEquals(0, run.exitCode(), run.toString());
            String after = ssh("rb1", "cat /var/db/emu/kernel/boottime").orFail("boot time").stdout();
            assertNotEquals(before, after, "kern.boottime shows a new boot");
            JsonNode handler = run.tasks("rb1").stream().filter(t -> t.path("handler").asBoolean()).findFirst()
                    .orElseThrow(() -> new AssertionError("no handler ran\n" + run));
            assertEquals("changed", handler.path("status").asText(), handler.toString());
            assertTrue(handler.path("result").path("rebooted").asBoolean(), handler.toString());
        }

        @Test
        @Order(2)
        void aJailUsedBeforeTheRebootIsReachedOverTheNewConnectionAndAskedAgain() throws Exception {
            String mirror = Files.readString(dir.resolve("mirror.url")).strip();
            Path jails = JailInventory.write(dir, "web1", "rb1");
            Path playbook = dir.resolve("jail.yaml");
            Files.writeString(playbook, JailInventory.buildPlay("rb1", "web1", mirror) + """
                    - hosts: web1
                      gather_facts: false
                      tasks:
                        - stat: {path: /root/made-during-reboot}
                          register: early
                        - assert: {that: [not early.stat.exists]}
                    - hosts: rb1
                      gather_facts: false
                      tasks:
                        - copy: {dest: /jails/web1/root/made-during-reboot, content: "x\\n"}
                        - reboot: {reboot_timeout: 120}
                        - jail: {name: web1, state: started, params: {path: /jails/web1, host.hostname: web1, persist: true}}
                    - hosts: web1
                      gather_facts: false
                      tasks:
                        - stat: {path: /root/made-during-reboot}
                          register: late
                        - copy: {dest: /root/after-reboot, content: "written through jexec on the new connection\\n"}
                        - assert: {that: [late.stat.exists]}
                    """);
            Jprov.Run run = apply(playbook, "-i", jails.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("written through jexec on the new connection\n",
                    ssh("rb1", "cat /jails/web1/root/after-reboot").orFail("jail file").stdout());
        }

        @Test
        @Order(3)
        void aHostThatDoesNotComeBackInTimeFailsAndTheOtherGoesOn() throws Exception {
            ssh("rb2", "mkdir -p /etc/jprov-testbed && echo 40 > /etc/jprov-testbed/boot-delay").orFail("boot delay");
            Path playbook = dir.resolve("timeout.yaml");
            Files.writeString(playbook, """
                    - hosts: rb1:rb2
                      gather_facts: false
                      tasks:
                        - reboot:
                            reboot_timeout: "{{ 5 if inventory_hostname == 'rb2' else 120 }}"
                            connect_timeout: 2
                        - copy: {dest: /root/after-timeout, content: "went on\\n"}
                    """);
            Jprov.Run run = apply(playbook);
            assertEquals(2, run.exitCode(), run.toString());
            assertEquals(1, run.failed("rb2"), run.toString());
            assertEquals(0, run.failed("rb1"), run.toString());
            JsonNode failed = run.tasks("rb2").getFirst();
            assertEquals("failed", failed.path("status").asText(), failed.toString());
            assertEquals("Timed out waiting for last boot time check (timeout=5)",
                    failed.path("result").path("msg").asText(), failed.toString());
            assertTrue(failed.path("result").path("rebooted").asBoolean(), failed.toString());
            assertFalse(failed.path("result").path("changed").asBoolean(), "Ansible: no change on a timeout");
            assertTrue(failed.path("result").path("rc").isMissingNode(), failed.toString());
            assertEquals(2, run.tasks("rb1").size(), "rb1 went on: " + run);
            assertEquals("went on\n", ssh("rb1", "cat /root/after-timeout").orFail("rb1 file").stdout());
            // rb2 comes back after its boot delay, never having run the next task.
            ExecResult back = awaitSsh("rb2", "rm -f /etc/jprov-testbed/boot-delay; test ! -e /root/after-timeout",
                    Duration.ofSeconds(90));
            assertEquals(0, back.exitCode(), back.stdout());
        }

        /** Runs command over ssh once the host's sshd answers again (255: ssh itself failed). */
        private ExecResult awaitSsh(String host, String command, Duration patience) throws Exception {
            return Polling.until(() -> ssh(host, command), out -> out.exitCode() != 255, patience);
        }
    }

    /** A container host through the Testbed JUnit extension. */
    @Nested
    @ExtendWith(TestbedExtension.class)
    class ContainerHost {
        @TempDir
        Path dir;

        @Test
        void rebootsAndALaterTaskRunsOnTheNewBoot(Testbed testbed) throws Exception {
            TestbedHost host = testbed.freshHost("reboot1");
            String before = sshOut(host, "cat /var/db/emu/kernel/boottime");
            Path playbook = dir.resolve("reboot.yaml");
            Files.writeString(playbook, """
                    - hosts: reboot1
                      gather_facts: false
                      tasks:
                        - reboot: {reboot_timeout: 120}
                          register: r
                        - command: cat /var/db/emu/kernel/boottime
                          register: boot
                          changed_when: false
                        - assert: {that: [r.rebooted, "boot.stdout != %s"]}
                    """.formatted(pythonString(before.strip())));
            Jprov.Run run = Jprov.run("apply", "-i", testbed.inventory(List.of(host)).toString(), playbook.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertNotEquals(before, sshOut(host, "cat /var/db/emu/kernel/boottime"));
        }

        private static String pythonString(String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }

        private static String sshOut(TestbedHost host, String command) throws Exception {
            return host.ssh(command).orFail(command).stdout();
        }
    }
}
