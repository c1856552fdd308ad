import os, subprocess, unittest
from emu_support import EmuCase, EMU, SHELLS
from emu_pkg_support import bootstrapped_host, configured_host, with_one_jail


class ServicePkgTest(EmuCase):
    def setUp(self):
        super().setUp()
        subprocess.run(["sh", os.path.join(EMU, "lib", "emu_install_rc.sh"), self.root, "host"], check=True)
        self.addCleanup(self.stop_all)
        # pkg is installed from the testbed's repository first, as on a fresh FreeBSD host (test_pkg_*.py)
        bootstrapped_host(self)

    def stop_all(self):
        run = os.path.join(self.root, "var/run")
        for f in os.listdir(run) if os.path.isdir(run) else []:
            if f.endswith(".pid"):
                try:
                    with open(os.path.join(run, f)) as pidfile:
                        os.kill(int(pidfile.read().split()[0]), 15)
                except (OSError, ValueError):
                    pass

    @staticmethod
    def exited(pid):
        """The process is gone or a zombie (its parent, not the test, reaps it: wait_for_pids does not wait)."""
        try:
            with open("/proc/%d/stat" % pid) as f:
                return f.read().rsplit(") ", 1)[1].startswith("Z")
        except OSError:
            return True

    def pid(self, name):
        with open(self.path("/var/run/%s.pid" % name)) as f:
            return int(f.read())

    def test_install_enable_start_status_stop(self):
        out = self.ok("pkg", "install", "-y", "postfix")
        self.assertIn("New packages to be INSTALLED:\n\tpostfix: 3.9.1,1\n", out)
        self.assertIn("[1/1] Installing postfix-3.9.1,1...\n", out)
        self.assertTrue(os.access(self.path("/usr/local/etc/rc.d/postfix"), os.X_OK))
        self.assertEqual(self.ok("pkg", "install", "-y", "postfix").splitlines()[-1],
                         "The most recent versions of packages are already installed")
        # disabled: the rc.subr message, exit 0, nothing started
        r = self.run_cmd("service", "postfix", "start")
        self.assertEqual((r.returncode, r.stdout), (0, "Cannot 'start' postfix. Set postfix_enable to YES in "
                                                        "/etc/rc.conf or use 'onestart' instead of 'start'.\n"))
        self.assertEqual(self.run_cmd("service", "postfix", "status").stdout, "postfix is not running.\n")
        self.assertEqual(self.ok("service", "postfix", "enable"), "postfix enabled in /etc/rc.conf\n")
        self.assertEqual(self.read("/etc/rc.conf"), 'postfix_enable="YES"\n')
        self.assertEqual(self.ok("service", "postfix", "start"), "Starting postfix.\n")
        pid = self.pid("postfix")
        os.kill(pid, 0)  # a real process
        self.assertEqual(self.ok("service", "postfix", "status"), "postfix is running as pid %d.\n" % pid)
        r = self.run_cmd("service", "postfix", "start")
        self.assertEqual((r.returncode, r.stderr), (1, "postfix already running? (pid=%d).\n" % pid))
        self.ok("service", "postfix", "reload")
        os.kill(pid, 0)  # reload keeps the process
        out = self.ok("service", "postfix", "restart")
        self.assertEqual(out, "Stopping postfix.\nWaiting for PIDS: %d.\nStarting postfix.\n" % pid)
        pid2 = self.pid("postfix")
        self.assertNotEqual(pid, pid2)
        self.assertEqual(self.ok("service", "postfix", "stop"), "Stopping postfix.\nWaiting for PIDS: %d.\n" % pid2)
        self.assertTrue(self.exited(pid2))
        r = self.run_cmd("service", "postfix", "stop")
        self.assertEqual((r.returncode, r.stderr), (1, "postfix not running? (check /var/run/postfix.pid).\n"))
        self.assertEqual(self.ok("service", "postfix", "disable"), "postfix disabled in /etc/rc.conf\n")
        self.assertNotIn("/usr/local/etc/rc.d/postfix", self.ok("service", "-e").split())

    def test_onestart_and_listing(self):
        self.ok("pkg", "install", "-y", "nginx")
        self.assertEqual(self.ok("service", "nginx", "onestart"), "Starting nginx.\n")
        self.ok("sysrc", "nginx_enable=YES")
        # service.sh: the base scripts FreeBSD enables by default, then the local_startup ones in rcorder
        enabled = self.ok("service", "-e").split()
        self.assertIn("/etc/rc.d/cleanvar", enabled)
        self.assertIn("/usr/local/etc/rc.d/nginx", enabled)
        self.assertIn("nginx\n", self.ok("service", "-l"))
        self.ok("service", "nginx", "onestop")

    def test_unknown_service(self):
        r = self.run_cmd("service", "nosuch", "start")
        self.assertEqual(r.returncode, 1)
        self.assertIn("nosuch does not exist in /etc/rc.d", r.stdout)  # service.sh echoes it to stdout

    def test_latest_upgrade_and_version(self):
        self.ok("pkg", "install", "-y", "nginx-1.24.0_14,3")
        self.assertEqual(self.ok("pkg", "version", "-vl", "<"),
                         "nginx-1.24.0_14,3                  <   needs updating (remote has 1.26.2,3)\n")
        out = self.ok("pkg", "upgrade", "-y")
        self.assertIn("Installed packages to be UPGRADED:\n\tnginx: 1.24.0_14,3 -> 1.26.2,3\n", out)
        self.assertEqual(self.ok("pkg", "query", "%n %v", "nginx"), "nginx 1.26.2,3\n")
        self.assertEqual(self.ok("pkg", "upgrade", "-y").splitlines()[-1], "Your packages are up to date.")

    def test_info_delete(self):
        self.assertEqual(self.run_cmd("pkg", "info", "-e", "dovecot").returncode, 1)
        self.ok("pkg", "install", "-y", "dovecot")
        self.assertEqual(self.run_cmd("pkg", "info", "-e", "dovecot").returncode, 0)
        # pkg itself is a registered package once bootstrapped
        self.assertEqual(self.ok("pkg", "info", "-q"), "dovecot-2.3.21.1_2\npkg-1.21.3\n")
        out = self.ok("pkg", "delete", "-y", "dovecot")
        self.assertIn("Installed packages to be REMOVED:\n\tdovecot: 2.3.21.1_2\n", out)
        self.assertFalse(os.path.exists(self.path("/usr/local/etc/rc.d/dovecot")))
        self.assertEqual(self.run_cmd("pkg", "info", "-e", "dovecot").returncode, 1)

    def test_unknown_package(self):
        r = self.run_cmd("pkg", "install", "-y", "nosuch")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "pkg: No packages available to install matching 'nosuch' have been found in the repositories\n")

    def test_rootdir_and_jail(self):
        os.makedirs(self.path("/jails/mail"))
        self.ok("pkg", "-r", "/jails/mail", "install", "-y", "rspamd")
        self.assertTrue(os.path.exists(self.path("/jails/mail/usr/local/etc/rc.d/rspamd")))
        self.assertFalse(os.path.exists(self.path("/usr/local/etc/rc.d/rspamd")))
        env = with_one_jail(self, "mail", "/jails/mail")
        # -j attaches to the jail: the jail's own database (pkg's main.c: jail_attach() before pkg_ini())
        self.assertEqual(self.run_cmd("pkg", "-j", "mail", "info", "-e", "rspamd", env=env).returncode, 0)
        configured_host(self, "/jails/mail")
        self.ok("pkg", "-j", "mail", "install", "-y", "redis", env=env)
        self.assertTrue(os.path.exists(self.path("/jails/mail/usr/local/bin/redis-server")))
        r = self.run_cmd("pkg", "-j", "nosuch", "info", env=env)
        self.assertEqual(r.returncode, 1)

    def test_pkg_and_service_in_jail_shells(self):
        for shell in SHELLS:
            with self.subTest(shell=shell):
                self.ok("pkg", "install", "-y", "unbound", shell=shell)
                self.assertEqual(self.ok("service", "unbound", "onestatus", shell=shell) if False else
                                 self.run_cmd("service", "unbound", "onestatus", shell=shell).stdout, "unbound is not running.\n")
                self.ok("pkg", "delete", "-y", "unbound", shell=shell)


if __name__ == "__main__":
    unittest.main()
