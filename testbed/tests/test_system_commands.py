import os, shutil, subprocess, threading, time, unittest
from http.server import HTTPServer, SimpleHTTPRequestHandler
from emu_support import EmuCase, BIN, SHELLS


class IdentityTest(EmuCase):
    def test_uname(self):
        for shell in [None] + SHELLS:
            with self.subTest(shell=shell):
                self.assertEqual(self.ok("uname", shell=shell), "FreeBSD\n")
                # a fresh host runs 14.3-RELEASE's GENERIC kernel (CONTRACT: fresh 14.3 install)
                self.assertEqual(self.ok("uname", "-s", "-r", "-m", shell=shell), "FreeBSD 14.3-RELEASE amd64\n")
                self.assertEqual(self.ok("uname", "-K", "-U", shell=shell), "1403000 1403000\n")
                self.assertEqual(self.ok("uname", "-p", shell=shell), "amd64\n")
        self.ok("hostname", "mailhost.example.org")
        # -v is kern.version (usr.bin/uname/uname.c), a release build's sys/conf/newvers.sh string
        self.assertEqual(self.ok("uname", "-a"), "FreeBSD mailhost.example.org 14.3-RELEASE FreeBSD 14.3-RELEASE "
                                                 "releng/14.3-n271432-8c9ce319fef7 GENERIC amd64\n")
        self.assertEqual(self.ok("uname", "-v"), self.ok("sysctl", "-n", "kern.version"))
        self.assertEqual(self.ok("hostname", "-s"), "mailhost\n")
        self.assertEqual(self.ok("hostname", "-d"), "example.org\n")
        self.assertEqual(self.run_cmd("uname", "-Z").returncode, 1)
        # a host whose kernel is 14.2-RELEASE (its kernel.release) shows that release's build and osreldate
        self.write("/var/db/emu/kernel.release", "14.2-RELEASE\n")
        self.assertEqual(self.ok("uname", "-rvK"), "14.2-RELEASE FreeBSD 14.2-RELEASE "
                                                   "releng/14.2-n269506-c8918d6c7412 GENERIC 1402000\n")
        self.assertEqual(self.ok("uname", "-v"), self.ok("sysctl", "-n", "kern.version"))

    def test_freebsd_version(self):
        self.assertEqual(self.ok("freebsd-version"), "14.3-RELEASE\n")
        self.assertEqual(self.ok("freebsd-version", "-kru"), "14.3-RELEASE\n14.3-RELEASE\n14.3-RELEASE\n")
        # a jail root's own copy answers with its embedded USERLAND_VERSION
        os.makedirs(self.path("/jails/u/bin"))
        shutil.copy(os.path.join(BIN, "freebsd-version"), self.path("/jails/u/bin/freebsd-version"))
        env = dict(self.env, EMU_ROOT="/")
        for shell in SHELLS:
            argv = (["busybox", "sh"] if shell == "busybox" else [shell]) + [self.path("/jails/u/bin/freebsd-version"), "-u"]
            self.assertEqual(subprocess.run(argv, capture_output=True, text=True, env=env).stdout, "14.3-RELEASE\n")

    def test_sysctl(self):
        self.assertEqual(self.ok("sysctl", "-n", "kern.ostype", "kern.osrelease", "hw.machine", "hw.machine_arch",
                                 "security.jail.jailed", "kern.osreldate"),
                         "FreeBSD\n14.3-RELEASE\namd64\namd64\n0\n1403000\n")
        self.assertEqual(self.ok("sysctl", "kern.ostype"), "kern.ostype: FreeBSD\n")
        self.assertTrue(int(self.ok("sysctl", "-n", "hw.ncpu")) >= 1)
        # what Ansible's FreeBSD virtual facts read: no VM guest, no hypervisor vendor
        self.assertEqual(self.ok("sysctl", "-n", "kern.vm_guest", "hw.hv_vendor"), "none\n\n")
        r = self.run_cmd("sysctl", "no.such.oid")
        self.assertEqual((r.returncode, r.stderr), (1, "sysctl: unknown oid 'no.such.oid'\n"))
        self.assertEqual(self.run_cmd("sysctl", "-i", "no.such.oid").returncode, 0)
        # net.inet.ip.forwarding is the kernel's value (0 after boot).  rc.conf's gateway_enable is only read
        # by rc.d/routing at boot (libexec/rc/rc.d/routing options_inet; see test_rc_boot), not by the kernel:
        # writing rc.conf changes nothing live.  sysctl sets it live (sbin/sysctl/sysctl.c "old -> new").
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding"), "0\n")
        self.write("/etc/rc.conf", 'gateway_enable="YES"\n')
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding"), "0\n")
        self.assertEqual(self.ok("sysctl", "net.inet.ip.forwarding=1"), "net.inet.ip.forwarding: 0 -> 1\n")
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding"), "1\n")
        self.assertEqual(self.ok("sysctl", "net.inet.ip.forwarding=0"), "net.inet.ip.forwarding: 1 -> 0\n")
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding"), "0\n")
        r = self.run_cmd("sysctl", "kern.ostype=Linux")
        self.assertEqual((r.returncode, r.stderr), (1, "sysctl: oid 'kern.ostype' is read only\n"))

    def test_bectl(self):
        out = self.ok("bectl", "list", "-H").split("\t")
        self.assertEqual(out[:4], ["default", "NR", "/", "1.31M"])


