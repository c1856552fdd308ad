import os, unittest
from emu_support import EmuCase, SHELLS


class SysrcTest(EmuCase):
    def test_examples_from_the_manual(self):
        # sysrc(8) EXAMPLES, with the outputs FreeBSD prints for them.
        for shell in [None] + SHELLS:
            with self.subTest(shell=shell):
                self.setUp()
                run = lambda *a: self.ok("sysrc", *a, shell=shell)
                self.assertEqual(run("sshd_enable=YES"), "sshd_enable:  -> YES\n")
                self.assertEqual(run("sshd_enable"), "sshd_enable: YES\n")
                self.assertEqual(run("-n", "sshd_enable"), "YES\n")
                self.assertEqual(run("-e", "sshd_enable"), 'sshd_enable="YES"\n')
                self.assertEqual(run("sshd_enable=NO"), "sshd_enable: YES -> NO\n")
                self.assertEqual(run("cloned_interfaces+=bridge0"), "cloned_interfaces:  -> bridge0\n")
                self.assertEqual(run("cloned_interfaces+=bridge1 bridge0"), "cloned_interfaces: bridge0 -> bridge0 bridge1\n")
                self.assertEqual(run("cloned_interfaces-=bridge0"), "cloned_interfaces: bridge0 bridge1 -> bridge1\n")
                self.assertEqual(self.read("/etc/rc.conf"), 'sshd_enable="NO"\ncloned_interfaces="bridge1"\n')

    def test_unknown_variable(self):
        r = self.run_cmd("sysrc", "nosuch_enable")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, "", "sysrc: unknown variable 'nosuch_enable'\n"))
        for flag in ("-q", "-i"):
            r = self.run_cmd("sysrc", flag, "nosuch_enable")
            self.assertEqual((r.returncode, r.stderr), (1, ""))

    def test_check_mode(self):
        self.write("/etc/rc.conf", 'pf_enable="YES"\n')
        self.assertEqual(self.run_cmd("sysrc", "-c", "pf_enable=YES").returncode, 0)
        self.assertEqual(self.run_cmd("sysrc", "-c", "pf_enable=NO").returncode, 1)
        self.assertEqual(self.run_cmd("sysrc", "-c", "pf_enable").returncode, 0)
        self.assertEqual(self.run_cmd("sysrc", "-c", "jail_enable").returncode, 1)
        r = self.run_cmd("sysrc", "-cv", "pf_enable=NO")
        self.assertEqual(r.stdout, "/etc/rc.conf: pf_enable: would change from `YES' to `NO'\n")
        self.assertEqual(self.read("/etc/rc.conf"), 'pf_enable="YES"\n')  # -c never writes

    def test_replaces_last_assignment_keeps_comments(self):
        self.write("/etc/rc.conf", '# host\nhostname="a" # first\nfoo=1\nhostname=\'b\' # keep me\n')
        self.assertEqual(self.ok("sysrc", "hostname=c"), "hostname: b -> c\n")
        self.assertEqual(self.read("/etc/rc.conf"), '# host\nhostname="a" # first\nfoo=1\nhostname=\'c\' # keep me\n')

    def test_defaults_and_rc_conf_local(self):
        self.write("/etc/defaults/rc.conf", 'rc_conf_files="/etc/rc.conf /etc/rc.conf.local"\npf_enable="NO"\n')
        self.write("/etc/rc.conf.local", 'pf_enable="YES"\n')
        self.assertEqual(self.ok("sysrc", "-n", "pf_enable"), "YES\n")
        self.assertEqual(self.ok("sysrc", "pf_enable=NO"), "pf_enable: YES -> NO\n")
        self.assertEqual(self.read("/etc/rc.conf.local"), 'pf_enable="NO"\n')
        self.assertEqual(self.ok("sysrc", "-a"), "pf_enable: NO\n")

    def test_delete(self):
        self.write("/etc/rc.conf", 'a="1"\nb="2"\na="3"\n')
        self.assertEqual(self.ok("sysrc", "-x", "a"), "")
        self.assertEqual(self.read("/etc/rc.conf"), 'b="2"\n')
        self.assertEqual(self.run_cmd("sysrc", "-x", "a").returncode, 1)

    def test_file_and_root(self):
        self.assertEqual(self.ok("sysrc", "-f", "/etc/rc.conf.d/x", "x_flags=-v"), "x_flags:  -> -v\n")
        self.assertEqual(self.read("/etc/rc.conf.d/x"), 'x_flags="-v"\n')
        os.makedirs(self.path("/jails/mail/etc"))
        self.assertEqual(self.ok("sysrc", "-R", "/jails/mail", "postfix_enable=YES"), "postfix_enable:  -> YES\n")
        self.assertEqual(self.read("/jails/mail/etc/rc.conf"), 'postfix_enable="YES"\n')
        self.assertFalse(os.path.exists(self.path("/etc/rc.conf")))

    def test_jail_goes_through_jexec(self):
        # A stand-in jexec on PATH: chroot-free, it runs the command with the jail's root as EMU_ROOT.
        jroot = self.path("/jails/web")
        os.makedirs(jroot + "/etc")
        fake = self.path("/fakebin")
        os.makedirs(fake)
        with open(fake + "/jexec", "w") as f:
            f.write('#!/bin/sh\n[ "$1" = web ] || { echo "jexec: jail \\"$1\\" not found" >&2; exit 1; }\n'
                    'shift; shift; exec sh -c \'sed "s|^EMU_ROOT=/;|EMU_ROOT=%s;|" | sh "$@"\' sh "$@"\n' % jroot)
        os.chmod(fake + "/jexec", 0o755)
        env = dict(self.env, PATH=fake + ":" + self.env["PATH"])
        r = self.run_cmd("sysrc", "-j", "web", "nginx_enable=YES", env=env)
        self.assertEqual(r.stdout, "nginx_enable:  -> YES\n")
        self.assertEqual(self.read("/jails/web/etc/rc.conf"), 'nginx_enable="YES"\n')
        r = self.run_cmd("sysrc", "-j", "nosuch", "x=1", env=env)
        self.assertEqual((r.returncode, r.stderr), (1, 'jexec: jail "nosuch" not found\n'))

    def test_bad_name_and_usage(self):
        self.assertIn("name contains characters not allowed in shell", self.run_cmd("sysrc", "a.b=1").stderr)
        self.assertEqual(self.run_cmd("sysrc").returncode, 1)

    def test_noop_set_same_value(self):
        self.write("/etc/rc.conf", 'pf_enable="YES"\n')
        self.assertEqual(self.ok("sysrc", "pf_enable=YES"), "pf_enable: YES -> YES\n")
        self.assertEqual(self.read("/etc/rc.conf"), 'pf_enable="YES"\n')


if __name__ == "__main__":
    unittest.main()
