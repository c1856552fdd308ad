import hashlib, os, unittest
from emu_support import EmuCase, SHELLS


class StatTest(EmuCase):
    def setUp(self):
        super().setUp()
        self.write("/f", "hello\n", 0o640)
        os.symlink("f", self.path("/l"))
        os.mkdir(self.path("/d"), 0o755)

    def test_formats_modules_use(self):
        cases = [  # (format, file, expected) -- as FreeBSD's stat -f prints them
            ("%Lp", "/f", "640"), ("%Mp%Lp", "/f", "0640"), ("%#Lp", "/f", "0640"), ("%p", "/f", "100640"),
            ("%Sp", "/f", "-rw-r-----"), ("%z", "/f", "6"), ("%HT", "/f", "Regular File"),
            ("%HT", "/d", "Directory"), ("%HT", "/l", "Symbolic Link"), ("%Y", "/l", "f"), ("%SY", "/l", " -> f"),
            ("%Y", "/f", ""), ("%u:%g", "/f", "%d:%d" % (os.getuid(), os.getgid())), ("%N", "/f", self.path("/f")),
            ("%T", "/d", "/"), ("[%5z|%-3z]", "/f", "[    6|6  ]"), ("literal %%", "/f", "literal %"),
        ]
        for shell in [None] + SHELLS:
            for fmt, f, want in cases:
                with self.subTest(shell=shell, fmt=fmt, file=f):
                    self.assertEqual(self.ok("stat", "-f", fmt, self.path(f), shell=shell), want + "\n")

    def test_mtime_and_names(self):
        st = os.stat(self.path("/f"))
        out = self.ok("stat", "-f", "%m %Su %N", self.path("/f"))
        self.assertEqual(out.split()[0], str(int(st.st_mtime)))

    def test_many_files_one_line_each_and_missing(self):
        r = self.run_cmd("stat", "-f", "%N %z", self.path("/f"), self.path("/nope"), self.path("/d"))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.splitlines(), [self.path("/f") + " 6", self.path("/d") + " " + str(os.stat(self.path("/d")).st_size)])
        self.assertEqual(r.stderr, "stat: %s: stat: No such file or directory\n" % self.path("/nope"))

    def test_quiet_and_follow(self):
        r = self.run_cmd("stat", "-q", "-f", "%z", self.path("/nope"))
        self.assertEqual((r.returncode, r.stdout, r.stderr), (1, "", ""))
        self.assertEqual(self.ok("stat", "-L", "-f", "%HT", self.path("/l")), "Regular File\n")

    def test_bad_format(self):
        r = self.run_cmd("stat", "-f", "%Q", self.path("/f"))
        self.assertEqual((r.returncode, r.stderr), (1, "stat: %Q: bad format\n"))

    def test_no_format_fields_is_plain_text(self):
        self.assertEqual(self.ok("stat", "-f", "x", self.path("/f")), "x\n")


class Sha256Test(EmuCase):
    def setUp(self):
        super().setUp()
        self.write("/f", "abc")
        self.digest = hashlib.sha256(b"abc").hexdigest()

    def test_outputs(self):
        p = self.path("/f")
        for shell in [None] + SHELLS:
            with self.subTest(shell=shell):
                self.assertEqual(self.ok("sha256", p, shell=shell), "SHA256 (%s) = %s\n" % (p, self.digest))
                self.assertEqual(self.ok("sha256", "-q", p, shell=shell), self.digest + "\n")
                self.assertEqual(self.ok("sha256", "-r", p, shell=shell), "%s %s\n" % (self.digest, p))
                self.assertEqual(self.ok("sha256", "-c", self.digest, p, shell=shell), "SHA256 (%s) = %s\n" % (p, self.digest))

    def test_check_mismatch_exit_2(self):
        r = self.run_cmd("sha256", "-c", "00", self.path("/f"))
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stdout.endswith(" [ Failed ]\n"))

    def test_missing_file_exit_1_others_still_printed(self):
        r = self.run_cmd("sha256", "-q", self.path("/nope"), self.path("/f"))
        self.assertEqual((r.returncode, r.stdout), (1, self.digest + "\n"))
        self.assertEqual(r.stderr, "sha256: %s: No such file or directory\n" % self.path("/nope"))

    def test_string_and_stdin(self):
        # sha256(1) EXAMPLES: sha256 -s "The quick brown fox..." style output
        self.assertEqual(self.ok("sha256", "-s", "abc"), 'SHA256 ("abc") = %s\n' % self.digest)
        self.assertEqual(self.ok("sha256", stdin="abc"), self.digest + "\n")


if __name__ == "__main__":
    unittest.main()
