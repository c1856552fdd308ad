# The simulated kernel's jail table for jail(8), jls(8), jexec(8) and friends:
# $EMU_ROOT/var/db/emu/kernel/jails.json.  A jail's processes are the host processes
# whose root directory is the jail's path (they were chrooted there by jail(8)
# or jexec(8)); a jail without "persist" disappears when its last process
# exits, as FreeBSD's kernel removes it.
import os
import signal
import time

from emu_common import BIN_DIR, REAL_ROOT, Lock, load_json, rp, save_json, state_path

STATE = "kernel/jails.json"   # kernel state, forgotten at reboot
LOGIN_PATH = "/sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin:/root/bin"


def _load_raw():
    return load_json(state_path(STATE), {"lastjid": 0, "jails": []})


def _root_id(path):
    try:
        st = os.stat(rp(path))
        return [st.st_dev, st.st_ino]
    except OSError:
        return None


def procs_in(j):
    """PIDs of host processes whose root directory is the jail's path."""
    rid = j.get("root_id")
    if not rid:
        return []
    me = os.getpid()
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) == me:
            continue
        try:
            st = os.stat("/proc/%s/root" % d)
        except OSError:
            continue
        if st.st_dev == rid[0] and st.st_ino == rid[1]:
            out.append(int(d))
    return out


def reap(state):
    """Remove non-persistent jails whose processes are all gone."""
    changed = False
    for j in list(state["jails"]):
        if j.get("persist") or j.get("busy"):
            continue
        if not procs_in(j):
            state["jails"].remove(j)
            release(j)
            changed = True
    return changed


def release(j):
    """What the kernel undoes when a jail dies: its vnet's interfaces."""
    if j.get("vnet"):
        import emu_if
        with Lock("ifconfig"):
            st = emu_if.load()
            emu_if.jail_removed(st, j["name"])
            emu_if.save(st)


def load():
    path = state_path(STATE)
    state = _load_raw()
    if any(not j.get("persist") for j in state["jails"]):
        with Lock("jails"):
            state = _load_raw()
            if reap(state):
                save_json(path, state)
    return state


def save(state):
    save_json(state_path(STATE), state)


def find(state, spec):
    """A running jail by jid or name (jail_getid(3))."""
    if spec.isdigit() and int(spec) != 0:
        for j in state["jails"]:
            if j["jid"] == int(spec):
                return j
        return None
    for j in state["jails"]:
        if j["name"] == spec:
            return j
    return None


def running_for_ifconfig(spec):
    # Without reaping: ifconfig holds its own lock here (lock order jails -> ifconfig).
    j = find(_load_raw(), spec)
    if j is None or (not j.get("persist") and not j.get("busy") and not procs_in(j)):
        return None
    return (j["name"], bool(j.get("vnet")))


