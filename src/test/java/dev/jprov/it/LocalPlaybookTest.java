package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (CLI, loading, templating, probes, plan, apply, report) on the controller itself
 * (ansible_connection: local): apply, re-apply with no change in one round trip, and check mode after drift.
 */
class LocalPlaybookTest {
    @TempDir
    Path dir;
    Path inventory;
    Path playbook;
    Path out;

    @BeforeEach
    void write() throws Exception {
        out = dir.resolve("out");
        inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    box1:
                      ansible_connection: local
                  vars:
                    base: %s
                """.formatted(out));
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/motd.j2"), "Welcome to {{ inventory_hostname }}\n"
                + "{% for u in users %}user {{ u }}\n{% endfor %}");
        playbook = dir.resolve("site.yaml");
        Files.writeString(playbook, """
                - name: local smoke
                  hosts: all
                  vars:
                    users: [alice, bob]
                  tasks:
                    - name: make dir
                      file: path={{ base }} state=directory mode=0755
                    - name: write file
                      copy:
                        dest: "{{ base }}/hello.txt"
                        content: "hello {{ inventory_hostname }}\\n"
                        mode: "0640"
                    - name: add a line
                      lineinfile:
                        path: "{{ base }}/rc.conf.local"
                        create: true
                        line: "second line"
                    - name: motd
                      template:
                        src: motd.j2
                        dest: "{{ base }}/motd"
                    - name: a block of settings
                      blockinfile:
                        path: "{{ base }}/rc.conf"
                        create: true
                        block: |
                          sshd_enable="YES"
                          jail_enable="YES"
                    - name: touch each
                      file:
                        path: "{{ base }}/{{ item }}"
                        state: directory
                      loop: [a, b]
                    - name: skipped
                      file: path={{ base }}/never state=touch
                      when: users | length > 5
                    - name: read back
                      stat:
                        path: "{{ base }}/hello.txt"
                      register: st
                    - name: check
                      assert:
                        that: st.stat.exists
                """);
    }

    @Test
    void appliesThenChangesNothingInOneRoundTrip() throws Exception {
        Jprov.Run first = Jprov.run("apply", "-i", inventory.toString(), playbook.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(6, first.changed("box1"), first.toString());
        assertEquals("hello box1\n", Files.readString(out.resolve("hello.txt")));
        assertEquals("second line\n", Files.readString(out.resolve("rc.conf.local")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("hello.txt"))));
        assertEquals("Welcome to box1\nuser alice\nuser bob\n", Files.readString(out.resolve("motd")));
        assertTrue(Files.readString(out.resolve("rc.conf")).contains("# BEGIN ANSIBLE MANAGED BLOCK\n"));
        assertFalse(Files.exists(out.resolve("never")));

        Jprov.Run second = Jprov.run("apply", "-i", inventory.toString(), playbook.toString());
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(0, second.changed("box1"), second.toString());
        // gather facts + every task's probes went in one round trip; nothing to apply.
        assertEquals(1, second.roundTrips("box1"), second.toString());
        assertTrue(second.out().contains("box1                       : ok=9    changed=0    unreachable=0    "
                + "failed=0    skipped=1    rescued=0    ignored=0"), second.out());
    }

    @Test
    void checkModeReportsTheRealCountAndTouchesNothing() throws Exception {
        Jprov.Run dry = Jprov.run("apply", "-C", "-D", "-i", inventory.toString(), playbook.toString());
        assertEquals(0, dry.exitCode(), dry.toString());
        assertFalse(Files.exists(out), "check mode created " + out);
        Jprov.Run real = Jprov.run("apply", "-i", inventory.toString(), playbook.toString());
        assertEquals(real.changed("box1"), dry.changed("box1"));

        Files.writeString(out.resolve("hello.txt"), "drifted\n");
        Jprov.Run drift = Jprov.run("apply", "--check", "--diff", "-i", inventory.toString(), playbook.toString());
        assertEquals(1, drift.changed("box1"), drift.toString()); // the copy would put it back
        assertEquals("drifted\n", Files.readString(out.resolve("hello.txt")));
        assertTrue(drift.out().contains("-drifted\n+hello box1\n"), drift.out());
    }

    @Test
    void listsHostsAndTasksWithoutConnecting() {
        Jprov.Run hosts = Jprov.run("apply", "-i", inventory.toString(), playbook.toString(), "--list-hosts");
        assertEquals(0, hosts.exitCode(), hosts.toString());
        assertTrue(hosts.out().contains("    hosts (1):\n      box1"), hosts.out());
        Jprov.Run tasks = Jprov.run("apply", "-i", inventory.toString(), playbook.toString(), "--list-tasks");
        assertTrue(tasks.out().contains("make dir\tTAGS: []"), tasks.out());
    }

    @Test
    void loopItemsEditingOneFileSeeEachOthersChanges() throws Exception {
        Path pb = dir.resolve("lines.yaml");
        Files.writeString(pb, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - file: path={{ base }} state=directory
                    - lineinfile:
                        path: "{{ base }}/rc.conf"
                        create: true
                        regexp: "^{{ item.key }}="
                        line: '{{ item.key }}="{{ item.value }}"'
                      loop: "{{ settings | dict2items }}"
                      vars:
                        settings: {sshd_enable: "YES", jail_enable: "YES", pf_enable: "YES"}
                """);
        for (String flag : List.of("--check", "")) {
            List<String> args = new java.util.ArrayList<>(List.of("apply", "-i", inventory.toString(), pb.toString()));
            if (!flag.isEmpty()) args.add(flag);
            Jprov.Run run = Jprov.run(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(2, run.changed("box1"), run.toString());
        }
        assertEquals("sshd_enable=\"YES\"\njail_enable=\"YES\"\npf_enable=\"YES\"\n",
                Files.readString(out.resolve("rc.conf")));
        assertEquals(0, Jprov.run("apply", "-i", inventory.toString(), pb.toString()).changed("box1"));
    }

