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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * package, community.general.zpool, zfs_facts, zpool_facts and portinstall through playbooks on one fresh testbed
 * host and one jail of it: a dry run first (the count of the real run, nothing touched), the real run, a rerun with
 * nothing to do; the pool and its properties across a reboot; inside the jail what a jail sees.
 */
@IntegrationTest("a testbed container host (podman)")
@ExtendWith(TestbedExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagesAndPoolsOnTestbedTest {
    @TempDir
    static Path dir;
    static TestbedHost host;
    static Path inventory;
    static Path jails;

    private static final String HOST_PLAY = """
            - hosts: pkgzfs1
              tasks:
                - name: repository directory
                  file: {path: /usr/local/etc/pkg/repos, state: directory, mode: "0755"}
                - name: the testbed's repository
                  copy:
                    dest: /usr/local/etc/pkg/repos/FreeBSD.conf
                    content: 'FreeBSD: { url: "{{ pkg_repo_url }}", mirror_type: "none", signature_type: "none" }'
                - name: packages
                  package: {name: [pkg, redis], state: present}
                - name: a port of the ports tree
                  community.general.portinstall: {name: hello}
                - name: vdev files
                  command: truncate -s 128M /var/tmp/{{ item }}
                  args:
                    creates: /var/tmp/{{ item }}
                  loop: [zd0, zd1]
                - name: pool
                  community.general.zpool:
                    name: tank
                    vdevs:
                      - {type: mirror, disks: [/var/tmp/zd0, /var/tmp/zd1]}
                    pool_properties: {comment: lab, autoexpand: true}
                    filesystem_properties: {compression: lz4}
                - name: pool facts
                  community.general.zpool_facts: {pool: tank, properties: "comment,autoexpand,health"}
                  when: not ansible_check_mode
                - name: dataset facts
                  community.general.zfs_facts: {name: tank, properties: "compression,mountpoint"}
                  when: not ansible_check_mode
                - assert:
                    that:
                      - "ansible_zfs_pools == [{'name': 'tank', 'comment': 'lab', 'autoexpand': 'on', 'health': 'ONLINE'}]"
                      - ansible_facts.zfs_datasets[0].compression == 'lz4'
                      - ansible_zfs_datasets[0].mountpoint == '/tank'
                      - ansible_facts.pkg_mgr == 'pkgng'
                  when: not ansible_check_mode
            """;

    @BeforeAll
    static void jailHost(Testbed testbed) throws Exception {
        host = testbed.freshHost("pkgzfs1");
        String mirror = testbed.mirrorUrl();
        inventory = testbed.inventory(List.of(host));
        jails = JailInventory.write(dir, "pz1", "pkgzfs1");
        Path build = dir.resolve("build.yaml");
        Files.writeString(build, """
                - hosts: pkgzfs1
                  gather_facts: false
                  tasks:
                    - zfs: {name: zroot/jails, state: present, extra_zfs_properties: {mountpoint: /jails}}
                    - zfs: {name: zroot/jails/pz1, state: present}
                    - freebsd_base: {mirror: "%s/releases", release: 14.3-RELEASE, dest: /jails/pz1}
                    - jail:
                        name: pz1
                        state: started
                        params: {path: /jails/pz1, host.hostname: pz1, persist: true, ip4: inherit}
                """.formatted(mirror));
        Jprov.Run built = Jprov.run("apply", "-i", inventory.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());
        // A one-port ports tree (the testbed's make builds a port from its src/: testbed/emu/COMMANDS-zpool.md).
        host.writeFile("/usr/ports/misc/hello/Makefile", """
                PORTNAME=\thello
                PORTVERSION=\t1.0
                CATEGORIES=\tmisc
                COMMENT=\tSays hello
                PLIST_FILES=\tbin/hello

                .include <bsd.port.mk>
                """);
        host.writeFile("/usr/ports/misc/hello/src/bin/hello", "#!/bin/sh\necho hello\n");
        host.writeFile("/usr/ports/Mk/bsd.port.mk", "# the framework: the testbed's make implements what it uses\n");
        host.exec("chmod", "755", "/usr/ports/misc/hello/src/bin/hello").orFail("chmod");
    }

    private static Path play(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** jprov apply of a playbook with both inventories (the host's, its jail's), FLAGS first; it must succeed. */
    private static Jprov.Run apply(Path playbook, String... flags) {
        List<String> args = new ArrayList<>(List.of("apply"));
        args.addAll(List.of(flags));
        args.addAll(List.of("-i", inventory.toString(), "-i", jails.toString(), playbook.toString()));
        Jprov.Run run = Jprov.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }

    private static String sh(String command) {
        return host.exec("/bin/sh", "-c", command).stdout();
    }

    @Test
    @Order(1)
    void onTheHostADryRunCountsTheRealRunAndTheRerunIsANoOp() throws Exception {
        Path site = play("host.yaml", HOST_PLAY);
        String pools = sh("zpool list -H -o name");
        Jprov.Run dry = apply(site, "--check");
        assertEquals(pools, sh("zpool list -H -o name"), "check mode created no pool");
        assertEquals("absent\n", sh("[ -e /var/tmp/zd0 ] || [ -e /usr/local/sbin/pkg ] || [ -e /usr/local/bin/hello ] "
                + "&& echo present || echo absent"));

        Jprov.Run real = apply(site);
        assertEquals(dry.changed("pkgzfs1"), real.changed("pkgzfs1"), real.toString());
        // six tasks change (the looped command is one task)
        assertEquals(6, real.changed("pkgzfs1"), real.toString());
        assertEquals("hello\n", sh("/usr/local/bin/hello"));
        assertEquals("hello misc/hello\n", sh("pkg query '%n %o' hello"));
        assertTrue(sh("pkg info -q redis").contains("redis"), "redis installed");
        assertEquals("lab\ton\n", sh("zpool get -H -o value comment,autoexpand tank | paste - -"));
        assertEquals("lz4\n", sh("zfs get -H -o value compression tank"));

        assertEquals(0, apply(site).changed("pkgzfs1"), "the rerun changes nothing");
    }

    @Test
    @Order(4)
    void aChangedPropertyIsSetAndThePoolSurvivesAReboot() throws Exception {
        Path change = play("change.yaml", HOST_PLAY.replace("comment: lab", "comment: rack2")
                .replace("'comment': 'lab'", "'comment': 'rack2'"));
        Jprov.Run dry = apply(change, "--check", "--diff");
        assertEquals(1, dry.changed("pkgzfs1"), dry.toString());
        assertTrue(dry.out().contains("\"comment\": \"rack2\""), dry.out());
        assertEquals("lab\n", sh("zpool get -H -o value comment tank"), "check mode set nothing");
        assertEquals(1, apply(change).changed("pkgzfs1"));

        host.reboot(Duration.ofSeconds(120));
        assertEquals("rack2\tlocal\n", sh("zpool get -H -o value,source comment tank"));
        assertEquals(0, apply(change).changed("pkgzfs1"), "after the reboot nothing to do");
    }

    @Test
    @Order(2)
    void inAJailPackageIsPkgngAndTheFactsAreWhatTheJailSees() throws Exception {
        Path inside = play("inside.yaml", """
                - hosts: jails
                  tasks:
                    - file: {path: /usr/local/etc/pkg/repos, state: directory, mode: "0755"}
                    - copy:
                        dest: /usr/local/etc/pkg/repos/FreeBSD.conf
                        content: 'FreeBSD: { url: "{{ hostvars.pkgzfs1.pkg_repo_url }}", mirror_type: "none", signature_type: "none" }'
                    - package: {name: vim}
                    - community.general.zpool_facts:
                      when: not ansible_check_mode
                    - community.general.zfs_facts: {name: zroot}
                      register: zroot_facts
                      ignore_errors: true
                      when: not ansible_check_mode
                    - assert:
                        that:
                          - ansible_zfs_pools == []
                          - zroot_facts.msg == 'ZFS dataset zroot does not exist!'
                      when: not ansible_check_mode
                """);
        Jprov.Run dry = apply(inside, "--check");
        assertEquals("absent\n", sh("[ -e /jails/pz1/usr/local/etc/pkg ] && echo present || echo absent"));
        Jprov.Run real = apply(inside);
        assertEquals(dry.changed("pz1"), real.changed("pz1"), real.toString());
        assertEquals(3, real.changed("pz1"), real.toString());
        assertTrue(sh("jexec pz1 pkg info -q vim").contains("vim"), "vim installed in the jail");
        assertEquals(0, apply(inside).changed("pz1"), "the rerun changes nothing");
    }

    @Test
    @Order(3)
    void badArgumentsFailTheirTaskWithTheModulesMessage() throws Exception {
        Path bad = play("bad.yaml", """
                - hosts: pkgzfs1
                  gather_facts: false
                  tasks:
                    - package: {name: vim, use: apt}
                """);
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), bad.toString());
        assertEquals(1, run.failed("pkgzfs1"), run.toString());
        assertTrue(run.out().contains("Could not find a module for apt."), run.toString());
        // A jail (like a fresh FreeBSD) has no ports tree: portinstall says so.
        Path noTree = play("no-tree.yaml", """
                - hosts: pz1
                  gather_facts: false
                  tasks:
                    - community.general.portinstall: {name: hello}
                """);
        Jprov.Run inJail = Jprov.run("apply", "-i", inventory.toString(), "-i", jails.toString(), noTree.toString());
        assertEquals(1, inJail.failed("pz1"), inJail.toString());
        assertTrue(inJail.out().contains("no ports tree at /usr/ports (no /usr/ports/Mk/bsd.port.mk), so hello cannot "
                + "be built"), inJail.toString());
    }
}
