"""The pkg(7) bootstrap stub of a fresh host (testbed/emu/bin/pkg), against FreeBSD 14's usr.sbin/pkg/pkg.c
(main(), bootstrap_pkg(), fetch_to_fd()) and usr.sbin/pkg/config.c (repositories by name, later files
overriding earlier ones key by key)."""
import os, pty, subprocess, unittest
from emu_support import EmuCase, BIN
from emu_pkg_support import FREEBSD_CONF, configured_host, file_url, fresh_host, repo_conf, serve_mirror

NON_INTERACTIVE = ("The package management tool is not yet installed on your system.\n"
                   "Please set ASSUME_ALWAYS_YES=yes environment variable to be able to bootstrap in "
                   "non-interactive (stdin not being a tty)\n")


class FreshHostTest(EmuCase):
    """Without /usr/local/sbin/pkg: nothing but the stub."""

    def setUp(self):
        super().setUp()
        fresh_host(self)

    def test_activation_test_never_bootstraps(self):
        # pkg.c: `if (activation_test) errx(EXIT_FAILURE, "pkg is not installed");`
        r = self.run_cmd("pkg", "-N")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, "", "pkg: pkg is not installed\n"))
        r = self.run_cmd("pkg", "-N", "info")
        self.assertEqual(r.returncode, 1)
        self.assertFalse(os.path.exists(self.path("/usr/local/sbin/pkg")))

    def test_any_command_without_a_tty_refuses(self):
        # pkg.c: stdin not a tty and no ASSUME_ALWAYS_YES: non_interactive_message, EXIT_FAILURE
        for argv in (("info",), ("query", "%n"), ("-r", "/jails/x", "info"), ("-j", "www", "info"),
                     ("install", "-y", "nginx"), ("bootstrap",)):
            with self.subTest(argv=argv):
                r = self.run_cmd("pkg", *argv)
                self.assertEqual((r.returncode, r.stdout, r.stderr), (1, "", NON_INTERACTIVE))

    def test_question_on_a_tty_and_no_answer(self):
        # pkg.c: confirmation_message, pkg_query_yes_no(): anything but y/Y refuses
        master, slave = pty.openpty()
        p = subprocess.Popen([os.path.join(BIN, "pkg"), "info"], stdin=slave, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env, text=True)
        os.close(slave)
        os.write(master, b"n\n")
        out, err = p.communicate(timeout=30)
        os.close(master)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(out, "The package management tool is not yet installed on your system.\n"
                              "Do you want to fetch and install it now? [y/N]: ")

    def test_default_repository_is_unreachable(self):
        # bootstrap_pkg(): both bootstrap names tried (3 tries each, fetch_to_fd), then the fetchfail texts
        r = self.run_cmd("pkg", "bootstrap", "-y")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "Bootstrapping pkg from pkg+https://pkg.FreeBSD.org/FreeBSD:14:amd64/quarterly, "
                                   "please wait...\n")
        self.assertEqual(r.stderr,
                         "pkg: Attempted to fetch https://pkg.FreeBSD.org/FreeBSD:14:amd64/quarterly/Latest/pkg.pkg\n"
                         "pkg: Attempted to fetch https://pkg.FreeBSD.org/FreeBSD:14:amd64/quarterly/Latest/pkg.txz\n"
                         "pkg: Error: No address record\n"
                         "A pre-built version of pkg could not be found for your system.\n"
                         "Consider changing PACKAGESITE or installing it from ports: 'ports-mgmt/pkg'.\n")

    def test_override_keeps_the_other_keys(self):
        # config.c: /usr/local/etc/pkg/repos/FreeBSD.conf changes only the url of repository "FreeBSD";
        # signature_type "fingerprints" stays, and the testbed's repository has no Latest/pkg.pkg.sig
        self.write("/usr/local/etc/pkg/repos/FreeBSD.conf", 'FreeBSD: { url: "%s" }\n' % file_url())
        env = dict(self.env, ASSUME_ALWAYS_YES="yes")
        r = self.run_cmd("pkg", "bootstrap", env=env)
        self.assertEqual((r.returncode, r.stderr), (1, "Signature for pkg not available.\n"))

    def test_disabled_repository_is_skipped(self):
        self.write("/usr/local/etc/pkg/repos/FreeBSD.conf", "FreeBSD: { enabled: no }\n")
        self.write("/usr/local/etc/pkg/repos/testbed.conf", repo_conf(file_url()).replace("FreeBSD:", "testbed:"))
        out = self.ok("pkg", "bootstrap", "-y")
        self.assertIn("Bootstrapping pkg from file://", out)
        self.assertTrue(os.access(self.path("/usr/local/sbin/pkg"), os.X_OK))


