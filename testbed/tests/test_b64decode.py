"""b64decode(1) (testbed/emu/bin/b64decode) against usr.bin/bintrans/uudecode.c: -r decodes raw base64 to
standard output (decode(): rflag), the framed form writes the named file, the error texts and the option
conflicts of main_decode(). Run with dash (host) and busybox sh (jail roots)."""
import os, subprocess, unittest
from emu_support import EmuCase, SHELLS


class B64decodeTest(EmuCase):
    def test_raw(self):
        for shell in SHELLS:
            with self.subTest(shell=shell):
                r = self.run_cmd("b64decode", "-r", shell=shell, stdin="aGVsbG8g\nd29y bGQK\n")
                self.assertEqual((r.returncode, r.stdout), (0, "hello world\n"))

    def test_raw_empty_input(self):
        r = self.run_cmd("b64decode", "-r", stdin="")
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_raw_garbage(self):
        r = self.run_cmd("b64decode", "-r", stdin="!!!!\n")
        self.assertEqual((r.returncode, r.stderr),
                         (1, "b64decode: stdin: /dev/stdout: error decoding base64 input stream\n"))

    def test_framed_writes_the_named_file(self):
        os.makedirs(self.path("/out"))
        self.write("/in.b64", "begin-base64 640 /somewhere/note.txt\naGkK\n====\n")
        r = subprocess.run(["b64decode", self.path("/in.b64")], cwd=self.path("/out"), env=self.env,
                           capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.read("/out/note.txt"), "hi\n")
        self.assertEqual(os.stat(self.path("/out/note.txt")).st_mode & 0o777, 0o640)
        self.assertEqual(self.ok("b64decode", "-p", self.path("/in.b64")), "hi\n")
        self.ok("b64decode", "-o", self.path("/out/other"), self.path("/in.b64"))
        self.assertEqual(self.read("/out/other"), "hi\n")

    def test_missing_begin_line(self):
        r = self.run_cmd("b64decode", stdin="aGkK\n")
        self.assertEqual((r.returncode, r.stderr), (1, 'b64decode: stdin: missing or bad "begin" line\n'))

    def test_r_excludes_o(self):
        r = self.run_cmd("b64decode", "-r", "-o", "x")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("usage: uudecode [-cimprs] [file ...]\n"))


if __name__ == "__main__":
    unittest.main()