def kill_procs(j, timeout):
    """SIGTERM the jail's processes, wait, then SIGKILL what is left."""
    pids = procs_in(j)
    for p in pids:
        try:
            os.kill(p, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.time() + timeout
    while pids and time.time() < deadline:
        time.sleep(0.05)
        pids = procs_in(j)
    for p in pids:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass
    for _ in range(40):
        if not procs_in(j):
            break
        time.sleep(0.05)


# --------------------------------------------------------------- running commands

def jail_aware(cmd):
    """Emulated commands that answer for a jail themselves (run on the host
    with EMU_JAIL set) instead of being looked up in the jail's userland."""
    base = os.path.basename(cmd)
    if cmd != base and os.path.dirname(cmd) not in ("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"):
        return None
    path = os.path.join(BIN_DIR, base)
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError:
        return None
    return path if b"EMU_JAIL_AWARE" in head else None


def jail_env_for_host(j, env):
    env = dict(env)
    env["EMU_JAIL"] = j["name"]
    env["EMU_JAIL_JID"] = str(j["jid"])
    env["EMU_JAIL_PATH"] = j["path"]
    env["EMU_JAIL_HOSTNAME"] = j.get("hostname", "")
    return env


def passwd_entry(root, user=None, uid=None):
    """An /etc/passwd entry of the jail (or host) root: (name, uid, gid, home, shell)."""
    try:
        with open(os.path.join(root, "etc/passwd")) as f:
            for line in f:
                if line.startswith("#"):
                    continue
                p = line.rstrip("\n").split(":")
                if len(p) < 7:
                    continue
                if (user is not None and p[0] == user) or (uid is not None and p[2] == str(uid)):
                    return p[0], int(p[2]), int(p[3]), p[5], p[6]
    except OSError:
        pass
    if uid == 0 or user == "root":
        return "root", 0, 0, "/root", "/bin/sh"
    return None


def set_hostname(name):
    """A private UTS namespace with the jail's host.hostname (jail_attach's view)."""
    if not name:
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(0x04000000) == 0:
            b = name.encode()
            libc.sethostname(b, len(b))
    except Exception:
        pass


def enter_jail(j, cwd="/"):
    """In a child process: chroot into the jail like jail_attach(2) + chdir."""
    set_hostname(j.get("hostname"))
    path = rp(j["path"])
    os.chdir(path)
    os.chroot(path)
    os.chdir(cwd)


def host_path_env(env):
    """PATH for commands jail(8) runs on the host: the emulated tools first."""
    env = dict(env)
    path = env.get("PATH", LOGIN_PATH)
    if BIN_DIR not in path.split(":"):
        env["PATH"] = BIN_DIR + ":" + path
    return env


# --------------------------------------------------------------- mounts

_libc = None


def _mount(src, target, fstype, flags, data=None):
    global _libc
    import ctypes
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    r = _libc.mount(src.encode() if src else None, target.encode(), fstype.encode() if fstype else None,
                    ctypes.c_ulong(flags), data.encode() if data else None)
    if r != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def umount(target):
    global _libc
    import ctypes
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    if _libc.umount2(target.encode(), 2) != 0 and _libc.umount2(target.encode(), 2 | 2) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


MS_RDONLY, MS_BIND, MS_REMOUNT, MS_REC = 1, 4096, 32, 16384

DEVICES = [("null", 1, 3), ("zero", 1, 5), ("random", 1, 8), ("urandom", 1, 9),
           ("ptmx", 5, 2), ("tty", 5, 0)]
LINKS = [("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
         ("stderr", "/proc/self/fd/2"), ("fd", "/proc/self/fd")]


def mount_devfs(devpath, ruleset):
    """mount -t devfs -oruleset=N: a tmpfs holding the device nodes the ruleset
    leaves visible (real mounts only when EMU_ROOT is "/")."""
    import emu_devfs
    names = [d[0] for d in DEVICES] + [l[0] for l in LINKS] + ["pf", "bpf", "zfs", "fuse", "crypto", "pts"]
    visible = set(emu_devfs.visible_nodes(ruleset, names))
    record = {"type": "devfs", "path": devpath, "ruleset": ruleset, "real": False,
              "visible": sorted(visible)}
    if REAL_ROOT:
        _mount("devfs", devpath, "tmpfs", 0, "mode=0755,size=64k")
        record["real"] = True
    # Under a test EMU_ROOT the nodes go straight into the jail's dev directory.
    for name, major, minor in DEVICES:
        if name in visible:
            p = os.path.join(devpath, name)
            if os.path.lexists(p):
                continue
            try:
                os.mknod(p, 0o666 | 0o020000, os.makedev(major, minor))
                os.chmod(p, 0o666)
            except OSError:
                if not REAL_ROOT:
                    continue
                open(p, "w").close()
                try:
                    _mount("/dev/" + name, p, None, MS_BIND)
                except OSError:
                    pass
    for name, target in LINKS:
        if name in visible and not os.path.lexists(os.path.join(devpath, name)):
            try:
                os.symlink(target, os.path.join(devpath, name))
            except OSError:
                pass
    return record


def mount_nullfs(src, dst, ro):
    record = {"type": "nullfs", "src": src, "path": dst, "ro": ro, "real": False}
    if not REAL_ROOT:
        return record
    _mount(src, dst, None, MS_BIND | MS_REC)
    record["real"] = True
    if ro:
        try:
            _mount(None, dst, None, MS_BIND | MS_REMOUNT | MS_RDONLY)
        except OSError:
            pass
    return record


def unmount(record):
    if record.get("real"):
        try:
            umount(record["path"])
        except OSError:
            pass


def execvpe(cmd, argv, env):
    """execvp(3) without os.execvpe(), which imports modules lazily: after a
    chroot(2) into a jail the host's Python library is out of reach."""
    if "/" in cmd:
        os.execve(cmd, argv, env)
    err = None
    for d in (env.get("PATH") or "/bin:/usr/bin").split(":"):
        try:
            os.execve((d or ".") + "/" + cmd, argv, env)
        except (FileNotFoundError, NotADirectoryError) as e:
            err = err or e
        except PermissionError as e:
            err = e
    raise err or FileNotFoundError(2, "No such file or directory")
