package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Polling;
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
 * jprov end to end on simulated FreeBSD hosts: a jail bootstrapped, defined and started from its host, then used
 * as an inventory host of its own (ansible_connection: jail) with nothing installed in it; and pf's
 * confirm-or-revert taking back a ruleset that locks the controller out.
 */
@IntegrationTest("testbed container hosts (podman)")
@ExtendWith(TestbedExtension.class)
class FreebsdTargetsTest {
    @TempDir
    Path dir;

    @Test
    void aJailIsATargetReachedThroughItsHost(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("jailhost1");
        String mirror = testbed.mirrorUrl();
        Path hostInventory = testbed.inventory(List.of(host));
        Path jails = JailInventory.write(dir, "web1", "jailhost1");
        Path build = JailInventory.writeBuild(dir, "jailhost1", "web1", mirror);
        Jprov.Run built = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());

        Path inside = dir.resolve("inside.yaml");
        Files.writeString(inside, """
                - hosts: jails
                  tasks:
                    - copy: {dest: /etc/motd, content: "welcome to {{ inventory_hostname }}\\n"}
                    - lineinfile: {path: /etc/rc.conf, line: 'syslogd_flags="-ss"', create: true}
                    - sysrc: {name: sendmail_enable, value: "NO"}
                    - command: hostname
                      register: hn
                      changed_when: false
                    - assert:
                        that: hn.stdout == 'web1'
                """);
        Jprov.Run first = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), inside.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(3, first.changed("web1"), first.toString());
        assertEquals("welcome to web1\n", host.readFile("/jails/web1/etc/motd"));
        assertTrue(host.readFile("/jails/web1/etc/rc.conf").contains("sendmail_enable=\"NO\""));
        // The jail shares its host's one SSH connection.
        assertEquals(1, first.connections(), first.toString());

        // A jail host can also add its running jails to the inventory itself (jls via jail_facts).
        Path discover = dir.resolve("discover.yaml");
        Files.writeString(discover, """
                - hosts: jailhost1
                  tasks:
                    - jail_facts:
                    - add_host:
                        name: "{{ inventory_hostname }}-{{ item.name }}"
                        groups: discovered
                        ansible_connection: jail
                        ansible_host: "{{ item.name }}"
                        jail_host: "{{ inventory_hostname }}"
                      loop: "{{ ansible_facts.jails | selectattr('state', 'equalto', 'running') | list }}"
                - hosts: discovered
                  gather_facts: false
                  tasks:
                    - copy: {dest: /etc/discovered, content: "{{ inventory_hostname }}\\n"}
                """);
        Jprov.Run found = Jprov.run("apply", "-i", hostInventory.toString(), discover.toString());
        assertEquals(0, found.exitCode(), found.toString());
        assertEquals("jailhost1-web1\n", host.readFile("/jails/web1/etc/discovered"));

        Jprov.Run again = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), inside.toString());
        assertEquals(0, again.changed("web1"), again.toString());
        // One probe round for every task, plus the run of the command (a command always runs).
        assertEquals(2, again.roundTrips("web1"), again.toString());

        // The jail's /etc/shared is its host's /jails/web1/etc/shared: what one of them writes, the other sees.
        Path shared = dir.resolve("shared.yaml");
        Files.writeString(shared, """
                - hosts: jailhost1
                  gather_facts: false
                  tasks:
                    - {name: host writes A, copy: {dest: /jails/web1/etc/shared, content: "A\\n"}}
                    - {name: host looks, copy: {dest: /jails/web1/etc/shared, content: "A\\n"}}
                - hosts: web1
                  gather_facts: false
                  tasks:
                    - {name: jail looks, copy: {dest: /etc/shared, content: "A\\n"}}
                    - {name: jail writes B, copy: {dest: /etc/shared, content: "B\\n"}}
                - hosts: jailhost1
                  gather_facts: false
                  tasks:
                    - {name: host writes A again, copy: {dest: /jails/web1/etc/shared, content: "A\\n"}}
                - hosts: web1
                  gather_facts: false
                  tasks:
                    - {name: jail writes B again, copy: {dest: /etc/shared, content: "B\\n"}}
                """);
        Jprov.Run both = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), shared.toString());
        assertEquals(0, both.exitCode(), both.toString());
        assertEquals(List.of("host writes A=changed", "host looks=ok", "host writes A again=changed"),
                statuses(both, "jailhost1"));
        assertEquals(List.of("jail looks=ok", "jail writes B=changed", "jail writes B again=changed"),
                statuses(both, "web1"));
        assertEquals("B\n", host.readFile("/jails/web1/etc/shared"));
    }

    @Test
    void aRulesetThatLocksUsOutIsRevertedByTheHost(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("pfhost1");
        Path inventory = testbed.inventory(List.of(host));
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - pf:
                        content: |
                          set skip on lo0
                          pass in quick proto tcp to port 22 keep state
                          pass out all keep state
                        enabled: true
                        confirm_timeout: 10
                """);
        Jprov.Run first = Jprov.run("apply", "-i", inventory.toString(), good.toString());
        assertEquals(0, first.exitCode(), first.toString());

        Path lockout = dir.resolve("lockout.yaml");
        Files.writeString(lockout, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - pf:
                        content: |
                          set skip on lo0
                          block in quick proto tcp to port 22
                          pass out all keep state
                        confirm_timeout: 10
                """);
        Jprov.Run locked = Jprov.run("apply", "-T", "3", "-i", inventory.toString(), lockout.toString());
        assertEquals(2, locked.exitCode(), "the confirmation over a new connection must fail\n" + locked);

        // Within confirm_timeout the host puts the previous ruleset back by itself: we can reach it again.
        Jprov.Run back = Polling.until(() -> Jprov.run("apply", "-T", "3", "-i", inventory.toString(), good.toString()),
                run -> run.exitCode() == 0, Duration.ofSeconds(60));
        assertEquals(0, back.exitCode(), back.toString());
        assertEquals(0, back.changed("pfhost1"), "the old ruleset is back\n" + back);
        assertTrue(host.readFile("/etc/pf.conf").contains("pass in quick proto tcp to port 22"));
    }

    /** The task lines of a host as "task=status", in order. */
    private static List<String> statuses(Jprov.Run run, String host) {
        return run.tasks(host).stream().map(t -> t.path("task").asText() + "=" + t.path("status").asText()).toList();
    }
}