class FreebsdUpdateTest(EmuCase):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("/jails/u/bin"))
        os.makedirs(self.path("/var/db/freebsd-update"))  # a fresh install's work directory
        shutil.copy(os.path.join(BIN, "freebsd-version"), self.path("/jails/u/bin/freebsd-version"))

    def jail_version(self):
        r = subprocess.run(["sh", self.path("/jails/u/bin/freebsd-version")], capture_output=True, text=True,
                           env=dict(self.env, EMU_ROOT="/"))
        return r.stdout.strip()

    def test_refuses_non_interactive_fetch(self):
        r = self.run_cmd("freebsd-update", "-b", "/jails/u", "fetch")
        self.assertEqual(r.returncode, 1)
        self.assertIn("should not be run non-interactively", r.stdout)

    def test_fetch_install_rollback(self):
        fu = ("freebsd-update", "-b", "/jails/u", "--not-running-from-cron")
        self.assertEqual(self.run_cmd(*fu, "updatesready").returncode, 2)
        out = self.ok(*fu, "fetch")
        self.assertIn("The following files will be updated as part of updating to\n14.3-RELEASE-p1:\n/bin/freebsd-version\n", out)
        self.assertEqual(self.ok(*fu, "updatesready"), "There are updates available to install.\n"
                                                       "Run 'freebsd-update [options] install' to proceed.\n")
        self.assertTrue(self.ok(*fu, "install").endswith("Installing updates... done.\n"))
        self.assertEqual(self.jail_version(), "14.3-RELEASE-p1")
        self.assertTrue(self.ok(*fu, "fetch").endswith("No updates needed to update system to 14.3-RELEASE-p1.\n"))
        r = self.run_cmd(*fu, "install")
        self.assertEqual((r.returncode, r.stdout), (2, "No updates are available to install.\n"
                                                       "Run 'freebsd-update [options] fetch' first.\n"))
        self.assertEqual(self.ok(*fu, "rollback"), "Uninstalling updates... done.\n")
        self.assertEqual(self.jail_version(), "14.3-RELEASE")
        r = self.run_cmd(*fu, "rollback")
        self.assertEqual((r.returncode, r.stdout), (1, "No rollback directory found.\n"))

    def test_forced_failure_leaves_a_half_installed_root(self):
        self.write("/jails/u/var/db/emu/freebsd-update.fail", "")
        r = self.run_cmd("freebsd-update", "-b", "/jails/u", "--not-running-from-cron", "fetch", "install")
        self.assertEqual(r.returncode, 1)
        self.assertIn("Input/output error", r.stderr)
        self.assertEqual(self.jail_version(), "14.3-RELEASE-p1")

    def test_host_update_changes_uname(self):
        self.ok("freebsd-update", "--not-running-from-cron", "fetch", "install")
        self.assertEqual(self.ok("uname", "-r"), "14.3-RELEASE-p1\n")
        self.assertEqual(self.ok("freebsd-version", "-u"), "14.3-RELEASE-p1\n")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


class FetchDaemonTest(EmuCase):
    def test_fetch(self):
        os.makedirs(self.path("/srv"))
        with open(self.path("/srv/base.txz"), "wb") as f:
            f.write(b"x" * 1000)
        handler = lambda *a, **k: _Quiet(*a, directory=self.path("/srv"), **k)
        srv = HTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        self.addCleanup(srv.server_close)
        self.addCleanup(srv.shutdown)
        url = "http://127.0.0.1:%d/" % srv.server_port
        self.ok("fetch", "-q", "-o", self.path("/got.txz"), url + "base.txz")
        self.assertEqual(os.path.getsize(self.path("/got.txz")), 1000)
        r = self.run_cmd("fetch", "-q", "-o", self.path("/x"), url + "missing.txz")
        self.assertEqual((r.returncode, r.stderr), (1, "fetch: %smissing.txz: File not found\n" % url))
        self.assertFalse(os.path.exists(self.path("/x")))
        self.ok("fetch", "-q", "-o", self.path("/"), url + "base.txz")
        self.assertTrue(os.path.exists(self.path("/base.txz")))

    def test_daemon_detaches_and_supervises(self):
        # daemon returning while its child (sleep 30) still runs is what shows it detached: no clock needed.
        self.ok("daemon", "-f", "-p", "/var/run/child.pid", "-P", "/var/run/sup.pid", "sleep", "30")
        self.poll(lambda: os.path.exists(self.path("/var/run/child.pid"))
                  and os.path.exists(self.path("/var/run/sup.pid")), "both pid files")
        child = int(self.read("/var/run/child.pid"))
        sup = int(self.read("/var/run/sup.pid"))
        os.kill(child, 0)
        os.kill(sup, 15)
        self.poll(lambda: not alive(child), "the child to end with its supervisor")

    def poll(self, done, what, deadline_s=30):
        """Polls with a deadline (a slow machine only makes it wait longer)."""
        end = time.monotonic() + deadline_s
        while not done():
            if time.monotonic() > end:
                self.fail("waited %d s for %s" % (deadline_s, what))
            time.sleep(0.05)


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False

if __name__ == "__main__":
    unittest.main()
