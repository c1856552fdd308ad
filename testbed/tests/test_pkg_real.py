"""The real pkg(8) the bootstrap installs (testbed/emu/pkgrepo/pkg.sh as /usr/local/sbin/pkg), against
pkg's src/: info.c and query.c on an empty database, update.c (pkgcli_update), install.c (exit code of a
failed catalogue update), main.c (-N, -r, -j attaching to the jail)."""
import os, unittest
from emu_support import EmuCase
from emu_pkg_support import bootstrapped_host, configured_host, fresh_host, with_one_jail


class RealPkgTest(EmuCase):
    def setUp(self):
        super().setUp()
        bootstrapped_host(self)
        os.makedirs(self.path("/jails/empty"))

    def test_pkg_is_a_registered_package(self):
        self.assertEqual(self.ok("pkg", "info"), "pkg-1.21.3                        Package manager\n")
        self.assertEqual(self.ok("pkg", "query", "%n %v %o", "pkg"), "pkg 1.21.3 ports-mgmt/pkg\n")
        self.assertEqual(self.ok("pkg", "-N"), "1 packages installed\n")

    def test_info_on_an_empty_database(self):
        # info.c: EPKG_ENODB: MATCH_ALL -> EXIT_SUCCESS silently; a pattern -> warnx, EXIT_FAILURE
        r = self.run_cmd("pkg", "-r", "/jails/empty", "info")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        r = self.run_cmd("pkg", "-r", "/jails/empty", "info", "nginx")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, "", "pkg: No packages installed\n"))
        r = self.run_cmd("pkg", "-r", "/jails/empty", "info", "-q", "nginx")
        self.assertEqual((r.returncode, r.stderr), (1, ""))

    def test_query_on_an_empty_database(self):
        # query.c: EPKG_ENODB -> warnx("No packages installed"), EX_OK
        r = self.run_cmd("pkg", "-r", "/jails/empty", "query", "%n", "nginx")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", "pkg: No packages installed\n"))

    def test_query_exit_codes(self):
        # query.c: nothing printed for named packages -> EX_UNAVAILABLE; usage -> EX_USAGE
        self.assertEqual(self.run_cmd("pkg", "query", "%n", "nosuch").returncode, 69)
        self.assertEqual(self.run_cmd("pkg", "query").returncode, 64)
        self.assertEqual(self.run_cmd("pkg", "query", "%Z", "pkg").returncode, 64)
        self.assertEqual(self.ok("pkg", "query", "%n"), "pkg\n")

    def test_delete_on_an_empty_database(self):
        r = self.run_cmd("pkg", "-r", "/jails/empty", "delete", "-y", "nginx")
        self.assertEqual(r.returncode, 0)

    def test_update_messages(self):
        # the bootstrap fetched no catalogue: the first update does
        out = self.ok("pkg", "update")
        self.assertEqual(out, "Updating FreeBSD repository catalogue...\nFetching meta.conf: 100%\n"
                              "Fetching packagesite.pkg: 100%\nProcessing entries: 100%\n"
                              "FreeBSD repository update completed. 17 packages processed.\n"
                              "All repositories are up to date.\n")
        out = self.ok("pkg", "update")
        self.assertEqual(out, "Updating FreeBSD repository catalogue...\nFreeBSD repository is up to date.\n"
                              "All repositories are up to date.\n")
        self.assertIn("FreeBSD repository update completed.", self.ok("pkg", "update", "-f"))
        self.assertEqual(self.ok("pkg", "update", "-q"), "")

    def test_install_fetches_into_the_cache(self):
        out = self.ok("pkg", "install", "-y", "nginx")
        self.assertIn("[1/1] Fetching nginx-1.26.2,3.pkg: 100%\n", out)
        self.assertTrue(os.path.exists(self.path("/var/cache/pkg/nginx-1.26.2,3.pkg")))
        self.assertTrue(os.access(self.path("/usr/local/sbin/nginx"), os.X_OK))
        self.assertEqual(self.ok("pkg", "install", "-y", "nginx").splitlines()[-1],
                         "The most recent versions of packages are already installed")

    def test_unreachable_repository(self):
        # update.c: "Unable to update repository", "Error updating repositories!", EXIT_FAILURE;
        # install.c returns pkgcli_update()'s EPKG_FATAL (3)
        os.unlink(self.path("/usr/local/etc/pkg/repos/FreeBSD.conf"))
        r = self.run_cmd("pkg", "update")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "Updating FreeBSD repository catalogue...\n"
                                   "repository FreeBSD has no meta file, using default settings\n"
                                   "Unable to update repository FreeBSD\nError updating repositories!\n")
        self.assertEqual(r.stderr, "pkg: https://pkg.FreeBSD.org/FreeBSD:14:amd64/quarterly/meta.conf: No address record\n"
                                   "pkg: https://pkg.FreeBSD.org/FreeBSD:14:amd64/quarterly/packagesite.pkg: "
                                   "No address record\n")
        self.assertEqual(self.run_cmd("pkg", "install", "-y", "nginx").returncode, 3)

    def test_dependencies_are_installed(self):
        out = self.ok("pkg", "install", "-y", "roundcube-php83")
        self.assertIn("New packages to be INSTALLED:\n\tphp83: 8.3.14\n\tnginx: 1.26.2,3\n\troundcube-php83: 1.6.9,1\n", out)
        self.assertEqual(self.ok("pkg", "query", "%n %v", "roundcube-php83"), "roundcube-php83 1.6.9,1\n")

    def test_rootdir_uses_the_hosts_configuration(self):
        # -r: pkg_set_rootdir(): the host's repositories, the root's database and files
        self.ok("pkg", "-r", "/jails/empty", "install", "-y", "vim")
        self.assertTrue(os.path.exists(self.path("/jails/empty/usr/local/bin/vim")))
        self.assertTrue(os.path.exists(self.path("/jails/empty/var/db/pkg/local.sqlite")))
        self.assertEqual(self.ok("pkg", "-r", "/jails/empty", "info", "-q"), "vim-9.1.0707\n")

    def test_jail_uses_the_jails_configuration(self):
        env = with_one_jail(self, "www", "/jails/www")
        fresh_host(self, "/jails/www")
        # the jail's own /etc/pkg/FreeBSD.conf: pkg.FreeBSD.org, unreachable
        self.assertEqual(self.run_cmd("pkg", "-j", "www", "install", "-y", "nginx", env=env).returncode, 3)
        configured_host(self, "/jails/www")
        self.ok("pkg", "-j", "www", "install", "-y", "nginx", env=env)
        self.assertTrue(os.path.exists(self.path("/jails/www/usr/local/etc/rc.d/nginx")))
        r = self.run_cmd("pkg", "-j", "nosuch", "info", env=env)
        self.assertEqual((r.returncode, r.stderr), (1, 'pkg: jail "nosuch" not found\n'))


if __name__ == "__main__":
    unittest.main()
