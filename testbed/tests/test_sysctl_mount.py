"""sysctl(8) -f and the jail view (sbin/sysctl/sysctl.c parsefile(), parse(), show_var()), rc.d/sysctl
(libexec/rc/rc.d/sysctl: `sysctl -i -f` at boot, `-f` on reload), mount(8)/umount(8) (sbin/mount/mount.c,
sbin/umount/umount.c: the table, `mount -p`'s putfsent(), `mount -a`, fstab lookups, errors) and
rc.d/mountcritlocal (libexec/rc/rc.d/mountcritlocal: `mount -a -t nonfs,smbfs` at boot)."""
import os
import subprocess
import unittest

from emu_rc_support import RcCase
from emu_support import BIN, EMU, SHELLS, EmuCase


class SysctlFileTest(EmuCase):
    CONF = ("# tuning\n"
            "net.inet.ip.forwarding = 1   # router\n"
            "\n"
            "kern.racct.enable=1\n"
            "no.such.oid=3\n"
            "security.bsd.see_other_uids=\"0\"\n")

    def test_parsefile_sets_what_it_can_and_names_each_failing_line(self):
        for sh in SHELLS:
            with self.subTest(shell=sh):
                self.setUp()
                self.write("/etc/sysctl.conf", self.CONF)
                r = self.run_cmd("sysctl", "-f", self.path("/etc/sysctl.conf"), shell=sh)
                self.assertEqual(1, r.returncode)
                self.assertEqual("net.inet.ip.forwarding: 0 -> 1\nsecurity.bsd.see_other_uids: 1 -> 0\n", r.stdout)
                self.assertEqual("sysctl: oid 'kern.racct.enable' is a read only tunable at line 4\n"
                                 "sysctl: Tunable values are set in /boot/loader.conf\n"
                                 "sysctl: unknown oid 'no.such.oid' at line 5\n", r.stderr)
                self.assertEqual("1\n0\n", self.ok("sysctl", "-n", "net.inet.ip.forwarding",
                                                   "security.bsd.see_other_uids", shell=sh))

    def test_i_skips_unknown_names_as_at_boot(self):
        self.write("/etc/sysctl.conf", "no.such.oid=1\nkern.randompid=1\n")
        r = self.run_cmd("sysctl", "-i", "-f", self.path("/etc/sysctl.conf"))
        self.assertEqual((0, "kern.randompid: 0 -> 1\n", ""), (r.returncode, r.stdout, r.stderr))

    def test_missing_file(self):
        r = self.run_cmd("sysctl", "-f", "/nonexistent/sysctl.conf")
        self.assertEqual(66, r.returncode)
        self.assertIn("No such file or directory", r.stderr)

    def test_T_and_W_filter_as_show_var(self):
        self.assertEqual("kern.racct.enable\nvfs.zfs.min_auto_ashift\n",
                         self.ok("sysctl", "-N", "-T", "kern.racct.enable", "vfs.zfs.min_auto_ashift",
                                 "net.inet.ip.forwarding"))
        self.assertEqual("vfs.zfs.min_auto_ashift\nnet.inet.ip.forwarding\n",
                         self.ok("sysctl", "-N", "-W", "kern.racct.enable", "vfs.zfs.min_auto_ashift",
                                 "net.inet.ip.forwarding"))
        r = self.run_cmd("sysctl", "-T", "kern.randompid=1")
        self.assertEqual(1, r.returncode)
        self.assertIn("Can't set variables when using -T or -W", r.stderr)

    def test_a_jail_sees_itself_jailed_and_may_not_write(self):
        env = dict(self.env, EMU_JAIL="web1")
        self.assertEqual("1\n", self.ok("sysctl", "-n", "security.jail.jailed", env=env))
        r = self.run_cmd("sysctl", "net.inet.ip.forwarding=1", env=env)
        self.assertEqual((1, "net.inet.ip.forwarding: 0\n"), (r.returncode, r.stdout))
        self.assertEqual("sysctl: net.inet.ip.forwarding=1: Operation not permitted\n", r.stderr)
        self.assertEqual("0\n", self.ok("sysctl", "-n", "security.jail.jailed"))