class SharedCodeTest(unittest.TestCase):
    def test_stub_and_real_pkg_read_repositories_alike(self):
        # the real pkg carries a copy of the stub's configuration and fetch functions (both must run alone
        # in a jail root); they must not drift apart
        def section(path, end):
            with open(path) as f:
                text = f.read()
            start = text.index("# --- repository configuration")
            return text[start:text.index(end, start)]
        self.assertEqual(section(os.path.join(BIN, "pkg"), "# --- bootstrap"),
                         section(os.path.join(os.path.dirname(BIN), "pkgrepo", "pkg.sh"), "# --- main.c"))


class BootstrapTest(EmuCase):
    def setUp(self):
        super().setUp()
        configured_host(self)

    def test_bootstrap_then_already_bootstrapped(self):
        out = self.ok("pkg", "bootstrap", "-y")
        self.assertEqual(out, "Bootstrapping pkg from %s, please wait...\n"
                              "Installing pkg-1.21.3...\nExtracting pkg-1.21.3: 100%%\n"
                         % file_url().replace("${ABI}", "FreeBSD:14:amd64"))
        self.assertTrue(os.access(self.path("/usr/local/sbin/pkg"), os.X_OK))
        self.assertTrue(os.access(self.path("/usr/local/sbin/pkg-static"), os.X_OK))
        # pkg.c: `else if (bootstrap_only) printf("pkg already bootstrapped at %s\n", pkgpath);` exit 0
        self.assertEqual(self.ok("pkg", "bootstrap"), "pkg already bootstrapped at /usr/local/sbin/pkg\n")
        # -f bootstraps again (pkg-static add -f)
        self.assertIn("Installing pkg-1.21.3...", self.ok("pkg", "bootstrap", "-f", "-y"))

    def test_assume_always_yes_and_exec(self):
        # with ASSUME_ALWAYS_YES, `pkg info` bootstraps and then runs the real pkg with the same arguments
        r = self.run_cmd("pkg", "info", env=dict(self.env, ASSUME_ALWAYS_YES="YES"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.endswith("pkg-1.21.3                        Package manager\n"), r.stdout)
        self.assertEqual(self.ok("pkg", "-N"), "1 packages installed\n")

    def test_bootstrap_over_http(self):
        url = serve_mirror(self) + "/pkg/${ABI}/latest"
        self.write("/usr/local/etc/pkg/repos/FreeBSD.conf", repo_conf("pkg+" + url, "srv"))
        out = self.ok("pkg", "bootstrap", "-y")
        self.assertIn("Extracting pkg-1.21.3: 100%", out)
        self.assertIn("Fetching packagesite.pkg: 100%", self.ok("pkg", "update"))

    def test_http_not_found(self):
        url = serve_mirror(self) + "/pkg/nosuch"
        self.write("/usr/local/etc/pkg/repos/FreeBSD.conf", repo_conf(url))
        r = self.run_cmd("pkg", "bootstrap", "-y")
        self.assertEqual(r.returncode, 1)
        self.assertIn("pkg: Error: Not Found\n", r.stderr)

    def test_stub_and_real_pkg_in_busybox_sh(self):
        # jail roots run both with busybox ash
        if "busybox" not in self.__class__.__dict__.get("shells", ["busybox"]) or not os.path.exists("/bin/busybox"):
            self.skipTest("no busybox")
        self.ok("pkg", "bootstrap", "-y", shell="busybox")
        r = subprocess.run(["busybox", "sh", self.path("/usr/local/sbin/pkg"), "install", "-y", "bash"],
                           capture_output=True, text=True, env=self.env, stdin=subprocess.DEVNULL, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(self.path("/usr/local/bin/bash")))


if __name__ == "__main__":
    unittest.main()
