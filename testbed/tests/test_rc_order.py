"""rcorder(8) as FreeBSD 14.3's sbin/rcorder/rcorder.c: PROVIDE/REQUIRE/BEFORE/KEYWORD lines, -k/-s, the
sequence sort, and its warnings for missing providers and cycles (warnx(3): "rcorder: " prefix)."""
import os, unittest
from emu_support import EmuCase


class RcorderTest(EmuCase):
    def script(self, name, provide=None, require="", before="", keyword=""):
        text = "#!/bin/sh\n#\n# PROVIDE: %s\n" % (provide or name)
        for tag, words in (("REQUIRE", require), ("BEFORE", before), ("KEYWORD", keyword)):
            if words:
                text += "# %s: %s\n" % (tag, words)
        text += "\n# a comment after the block ends the parse\n# REQUIRE: never\n"
        self.write("/d/" + name, text, 0o755)
        return self.path("/d/" + name)

    def order(self, *args):
        r = self.run_cmd("rcorder", *args)
        return r.returncode, [os.path.basename(l) for l in r.stdout.split()], r.stderr

    def test_requirements_come_first(self):
        files = [self.script("c", require="b"), self.script("b", require="a"), self.script("a")]
        self.assertEqual(self.order(*files), (0, ["a", "b", "c"], ""))

    def test_before_and_provides_of_several_words(self):
        files = [self.script("late", require="NETWORKING"), self.script("net", provide="net NETWORKING"),
                 self.script("early", before="net")]
        self.assertEqual(self.order(*files)[1], ["early", "net", "late"])

    def test_sequence_sort_puts_independent_files_first(self):
        # do_file() numbers each file one above its requirements; the output is sorted by that number
        files = [self.script("a"), self.script("b", require="a"), self.script("c")]
        rc, out, _ = self.order(*files)
        self.assertEqual((rc, out[-1], sorted(out[:2])), (0, "b", ["a", "c"]))

    def test_skip_and_keep_keywords(self):
        files = [self.script("a", keyword="nojail shutdown"), self.script("b", require="a"),
                 self.script("c", keyword="nostart")]
        self.assertEqual(self.order("-s", "nostart", "-s", "nojail", *files)[1], ["b"])
        self.assertEqual(self.order("-k", "shutdown", *files)[1], ["a"])

    def test_missing_provider_warns_and_still_orders(self):
        files = [self.script("a", require="ghost")]
        self.assertEqual(self.order(*files), (1, ["a"], "rcorder: requirement `ghost' in file `%s' has no "
                                                       "providers.\n" % files[0]))

    def test_cycle_is_traced_and_reported(self):
        # satisfy_req(): "Circular dependency on provision `%s': %s." with the loop generate_loop_for_req() traces,
        # do_file(): "Circular dependency on file `%s'." and "`%s' was seen in circular dependencies for %d times."
        a = self.script("a", require="b")
        b = self.script("b", require="a")
        rc, out, err = self.order(a, b)
        self.assertEqual(rc, 1)
        self.assertEqual(sorted(out), ["a", "b"])
        self.assertIn("rcorder: Circular dependency on file `%s'.\n" % b, err)
        self.assertIn("rcorder: Circular dependency on provision `a': %s -> %s -> %s.\n" % (a, b, a), err)
        self.assertIn("rcorder: `%s' was seen in circular dependencies for 1 times.\n" % a, err)

    def test_before_unknown_provision(self):
        files = [self.script("a", before="nothing")]
        self.assertEqual(self.order(*files), (0, ["a"], "rcorder: file `%s' is before unknown provision "
                                                       "`nothing'\n" % files[0]))

    def test_usage(self):
        r = self.run_cmd("rcorder")
        self.assertEqual((r.returncode, r.stderr), (1, "usage: rcorder [-dgp] [-k keep] [-s skip] file ...\n"))

    def test_base_scripts_order_without_warnings(self):
        import subprocess
        from emu_rc_support import INSTALL
        subprocess.run(["sh", INSTALL, self.root, "jail"], check=True)
        names = sorted(os.listdir(self.path("/etc/rc.d")))
        rc, out, err = self.order("-s", "nostart", *[self.path("/etc/rc.d/" + n) for n in names])
        self.assertEqual((rc, err), (0, ""))
        for first, then in (("hostid", "hostid_save"), ("cleanvar", "FILESYSTEMS"), ("FILESYSTEMS", "netif"),
                            ("netif", "routing"), ("pflog", "pf"), ("routing", "pf"), ("syslogd", "SERVERS"),
                            ("DAEMON", "LOGIN"), ("LOGIN", "cron"), ("LOGIN", "jail"), ("jail", "securelevel")):
            self.assertLess(out.index(first), out.index(then), (first, then))


if __name__ == "__main__":
    unittest.main()
