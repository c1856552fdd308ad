# Shared plumbing of the emulated FreeBSD commands of jails and networking (jail, jls, jexec,
# ifconfig, devfs, pfctl, rctl): the state root, JSON state files written
# atomically under a lock, and err(3)-style messages.
# Every absolute FreeBSD path goes through rp() so tests can point EMU_ROOT at a
# temporary directory instead of "/".
import json
import os
import sys

ROOT = os.environ.get("EMU_ROOT") or "/"
REAL_ROOT = ROOT.rstrip("/") == ""
STATE_DIR = "/var/db/emu"
BIN_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__))) + "/bin"


def rp(path):
    """Host path of an absolute path on the simulated host."""
    if REAL_ROOT or not path.startswith("/"):
        return path
    return ROOT.rstrip("/") + path


def state_path(name):
    return rp(STATE_DIR + "/" + name)


def load_json(path, default):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return default


def save_json(path, obj):
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
    os.rename(tmp, path)


class Lock:
    """An exclusive flock on STATE_DIR/.NAME.lock for read-modify-write cycles."""

    def __init__(self, name):
        self.path = state_path("." + name + ".lock")

    def __enter__(self):
        import fcntl
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        os.close(self.fd)
        return False


class Prog:
    """err(3)/warnx(3) with the program name, as FreeBSD's utilities print them."""

    def __init__(self, name):
        self.name = name

    def warnx(self, msg):
        sys.stdout.flush()
        sys.stderr.write("%s: %s\n" % (self.name, msg))
        sys.stderr.flush()

    def errx(self, code, msg):
        self.warnx(msg)
        sys.exit(code)


def strerror(errno_value):
    return os.strerror(errno_value)
