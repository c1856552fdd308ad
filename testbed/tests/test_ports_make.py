"""make(1) of the testbed, the ports framework only, against ports' Mk/bsd.port.mk (install, reinstall,
deinstall, clean; check-already-installed's message; PKGNAME from PORTNAME, PORTVERSION, PORTREVISION,
PORTEPOCH): a port of the emulated tree installs into PREFIX and registers with the emulated pkg(8)."""
import os, unittest
from emu_support import EmuCase
from emu_pkg_support import bootstrapped_host

MAKEFILE = """PORTNAME=\thello
PORTVERSION=\t1.0
PORTREVISION=\t1
CATEGORIES=\tmisc
COMMENT=\tSays hello

PLIST_FILES=\tbin/hello

.include <bsd.port.mk>
"""


class PortsMakeTest(EmuCase):
    def setUp(self):
        super().setUp()
        self.write("/usr/ports/misc/hello/Makefile", MAKEFILE)
        self.write("/usr/ports/misc/hello/src/bin/hello", "#!/bin/sh\necho hello\n", 0o755)
        self.write("/usr/ports/Mk/bsd.port.mk", "# the testbed's make implements the framework\n")

    def make(self, *a):
        return self.run_cmd("make", "-C", "/usr/ports/misc/hello", *a)

    def test_install_registers_the_port_with_pkg(self):
        bootstrapped_host(self)
        r = self.make("BATCH=yes", "install", "clean")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("===>  Installing for hello-1.0_1\n", r.stdout)
        self.assertEqual(self.read("/usr/local/bin/hello"), "#!/bin/sh\necho hello\n")
        self.assertEqual(self.ok("pkg", "query", "%n %v %o", "hello"), "hello 1.0_1 misc/hello\n")
        self.assertFalse(os.path.exists(self.path("/usr/ports/misc/hello/work")), "clean removed WRKDIR")
        again = self.make("install")
        self.assertEqual(again.returncode, 1)
        self.assertIn("===>   hello-1.0_1 is already installed\n", again.stderr)
        self.assertEqual(self.make("deinstall").returncode, 0)
        self.assertEqual(self.run_cmd("pkg", "info", "-q", "-e", "hello").returncode, 1)
        self.assertFalse(os.path.exists(self.path("/usr/local/bin/hello")))

    def test_without_pkg_the_install_stops(self):
        r = self.make("install")
        self.assertEqual(r.returncode, 1)
        self.assertIn("/usr/local/sbin/pkg - not found", r.stderr)

    def test_a_tree_without_its_framework_is_no_tree(self):
        os.unlink(self.path("/usr/ports/Mk/bsd.port.mk"))
        r = self.make("install")
        self.assertEqual(r.returncode, 1)
        self.assertIn("Cannot open /usr/ports/Mk/bsd.port.mk", r.stderr)

    def test_only_port_makefiles_are_understood(self):
        self.write("/usr/src/Makefile", "all:\n\techo hi\n")
        r = self.run_cmd("make", "-C", "/usr/src", "all")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unsupported by the testbed's make", r.stderr)


if __name__ == "__main__":
    unittest.main()
