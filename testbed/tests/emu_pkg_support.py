"""Shared fixture of the pkg tests: the testbed's package repository, built once per test process by
testbed/mirror/build-pkg-repo into a temporary mirror and reached over file:// (fetch(3), which pkg uses,
reads file URLs) or over HTTP from a local server, and the repository files a fresh host and the shipped
roles write (roles/pkg_repository)."""
import atexit, functools, http.server, os, shutil, subprocess, tempfile, threading
from emu_support import EMU

TESTBED = os.path.dirname(EMU)
# /etc/pkg/FreeBSD.conf of a fresh host, as testbed/emu/init.d/20-pkg writes it (FreeBSD 14.3's repository)
FREEBSD_CONF = """FreeBSD: {
  url: "pkg+https://pkg.FreeBSD.org/${ABI}/quarterly",
  mirror_type: "srv",
  signature_type: "fingerprints",
  fingerprints: "/usr/share/keys/pkg",
  enabled: yes
}
"""


@functools.lru_cache(maxsize=None)
def mirror():
    out = tempfile.mkdtemp(prefix="pkg-mirror-")
    atexit.register(shutil.rmtree, out, True)
    subprocess.run([os.path.join(TESTBED, "mirror", "build-pkg-repo"), "--out", out], check=True,
                   capture_output=True)
    return out


def file_url():
    return "file://" + mirror() + "/pkg/${ABI}/latest"


def repo_conf(url, mirror_type="none"):
    """The override the shipped roles write to /usr/local/etc/pkg/repos/FreeBSD.conf."""
    return 'FreeBSD: { url: "%s", mirror_type: "%s", signature_type: "none" }\n' % (url, mirror_type)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def serve_mirror(case):
    """An HTTP server of the mirror on 127.0.0.1; returns its base URL (stopped at the test's end)."""
    handler = functools.partial(_Quiet, directory=mirror())
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    case.addCleanup(srv.server_close)
    case.addCleanup(srv.shutdown)
    return "http://127.0.0.1:%d" % srv.server_address[1]


def fresh_host(case, root=""):
    """A fresh install's pkg files in case.root (+root): /etc/pkg/FreeBSD.conf only."""
    case.write(root + "/etc/pkg/FreeBSD.conf", FREEBSD_CONF)


def configured_host(case, root="", url=None):
    """A fresh host plus the repository override of the shipped roles (file:// mirror unless url)."""
    fresh_host(case, root)
    case.write(root + "/usr/local/etc/pkg/repos/FreeBSD.conf", repo_conf(url or file_url()))


def bootstrapped_host(case):
    configured_host(case)
    case.ok("pkg", "bootstrap", "-y")


def with_one_jail(case, name, root):
    """case.env with a fake jls first on PATH that knows one running jail, NAME at ROOT, and fails for any other
    name as jls -j does: pkg -j finds the jail's root with jls, and the tests run no jails."""
    fake = case.path("/fakebin")
    os.makedirs(fake)
    with open(fake + "/jls", "w") as f:
        f.write('#!/bin/sh\n[ "$2" = %s ] && echo %s && exit 0\necho "jls: jail \\"$2\\" not found" >&2; exit 1\n'
                % (name, root))
    os.chmod(fake + "/jls", 0o755)
    return dict(case.env, PATH=fake + ":" + case.env["PATH"])
