"""fetch(1) (testbed/emu/bin/fetch on the host, python; testbed/emu/jail/fetch in jail roots, POSIX sh over
busybox wget) against usr.bin/fetch/fetch.c and fetch(3): -o file or directory, -q, -T, the long options
--no-verify-peer, --user-agent, --referer, the environment libfetch reads (HTTP_AUTH=basic:realm:user:password,
HTTP_USER_AGENT, HTTP_REFERER), user:password@ in the URL, the server's Last-Modified as the file's mtime
(fetch.c: utimes), a failed transfer leaving no file (fetch.c: failure, unlink) and warnx's `fetch: URL: Not Found`
(libfetch http.c: http_errlist) with exit 1. Both implementations are held to the same expectations; the jail one
runs under dash and busybox sh. Also md5/sha1/sha512, sbin/md5/md5.c's siblings of sha256 chosen by name."""
import email.utils, http.server, os, subprocess, threading, unittest
from emu_support import EmuCase, SHELLS, EMU

JAIL_FETCH = os.path.join(EMU, "jail", "fetch")
MTIME = 1733184000


class Handler(http.server.BaseHTTPRequestHandler):
    seen = []

    def do_GET(self):
        Handler.seen.append(dict(self.headers))
        if self.path == "/a.txt":
            body = b"hello\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", email.utils.formatdate(MTIME, usegmt=True))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


class FetchTest(EmuCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.base = "http://127.0.0.1:%d" % cls.server.server_address[1]
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def variants(self):
        yield "host", ["fetch"]
        for shell in SHELLS:
            yield "jail/" + shell, ([shell, JAIL_FETCH] if shell != "busybox" else ["busybox", "sh", JAIL_FETCH])

    def fetch(self, argv, *args, env=None):
        if argv == ["fetch"]:
            argv = [os.path.join(EMU, "bin", "fetch")]
        return subprocess.run(argv + list(args), capture_output=True, text=True, env=dict(self.env, **(env or {})),
                              stdin=subprocess.DEVNULL, timeout=60)

    def test_download_keeps_the_servers_mtime(self):
        for name, argv in self.variants():
            with self.subTest(name):
                rel = "/%s.txt" % name.replace("/", "-")
                out = self.path(rel)
                r = self.fetch(argv, "-q", "-T", "5", "-o", out, self.base + "/a.txt")
                self.assertEqual((r.returncode, r.stderr), (0, ""))
                self.assertEqual(self.read(rel), "hello\n")
                self.assertEqual(int(os.path.getmtime(out)), MTIME)

    def test_a_directory_keeps_the_urls_name(self):
        for name, argv in self.variants():
            with self.subTest(name):
                d = self.path("/" + name.replace("/", "-"))
                os.makedirs(d)
                self.assertEqual(self.fetch(argv, "-q", "-o", d, self.base + "/a.txt").returncode, 0)
                self.assertTrue(os.path.exists(d + "/a.txt"))

    def test_not_found_leaves_no_file(self):
        for name, argv in self.variants():
            with self.subTest(name):
                out = self.path("/missing")
                r = self.fetch(argv, "-q", "-o", out, self.base + "/nope")
                self.assertEqual((r.returncode, r.stderr), (1, "fetch: %s/nope: Not Found\n" % self.base))
                self.assertFalse(os.path.exists(out))

    def test_credentials_agent_and_referer(self):
        for name, argv in self.variants():
            with self.subTest(name):
                Handler.seen.clear()
                r = self.fetch(argv, "-q", "--referer=http://ref/", "-o", self.path("/x"), self.base + "/a.txt",
                               env={"HTTP_AUTH": "basic:*:bob:s3cret", "HTTP_USER_AGENT": "jprov-test"})
                self.assertEqual(r.returncode, 0, r.stderr)
                h = Handler.seen[-1]
                self.assertEqual(h.get("Authorization"), "Basic Ym9iOnMzY3JldA==")
                self.assertEqual(h.get("User-Agent"), "jprov-test")
                self.assertEqual(h.get("Referer"), "http://ref/")
                r = self.fetch(argv, "-q", "--user-agent=cli", "-o", self.path("/y"),
                               self.base.replace("//", "//ann:pw@") + "/a.txt")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(Handler.seen[-1].get("Authorization"), "Basic YW5uOnB3")
                self.assertEqual(Handler.seen[-1].get("User-Agent"), "cli")

    def test_unknown_options_are_refused(self):
        for name, argv in self.variants():
            with self.subTest(name):
                r = self.fetch(argv, "--bogus", self.base + "/a.txt")
                self.assertEqual(r.returncode, 1)
                self.assertIn("usage: fetch", r.stderr)

    def test_digest_siblings_by_name(self):
        self.write("/f", "abc")
        for shell in SHELLS:
            with self.subTest(shell=shell):
                self.assertEqual(self.ok("md5", "-q", self.path("/f"), shell=shell),
                                 "900150983cd24fb0d6963f7d28e17f72\n")
                self.assertEqual(self.ok("sha1", "-r", self.path("/f"), shell=shell),
                                 "a9993e364706816aba3e25717850c26c9cd0d89d %s\n" % self.path("/f"))
                self.assertTrue(self.ok("sha512", self.path("/f"), shell=shell).startswith("SHA512 ("))


if __name__ == "__main__":
    unittest.main()