class RcSysctlTest(EmuCase):
    def test_rc_d_sysctl_runs_sysctl_f_as_freebsd(self):
        with open(os.path.join(EMU, "lib", "emu_rc.d", "sysctl")) as f:
            text = f.read()
        self.assertIn('command_args="-i -f"', text)
        self.assertIn('${command##*/} ${command_args} "$_R${_f}" > /dev/null', text)
        self.assertIn('reload_cmd="sysctl_start last"', text)


class BootTest(RcCase):
    """/etc/rc autoboot: rc.d/mountcritlocal mounts the fstab, rc.d/sysctl and rc.d/sysctl_lastload apply
    sysctl.conf, the latter after rc.d/routing reset net.inet.ip.forwarding from gateway_enable."""

    def test_a_boot_applies_sysctl_conf_and_mounts_fstab(self):
        os.makedirs(self.path("/srv/data"))
        os.makedirs(self.path("/mnt/data"))
        self.write("/etc/fstab", self.read("/etc/fstab") + "/srv/data /mnt/data nullfs ro 0 0\n")
        self.write("/etc/sysctl.conf", "net.inet.ip.forwarding=1\nsecurity.bsd.see_other_uids=0\n")
        self.write("/etc/rc.conf", 'hostname="web1"\n')
        r = self.rc("autoboot")
        self.assertEqual((0, ""), (r.returncode, r.stderr), r.stdout)
        self.assertEqual("1\n0\n", self.ok("sysctl", "-n", "net.inet.ip.forwarding", "security.bsd.see_other_uids"))
        self.assertIn("/srv/data on /mnt/data (nullfs, local, read-only)", self.ok("mount"))


class MountTest(EmuCase):
    FSTAB = ("# Device\t\tMountpoint\tFStype\tOptions\t\tDump\tPass#\n"
             "/dev/ada0p2\t\tnone\tswap\tsw\t\t0\t0\n"
             "/srv/data /mnt/data nullfs ro 0 0\n"
             "tmpfs /mnt/scratch tmpfs rw,mode=1777,noauto 0 0\n"
             "/srv/late /mnt/late nullfs rw,late 0 0\n")

    def setUp(self):
        super().setUp()
        for d in ("/srv/data", "/srv/late", "/mnt/data", "/mnt/scratch", "/mnt/late"):
            os.makedirs(self.path(d))
        self.write("/etc/fstab", self.FSTAB)

    def test_a_fresh_table_is_a_zfs_on_root_install(self):
        out = self.ok("mount").splitlines()
        self.assertEqual("zroot/ROOT/default on / (zfs, local, noatime, nfsv4acls)", out[0])
        self.assertEqual("devfs on /dev (devfs)", out[1])
        self.assertIn("zroot/var/log on /var/log (zfs, local, noatime, noexec, nosuid, nfsv4acls)", out)

    def test_mount_a_takes_auto_entries_once(self):
        self.assertEqual("", self.ok("mount", "-a", "-t", "nonfs,smbfs"))
        self.ok("mount", "-a")
        table = self.ok("mount")
        self.assertEqual(1, table.count("/srv/data on /mnt/data (nullfs, local, read-only)"), table)
        self.assertNotIn("/mnt/scratch", table)
        self.assertNotIn("/mnt/late", table)
        self.ok("mount", "-a", "-L")
        self.assertIn("/srv/late on /mnt/late (nullfs, local)", self.ok("mount"))

    def test_mount_p_is_putfsent(self):
        self.ok("mount", "/mnt/data")
        lines = self.ok("mount", "-p").splitlines()
        self.assertEqual("zroot/ROOT/default\t/\t\t\tzfs\trw,noatime,nfsv4acls \t0 0", lines[0])
        self.assertEqual("/srv/data\t\t/mnt/data\t\tnullfs\tro\t\t0 0", lines[-1])

    def test_mount_by_node_with_another_fstab_and_by_hand(self):
        self.write("/etc/fstab.web1", "tmpfs /mnt/scratch tmpfs rw,size=1m 0 0\n")
        self.ok("mount", "-F", "/etc/fstab.web1", "/mnt/scratch")
        self.ok("mount", "-t", "tmpfs", "-o", "nosuid", "tmpfs", "/mnt/late")
        table = self.ok("mount", "-t", "tmpfs")
        self.assertEqual("tmpfs on /mnt/scratch (tmpfs, local)\ntmpfs on /mnt/late (tmpfs, local, nosuid)\n", table)

    def test_errors(self):
        cases = [
            (("mount", "/mnt/nope"), "mount: /mnt/nope: unknown special file or file system\n"),
            (("mount", "-t", "nullfs", "/srv/nope", "/mnt/data"), "mount_nullfs: /srv/nope: No such file or directory\n"),
            (("mount", "-t", "tmpfs", "tmpfs", "/nope"), "mount: /nope: No such file or directory\n"),
            (("mount", "-t", "ext4", "/dev/sda1", "/mnt/data"), "mount: /dev/sda1: Operation not supported by device\n"),
            (("umount", "/mnt/data"), "umount: /mnt/data: not currently mounted\n"),
            (("umount", "/"), "umount: unmount of / failed: Device busy\n"),
        ]
        for argv, err in cases:
            with self.subTest(argv=argv):
                r = self.run_cmd(*argv)
                self.assertEqual((1, err), (r.returncode, r.stderr))

    def test_umount_by_node_and_all(self):
        self.ok("mount", "-a", "-l")
        self.ok("umount", "/mnt/late/")
        self.assertNotIn("/mnt/late", self.ok("mount"))
        self.ok("umount", "-a")
        self.assertNotIn("/mnt/data", self.ok("mount"))

    def test_the_table_is_kernel_state(self):
        self.ok("mount", "/mnt/data")
        self.assertTrue(os.path.exists(self.path("/var/db/emu/kernel/mounts.json")))

    def test_zfs_needs_a_legacy_mountpoint(self):
        r = self.run_cmd("mount", "-t", "zfs", "zroot/home", "/mnt/data")
        self.assertEqual(1, r.returncode)
        self.assertIn("filesystem 'zroot/home' cannot be mounted using 'mount'", r.stderr)
        self.ok("zfs", "create", "-o", "mountpoint=legacy", "zroot/data")
        self.ok("mount", "-t", "zfs", "zroot/data", "/mnt/data")
        self.assertIn("zroot/data on /mnt/data (zfs, local, nfsv4acls)", self.ok("mount"))


