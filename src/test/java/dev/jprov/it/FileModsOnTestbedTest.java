package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * include_vars, ini_file, replace and find on a simulated FreeBSD host and in a jail of it, as a baseline role
 * edits /etc/periodic.conf (a file without sections: section null; replace rewrites the line copy left there
 * once, which nothing puts back): --check first (the count of the real run, the
 * file still absent), the real run, a rerun with nothing to change, and on the host the same after a reboot. The
 * file is what ansible-playbook leaves for the same edits (fileedit-expected.json's section-null cases).
 * One class, one host and one jail: bootstrapping the jail root is the slow part.
 */
@IntegrationTest("a testbed container host (podman)")
@ExtendWith(TestbedExtension.class)
class FileModsOnTestbedTest {
    @TempDir
    Path dir;

    private static final String PERIODIC = """
            daily_output="/var/log/daily.log"
            daily_clean_tmps_enable="YES"
            weekly_status_security_output="root"
            """;

    @Test
    void periodicConfEditedOnAHostAndInAJail(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("filemods1");
        Path hostInventory = testbed.inventory(List.of(host));
        Path jails = JailInventory.write(dir, "fm1", "filemods1");
        Path build = JailInventory.writeBuild(dir, "filemods1", "fm1", testbed.mirrorUrl());
        Jprov.Run built = Jprov.run("apply", "-i", hostInventory.toString(), "-i", jails.toString(), build.toString());
        assertEquals(0, built.exitCode(), built.toString());

        Files.createDirectories(dir.resolve("vars"));
        Files.writeString(dir.resolve("vars/periodic.yml"), "security_output: '\"root\"'\nclean_tmps: '\"YES\"'\n");
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - include_vars: periodic.yml
                    - copy: {dest: /etc/periodic.conf, content: "daily_output=\\"root\\"\\n", force: false}
                    - ini_file: {path: /etc/periodic.conf, section: null, option: daily_clean_tmps_enable, value: "{{ clean_tmps }}", no_extra_spaces: true}
                    - ini_file: {path: /etc/periodic.conf, section: null, option: weekly_status_security_output, value: "{{ security_output }}", no_extra_spaces: true}
                    - replace: {path: /etc/periodic.conf, regexp: '^daily_output="root"$', replace: 'daily_output="/var/log/daily.log"'}
                    - find: {paths: /etc, patterns: "periodic.conf*", contains: '^daily_output='}
                      register: found
                    - assert:
                        that: found.matched == 1 and found.files[0].path == '/etc/periodic.conf' and found.files[0].mode == '0644'
                      when: not ansible_check_mode
                """);
        String[] both = {"-i", hostInventory.toString(), "-i", jails.toString(), site.toString()};

        Jprov.Run check = Jprov.run(concat("apply", "--check", both));
        assertEquals(0, check.exitCode(), check.toString());
        assertEquals(4, check.changed("filemods1"), check.toString());
        assertEquals(4, check.changed("fm1"), check.toString());
        assertEquals("absent\n", new String(host.ssh("[ -e /etc/periodic.conf ] || echo absent").stdout()));
        assertEquals("absent\n", new String(host.ssh("[ -e /jails/fm1/etc/periodic.conf ] || echo absent").stdout()));

        Jprov.Run first = Jprov.run(concat("apply", both));
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(4, first.changed("filemods1"), first.toString());
        assertEquals(4, first.changed("fm1"), first.toString());
        assertEquals(PERIODIC, host.readFile("/etc/periodic.conf"));
        assertEquals(PERIODIC, host.readFile("/jails/fm1/etc/periodic.conf"));

        Jprov.Run again = Jprov.run(concat("apply", both));
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, again.changed("filemods1"), again.toString());
        assertEquals(0, again.changed("fm1"), again.toString());

        host.reboot(Duration.ofSeconds(120));
        Jprov.Run afterBoot = Jprov.run("apply", "-i", hostInventory.toString(), "-l", "filemods1", site.toString());
        assertEquals(0, afterBoot.exitCode(), afterBoot.toString());
        assertEquals(0, afterBoot.changed("filemods1"), afterBoot.toString());
        assertEquals(PERIODIC, host.readFile("/etc/periodic.conf"));
    }

    private static String[] concat(String command, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = command;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static String[] concat(String command, String flag, String[] rest) {
        String[] out = new String[rest.length + 2];
        out[0] = command;
        out[1] = flag;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }
}
