package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ansible.posix.mount's planning. The fstab texts are what ansible-playbook 2.14.18 (ansible.posix of Ansible 7.7)
 * left, recorded locally with fstab: in a temporary directory and state: present.
 */
class MountModuleTest {
    static final String FSTAB = "# Device\tMountpoint\tFStype\tOptions\tDump\tPass#\n/dev/ada0p2\tnone\tswap\tsw\t0\t0\n"
            + "/data\t/mnt/a\tnullfs\trw\t0\t0\nshort line here\n";
    /** mount -p of a host with /data on /mnt/a. */
    static final String TABLE = "zroot/ROOT/default\t/\t\t\tzfs\trw,noatime,nfsv4acls \t0 0\n"
            + "devfs\t\t\t/dev\t\t\tdevfs\trw\t\t0 0\n/data\t\t\t/mnt/a\t\t\tnullfs\trw\t\t0 0\n";

    static CannedAnswers host() {
        return new CannedAnswers().file("/etc/fstab", FSTAB).dir("/mnt/a").shell("mount -p", 0, TABLE, "");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: mounted as in fstab", args("path", "/mnt/a", "src", "/data", "fstype", "nullfs",
                        "state", "mounted"), Action.NONE, ""),
                Arguments.of("no-op: present as in fstab", args("path", "/mnt/a", "src", "/data", "fstype", "nullfs",
                        "state", "present"), Action.NONE, ""),
                Arguments.of("no-op: unmounted and not mounted", args("path", "/mnt/b", "state", "unmounted"),
                        Action.NONE, ""),
                Arguments.of("no-op: absent and not in fstab", args("path", "/mnt/b", "state", "absent"), Action.NONE, ""),
                Arguments.of("unmounted", args("path", "/mnt/a/", "state", "unmounted"), Action.DELETE, "umount /mnt/a/"),
                Arguments.of("absent: fstab, umount, rmdir", args("path", "/mnt/a", "state", "absent"), null,
                        "write /etc/fstab (91 bytes)\numount /mnt/a\nrmdir /mnt/a"),
                Arguments.of("absent_from_fstab leaves the mount", args("path", "/mnt/a", "state", "absent_from_fstab"),
                        Action.UPDATE, "write /etc/fstab (91 bytes)"),
                Arguments.of("mounted and changed: remount from fstab", args("path", "/mnt/a", "src", "/data",
                        "fstype", "nullfs", "opts", "ro", "state", "mounted"), null,
                        "write /etc/fstab (118 bytes)\numount /mnt/a\nmount /mnt/a"),
                Arguments.of("mounted, new: mkdir, fstab, mount -F", args("path", "/jails/www/data", "src", "/data",
                        "fstype", "nullfs", "state", "mounted", "fstab", "/etc/fstab.www"), Action.CREATE,
                        "mkdir -p /jails/www/data\nmkdir -p /etc\nwrite /etc/fstab.www (36 bytes)\n"
                                + "mount -F /etc/fstab.www /jails/www/data"),
                Arguments.of("remounted", args("path", "/mnt/a", "state", "remounted"), null,
                        "umount /mnt/a\nmount /mnt/a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, Action action, String steps) {
        Planned p = CannedAnswers.plan(new MountModule(), args, host());
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        if (action != null) assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void editsFstabAsAnsible() {
        Planned p = CannedAnswers.plan(new MountModule(), args("path", "/mnt/a", "src", "/srv/data", "fstype", "nullfs",
                "opts", "rw,late", "state", "present"), host());
        assertEquals("# Device\tMountpoint\tFStype\tOptions\tDump\tPass#\n/dev/ada0p2\tnone\tswap\tsw\t0\t0\n"
                + "/srv/data /mnt/a nullfs rw,late 0 0\nshort line here\n", Plans.after(p));
        Planned q = CannedAnswers.plan(new MountModule(), args("path", "/mnt/b c", "src", "tmpfs", "fstype", "tmpfs",
                "opts", "rw,mode=1777", "boot", false, "state", "present"), host());
        assertEquals(FSTAB + "tmpfs /mnt/b\\040c tmpfs rw,mode=1777,noauto 0 0\n", Plans.after(q));
        assertEquals(Map.of("name", "/mnt/b c", "opts", "rw,mode=1777,noauto", "dump", "0", "passno", "0",
                "fstab", "/etc/fstab", "boot", "no", "backup_file", "", "src", "tmpfs", "fstype", "tmpfs"), q.result());
    }

    @Test
    void bootFalseWithNoautoWarnsAsAnsible() {
        Planned p = CannedAnswers.plan(new MountModule(), args("path", "/mnt/a", "src", "/data", "fstype", "nullfs",
                "opts", "rw,noauto", "boot", false, "state", "present"), host());
        assertEquals(java.util.List.of("Ignore the 'boot' due to 'opts' contains 'noauto'."), p.result().get("warnings"));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(args("path", "/x", "state", "mounted", "src", "a"),
                        "state is mounted but all of the following are missing: fstype"),
                Arguments.of(args("path", "/x", "state", "present"),
                        "state is present but all of the following are missing: src, fstype"),
                Arguments.of(args("path", "/x"), "missing required arguments: state"),
                Arguments.of(args("state", "unmounted"), "missing required arguments: path"),
                Arguments.of(args("path", "/x", "state", "mountd"), "value of state must be one of"),
                Arguments.of(args("path", "x", "state", "unmounted"), "path 'x' must be absolute"),
                Arguments.of(args("path", "/x", "state", "unmounted", "passno", "two"), "passno must be a number"),
                Arguments.of(args("path", "/x", "state", "ephemeral", "src", "a", "fstype", "tmpfs"),
                        "state=ephemeral is not supported"),
                Arguments.of(args("path", "/x", "state", "unmounted", "dev", "a"),
                        "Unsupported parameters for (mount) module: dev"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void refuses(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new MountModule(), args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }
}