class JailMountTest(EmuCase):
    """A jail root's copy of mount/umount: the published view, and mounts refused (no allow.mount)."""

    def setUp(self):
        super().setUp()
        self.env = dict(self.env, EMU_JAIL="web1")
        self.write("/var/db/emu/mount.view", "devfs\t/dev\tdevfs\t-\n/srv/data\t/mnt\tnullfs\tlocal,ro\n")
        self.view = self.path("/var/db/emu/mount.view")

    def jailed(self, *argv):
        # the jail's mount reads its view at /var/db/emu/mount.view: point it at the test's copy
        with open(os.path.join(BIN, argv[0])) as f:
            script = f.read().replace("VIEW=/var/db/emu/mount.view", "VIEW=" + self.view)
        return subprocess.run(["sh", "-c", script, argv[0]] + list(argv[1:]), capture_output=True, text=True,
                              env=self.env, timeout=30)

    def test_lists_its_view(self):
        r = self.jailed("mount")
        self.assertEqual("devfs on /dev (devfs)\n/srv/data on /mnt (nullfs, local, read-only)\n", r.stdout)
        r = self.jailed("mount", "-p")
        self.assertEqual("devfs\t\t\t/dev\t\t\tdevfs\trw\t\t0 0\n/srv/data\t\t/mnt\t\t\tnullfs\tro\t\t0 0\n", r.stdout)

    def test_mounting_is_refused(self):
        r = self.jailed("mount", "-t", "tmpfs", "tmpfs", "/tmp/x")
        self.assertEqual((1, "mount: tmpfs: Operation not permitted\n"), (r.returncode, r.stderr))
        r = self.jailed("mount", "-t", "nullfs", "/a", "/b")
        self.assertEqual("mount_nullfs: /b: Operation not permitted\n", r.stderr)
        r = self.jailed("umount", "/mnt")
        self.assertEqual((1, "umount: unmount of /mnt failed: Operation not permitted\n"), (r.returncode, r.stderr))


if __name__ == "__main__":
    unittest.main()
