package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic modules over real SSH to simulated FreeBSD hosts (real OpenSSH sshd, root's shell /bin/sh):
 * apply, apply again with changed=0 in one round trip, and check mode on a fresh host changing nothing while
 * counting what the real run changes.
 */
@IntegrationTest("testbed container hosts (podman)")
@ExtendWith(TestbedExtension.class)
class GenericModulesOverSshTest {
    @TempDir
    Path dir;

    private Path playbook() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("templates/motd.j2"),
                "{{ inventory_hostname }} runs {{ ansible_facts.system }} {{ ansible_facts.distribution_release }}\n");
        Files.writeString(dir.resolve("files/resolv.conf"), "nameserver 10.0.0.1\n");
        Path pb = dir.resolve("site.yaml");
        Files.writeString(pb, """
                - name: generic modules on a FreeBSD host
                  hosts: all
                  vars:
                    jails: [mailserver, webmail]
                  tasks:
                    - name: jail directories
                      file: {path: "/jails/{{ item }}/etc", state: directory, mode: "0755"}
                      loop: "{{ jails }}"
                    - name: resolv.conf into each jail
                      copy: {src: resolv.conf, dest: "/jails/{{ item }}/etc/resolv.conf", mode: "0644"}
                      loop: "{{ jails }}"
                    - name: motd
                      template: {src: motd.j2, dest: /etc/motd, owner: root, group: wheel, mode: "0644"}
                    - name: rc.conf settings
                      lineinfile:
                        path: /etc/rc.conf
                        regexp: "^{{ item.key }}="
                        line: '{{ item.key }}="{{ item.value }}"'
                      loop: "{{ {'gateway_enable': 'YES', 'jail_enable': 'YES'} | dict2items }}"
                    - name: managed block
                      blockinfile:
                        path: /etc/pf.conf.local
                        create: true
                        block: |
                          ext_if = "vtnet0"
                    - name: one-time marker
                      command: touch /var/db/jprov-marker
                      args: {creates: /var/db/jprov-marker}
                    - name: log dir
                      file: {path: /var/log/jails, state: directory}
                    - stat: {path: /etc/motd}
                      register: motd
                    - assert:
                        that:
                          - motd.stat.exists
                          - motd.stat.mode == '0644'
                """);
        return pb;
    }

    @Test
    void applyThenNoChangeInOneRoundTripThenCheckModeOnAFreshHost(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("generic1");
        Path inventory = testbed.inventory(List.of(host));
        Path pb = playbook();

        Jprov.Run first = Jprov.run("apply", "-i", inventory.toString(), pb.toString(), "-D");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(7, first.changed("generic1"), first.toString());
        assertEquals(1, first.connections(), first.toString());
        assertEquals("generic1 runs FreeBSD 14.3-RELEASE\n", host.readFile("/etc/motd"));
        assertEquals("nameserver 10.0.0.1\n", host.readFile("/jails/webmail/etc/resolv.conf"));
        assertTrue(host.readFile("/etc/rc.conf").contains("gateway_enable=\"YES\"\njail_enable=\"YES\"\n"));
        assertEquals("0644 root wheel", host.exec("stat", "-f", "%Lp %Su %Sg", "/etc/motd").stdout().strip()
                .replaceFirst("^644", "0644"));

        Jprov.Run again = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.changed("generic1"), again.toString());
        assertEquals(1, again.roundTrips("generic1"), "a no-op run asks the host once\n" + again);

        TestbedHost fresh = testbed.freshHost("generic1");
        String before = fresh.exec("sh", "-c", "ls -R /etc /jails /var/db 2>&1 | md5sum").stdout();
        Jprov.Run dry = Jprov.run("apply", "-i", inventory.toString(), pb.toString(), "--check", "--diff");
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(first.changed("generic1"), dry.changed("generic1"), dry.toString());
        assertEquals(before, fresh.exec("sh", "-c", "ls -R /etc /jails /var/db 2>&1 | md5sum").stdout(),
                "check mode changed the host");
        assertTrue(dry.out().contains("+++ after: /etc/motd"), dry.out());
    }

    @Test
    void unreachableHostIsReportedAndOthersGoOn(Testbed testbed) throws Exception {
        TestbedHost host = testbed.host("generic2");
        Path inventory = testbed.inventory(List.of(host));
        Path extra = dir.resolve("extra.yaml");
        Files.writeString(extra, """
                all:
                  hosts:
                    ghost:
                      ansible_host: 127.0.0.1
                      ansible_port: 1
                """);
        Path pb = dir.resolve("ping.yaml");
        Files.writeString(pb, "- hosts: all\n  tasks:\n    - command: uname -s\n      changed_when: false\n");
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), "-i", extra.toString(), pb.toString());
        assertEquals(4, run.exitCode(), run.toString()); // Ansible's RUN_UNREACHABLE_HOSTS
        assertEquals(1, run.recap("ghost").path("unreachable").asInt(), run.toString());
        assertEquals(2, run.recap("generic2").path("ok").asInt(), run.toString());
        assertTrue(run.out().contains("fatal: [ghost]: UNREACHABLE!"), run.out());
    }

    @Test
    void aConnectionLostWhileTasksWaitReportsWhatWasMadeAndTheHostUnreachableAtTheRest(Testbed testbed)
            throws Exception {
        TestbedHost host = testbed.host("lost1");
        Path pb = dir.resolve("lost.yaml");
        Files.writeString(pb, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: first
                      copy: {dest: /tmp/lost-first, content: "1\\n"}
                    - name: look
                      stat: {path: /tmp/lost-first}
                    - name: cut
                      command: 'pkill -KILL -f "sshd: root"'
                    - name: never
                      copy: {dest: /tmp/lost-never, content: "x\\n"}
                """);
        Jprov.Run run = Jprov.run("apply", "-i", testbed.inventory(List.of(host)).toString(), pb.toString());
        // "look" needs the host as "first" left it: that round trip made "first". "never" then needs a probe,
        // whose round trip carries "cut", which kills the connection.
        List<String> results = run.tasks("lost1").stream()
                .map(t -> t.path("task").asText() + "=" + t.path("status").asText()).toList();
        assertEquals(List.of("first=changed", "look=ok", "cut=unreachable"), results, run.toString());
        assertEquals(1, run.recap("lost1").path("unreachable").asInt(), run.toString());
        assertEquals(1, run.recap("lost1").path("changed").asInt(), run.toString());
    }
}
