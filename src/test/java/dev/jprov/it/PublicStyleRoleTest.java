package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role written the way public FreeBSD baseline roles are (it/ansible/publicrole): FQCN module names, string
 * flags tested with {@code not x | bool}, {@code default(omit)} in arguments and in a keyword, a role vars file,
 * role params over defaults, a {@code #jinja2:} template header, and facts read by a command with {@code register},
 * {@code changed_when: false} and {@code check_mode: false} that later tasks and the template use. Compared with
 * what ansible-playbook 2.14 printed and left on the hosts, in check mode first (fresh hosts), for real, again,
 * and in check mode after the run.
 */
class PublicStyleRoleTest {
    @TempDir
    Path temp;

    @Test
    void checkOnFreshHostsPrintsWhatAnsiblePrintsAndWritesNothing() {
        AnsibleParity p = AnsibleParity.copy("publicrole", temp);
        Jprov.Run check = p.run("site.yaml", "-C", "-D");
        assertSameOutput(p, "check", check);
        for (String h : List.of("h1", "h2")) assertFalse(Files.exists(p.out(h)), "check mode created " + p.out(h));
    }

    @Test
    void realRunLeavesWhatAnsibleLeavesAndASecondRunAndCheckChangeNothing() throws IOException {
        AnsibleParity p = AnsibleParity.copy("publicrole", temp);
        assertSameOutput(p, "run", p.run("site.yaml"));
        // what ansible-playbook left on the hosts: the template's header set lstrip_blocks and was not written,
        // the directory mode was omitted on h1 and 0750 (parents too, as Ansible's file module makes them) on h2
        assertEquals("managed: h1\nRunning 14.3-RELEASE-p2\n\n\n  enabled: sshd\n\n\n\n",
                Files.readString(p.out("h1").resolve("etc/motd")));
        assertFalse(Files.exists(p.out("h2").resolve("etc/motd")));
        for (String h : List.of("h1", "h2")) {
            assertEquals("ntpd_enable=\"YES\"\n", Files.readString(p.out(h).resolve("etc/rc.conf")));
            assertEquals("PermitRootLogin no\n", Files.readString(p.out(h).resolve("etc/sshd_config")));
            assertEquals("rw-------", mode(p.out(h).resolve("etc/sshd_config")));
        }
        assertEquals("rwxr-x---", mode(p.out("h2").resolve("etc")));
        assertEquals("rwxr-x---", mode(p.out("h2")));

        assertSameOutput(p, "again", p.run("site.yaml"));
        assertSameOutput(p, "checkagain", p.run("site.yaml", "-C", "-D"));
    }

    private static void assertSameOutput(AnsibleParity p, String variant, Jprov.Run run) {
        String expected = p.ansible(variant)
                // Ansible names a temp file as the "after" side of a template's diff; jprov names the destination
                .replaceAll("\\+\\+\\+ after: TMP", "+++ after: OUT/h1/etc/motd");
        String actual = p.normalized(run);
        if (!expected.equals(actual)) p.keep(variant, expected, actual);
        assertEquals(expected, actual, run.toString());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
