"""freebsd-update(8) (testbed/emu/bin/freebsd-update) against usr.sbin/freebsd-update/freebsd-update.sh:
RELNUM from `uname -r` of the running kernel (fetchupgrade_check_params) unless --currently-running or -j
set UNAME_r, the work directory checks, and the texts and exit codes of cmd_fetch, cmd_install
(install_check_params) and cmd_updatesready."""
import hashlib, os, re, subprocess, unittest
from emu_support import EmuCase, BIN


class ReleaseTest(EmuCase):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("/var/db/freebsd-update"))
        self.write("/var/db/emu/kernel.release", "14.3-RELEASE\n")   # the running kernel
        self.write("/var/db/emu/userland.release", "14.3-RELEASE\n")
        os.makedirs(self.path("/jails/x/bin"))
        with open(os.path.join(BIN, "freebsd-version")) as f:   # a 14.2-RELEASE jail root
            text = re.sub(r'^USERLAND_VERSION="[^"]*"', 'USERLAND_VERSION="14.2-RELEASE"', f.read(), flags=re.M)
        self.write("/jails/x/bin/freebsd-version", text, 0o755)
        self.fu = ("freebsd-update", "--not-running-from-cron")

    def jail_version(self):
        r = subprocess.run(["sh", self.path("/jails/x/bin/freebsd-version")], capture_output=True, text=True,
                           env=dict(self.env, EMU_ROOT="/"))
        return r.stdout.strip()

    def test_basedir_takes_the_running_kernels_release(self):
        # RELNUM=`uname -r | sed ...`: a 14.2 root on a 14.3 kernel is brought to 14.3's newest patch level
        out = self.ok(*self.fu, "-b", "/jails/x", "fetch")
        self.assertIn("Fetching metadata signature for 14.3-RELEASE from", out)
        self.assertIn("updating to\n14.3-RELEASE-p1:\n", out)
        self.ok(*self.fu, "-b", "/jails/x", "install")
        self.assertEqual(self.jail_version(), "14.3-RELEASE-p1")

    def test_currently_running(self):
        # --currently-running REL exports UNAME_r
        out = self.ok(*self.fu, "-b", "/jails/x", "--currently-running", "14.2-RELEASE", "fetch")
        self.assertIn("updating to\n14.2-RELEASE-p3:\n", out)
        self.ok(*self.fu, "-b", "/jails/x", "install")
        self.assertEqual(self.jail_version(), "14.2-RELEASE-p3")
        out = self.ok(*self.fu, "-b", "/jails/x", "--currently-running", "14.2-RELEASE-p3", "fetch")
        self.assertTrue(out.endswith("\nNo updates needed to update system to 14.2-RELEASE-p3.\n"), out)

    def test_jail_takes_the_jails_userland(self):
        fake = self.path("/fakebin")
        os.makedirs(fake)
        self.write("/fakebin/jls", '#!/bin/sh\n[ "$2" = x ] && echo /jails/x && exit 0\nexit 1\n', 0o755)
        env = dict(self.env, PATH=fake + ":" + self.env["PATH"])
        r = self.run_cmd(*self.fu, "-j", "x", "fetch", env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("updating to\n14.2-RELEASE-p3:\n", r.stdout)

    def test_b_and_j_exclude_each_other(self):
        r = self.run_cmd(*self.fu, "-b", "/jails/x", "-j", "x", "fetch")
        self.assertEqual(r.returncode, 1)
        self.assertIn("usage: freebsd-update", r.stderr)

    def test_state_is_per_basedir_in_the_work_directory(self):
        self.ok(*self.fu, "-b", "/jails/x", "fetch")
        self.assertEqual(self.run_cmd("freebsd-update", "updatesready").returncode, 2)
        self.assertEqual(self.ok("freebsd-update", "-b", "/jails/x", "updatesready"),
                         "There are updates available to install.\nRun 'freebsd-update [options] install' to proceed.\n")
        links = [n for n in os.listdir(self.path("/var/db/freebsd-update")) if n.endswith("-install")]
        # BDHASH=`echo ${BASEDIR} | sha256 -q`
        self.assertEqual(links, [hashlib.sha256(b"/jails/x\n").hexdigest() + "-install"])


class WorkdirTest(EmuCase):
    def test_missing_work_directory(self):
        # fetchupgrade_check_params / install_check_params: [ -d WORKDIR -a -w WORKDIR ] || exit 1
        for cmd in ("fetch", "install", "rollback"):
            with self.subTest(cmd=cmd):
                r = self.run_cmd("freebsd-update", "--not-running-from-cron", cmd)
                self.assertEqual((r.returncode, r.stdout),
                                 (1, "freebsd-update: Directory does not exist or is not writable: "
                                     "/var/db/freebsd-update\n"))

    def test_d_names_the_work_directory(self):
        os.makedirs(self.path("/tmp/fu"))
        r = self.run_cmd("freebsd-update", "-d", "/tmp/fu", "install")
        self.assertEqual((r.returncode, r.stdout), (2, "No updates are available to install.\n"
                                                       "Run 'freebsd-update [options] fetch' first.\n"))


class NoopTest(EmuCase):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("/var/db/freebsd-update"))
        self.write("/var/db/emu/kernel.release", "14.3-RELEASE\n")
        self.write("/var/db/emu/userland.release", "14.3-RELEASE\n")

    def test_install_without_fetch(self):
        # install_check_params: no BDHASH-install link and ISFETCHED=0 -> exit 2
        r = self.run_cmd("freebsd-update", "install")
        self.assertEqual((r.returncode, r.stdout), (2, "No updates are available to install.\n"
                                                       "Run 'freebsd-update [options] fetch' first.\n"))

    def test_fetch_install_with_nothing_new(self):
        self.ok("freebsd-update", "--not-running-from-cron", "fetch", "install")
        r = self.run_cmd("freebsd-update", "--not-running-from-cron", "fetch", "install")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.endswith("\nNo updates needed to update system to 14.3-RELEASE-p1.\n"
                                          "No updates are available to install.\n"), r.stdout)

    def test_fetch_without_a_tty(self):
        # cmd_fetch: `basename $0` is command substitution, so no backquotes in the text
        r = self.run_cmd("freebsd-update", "fetch")
        self.assertEqual((r.returncode, r.stdout), (1, "freebsd-update fetch should not be run non-interactively.\n"
                                                       "Run freebsd-update cron instead.\n"))

    def test_rollback_without_rollback(self):
        r = self.run_cmd("freebsd-update", "rollback")
        self.assertEqual((r.returncode, r.stdout), (1, "No rollback directory found.\n"))

    def test_updatesready_without_updates(self):
        r = self.run_cmd("freebsd-update", "updatesready")
        self.assertEqual((r.returncode, r.stdout), (2, "No updates are available to install.\n"))


if __name__ == "__main__":
    unittest.main()