    @Test
    void copiesADirectoryTreeAsAnsibleDoes() throws Exception {
        Files.createDirectories(dir.resolve("files/conf.d/sub"));
        Files.writeString(dir.resolve("files/conf.d/a.conf"), "a\n");
        Files.writeString(dir.resolve("files/conf.d/sub/b.conf"), "b\n");
        Path pb = dir.resolve("tree.yaml");
        Files.writeString(pb, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - file: {path: "{{ base }}", state: directory}
                    - copy: {src: conf.d/, dest: "{{ base }}/etc/", mode: "0640"}
                    - copy: {src: conf.d, dest: "{{ base }}/opt", directory_mode: "0750"}
                """);
        Jprov.Run dry = Jprov.run("apply", "--check", "-i", inventory.toString(), pb.toString());
        assertEquals(0, dry.exitCode(), dry.toString());
        assertFalse(Files.exists(out));
        Jprov.Run real = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
        assertEquals(0, real.exitCode(), real.toString());
        assertEquals(real.changed("box1"), dry.changed("box1"), dry.toString());
        assertEquals("b\n", Files.readString(out.resolve("etc/sub/b.conf")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("etc/a.conf"))));
        assertEquals("a\n", Files.readString(out.resolve("opt/conf.d/a.conf")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("opt/conf.d/sub"))));
        assertEquals(0, Jprov.run("apply", "-i", inventory.toString(), pb.toString()).changed("box1"));
    }

    @Test
    void withFileglobLoopsOverTheFilesItFinds() throws Exception {
        Files.createDirectories(dir.resolve("files/snippets"));
        Files.writeString(dir.resolve("files/snippets/a.conf"), "a\n");
        Files.writeString(dir.resolve("files/snippets/b.conf"), "b\n");
        Files.writeString(dir.resolve("files/snippets/skip.txt"), "x\n");
        Path pb = dir.resolve("glob.yaml");
        Files.writeString(pb, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - file: {path: "{{ base }}", state: directory}
                    - copy: {src: "{{ item }}", dest: "{{ base }}/"}
                      with_fileglob: ["snippets/*.conf"]
                """);
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("b\n", Files.readString(out.resolve("b.conf")));
        assertFalse(Files.exists(out.resolve("skip.txt")));
    }

    @Test
    void addHostMakesHostsForLaterPlays() throws Exception {
        Path pb = dir.resolve("discover.yaml");
        Files.writeString(pb, """
                - hosts: box1
                  gather_facts: false
                  tasks:
                    - add_host:
                        name: "{{ item }}"
                        groups: discovered
                        ansible_connection: local
                        marker: "{{ base }}/{{ item }}.seen"
                      loop: [jail1, jail2]
                - hosts: discovered
                  gather_facts: false
                  tasks:
                    - file: path={{ base }} state=directory
                      run_once: true
                    - copy: dest={{ marker }} content="{{ inventory_hostname }} in {{ group_names | join(',') }}"
                """);
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("jail1 in discovered", Files.readString(out.resolve("jail1.seen")));
        assertEquals("jail2 in discovered", Files.readString(out.resolve("jail2.seen")));
    }

    @Test
    void malformedPlaybookIsAParseErrorWithLocation() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "- hosts: all\n  tasks:\n    - copy: {dest: /x, content: y}\n      file: {path: /y}\n");
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), bad.toString());
        assertEquals(4, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.yaml:3:"), run.err());
        for (String flag : List.of("--forks=0")) {
            assertEquals(5, Jprov.run("apply", flag, "-i", inventory.toString(), playbook.toString()).exitCode());
        }
    }

    @Test
    void anIncludedRoleSeesItsLoopItem() throws Exception {
        Path role = dir.resolve("roles/greet/tasks");
        Files.createDirectories(role);
        Files.writeString(role.resolve("main.yaml"), """
                - name: greet
                  copy: {dest: "{{ base }}/{{ who }}", content: "hello {{ who }}\\n"}
                """);
        Path pb = dir.resolve("roles.yaml");
        Files.writeString(pb, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - file: path={{ base }} state=directory
                    - include_role: name=greet
                      loop: [a, b]
                      loop_control:
                        loop_var: who
                """);
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("hello a\n", Files.readString(out.resolve("a")));
        assertEquals("hello b\n", Files.readString(out.resolve("b")));
    }
}
