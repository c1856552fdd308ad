# mount(8) and umount(8) of FreeBSD 14 (sbin/mount/mount.c, sbin/mount/getmntopts.c,
# sbin/umount/umount.c) on a simulated host, and the kernel's mount table they show.
#
# The table (getmntinfo(3)'s order) is what the kernel has mounted:
#   - the root and /dev of a ZFS-on-root install (zroot/ROOT/default on /, devfs on /dev);
#   - the ZFS datasets the zfs emulation has mounted (mountpoint set, canmount=on), by name;
#   - what jail(8) mounted for running jails (mount.devfs, mount.fstab, mount: kernel/jails.json);
#   - what mount(8) mounted: $EMU_ROOT/var/db/emu/kernel/mounts.json, kernel state forgotten at a
#     boot (host-boot also unmounts the real mounts made since init started).
# nullfs and tmpfs are real mounts on a simulated host (EMU_ROOT "/": bind mounts and tmpfs in the
# host's own mount namespace); devfs is the jail emulation's small tmpfs of device nodes; zfs (a
# dataset with mountpoint=legacy), procfs and fdescfs are recorded only.  Under a test EMU_ROOT
# nothing is mounted, everything is recorded.
# A running jail's view (enforce_statfs=2: the mounts below its root, paths made relative to it) is
# published into the jail's root as var/db/emu/mount.view, which the jail's copy of bin/mount reads.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import emu_jails as J  # noqa: E402
from emu_common import Lock, Prog, load_json, rp, save_json, state_path, REAL_ROOT  # noqa: E402

STATE = "kernel/mounts.json"
VIEW = "/var/db/emu/mount.view"
FLAG_OPTS = {"ro": "ro", "rdonly": "ro", "noexec": "noexec", "nosuid": "nosuid", "noatime": "noatime",
             "sync": "sync", "async": "async", "union": "union", "nosymfollow": "nosymfollow"}
# mount.c optnames[] order (prmount) and flags2opts() order (putfsent)
PR_ORDER = [("async", "asynchronous"), ("local", "local"), ("noatime", "noatime"), ("noexec", "noexec"),
            ("nosuid", "nosuid"), ("nosymfollow", "nosymfollow"), ("ro", "read-only"), ("sync", "synchronous"),
            ("union", "union"), ("nfsv4acls", "nfsv4acls")]
FS_ORDER = ["ro", "sync", "noexec", "nosuid", "union", "async", "noatime", "nosymfollow", "nfsv4acls"]
# options mount(8) and the file systems take that are no MNT_ flags (fstab meta options included)
META = {"rw", "noro", "noauto", "late", "failok", "update", "force", "current", "fstab", "userquota",
        "groupquota", "sw", "rq", "xx", "emptydir", "nocover", "cover"}
LOCAL = {"zfs", "nullfs", "tmpfs", "ufs", "msdosfs", "fdescfs"}
EMULATED = {"nullfs", "tmpfs", "devfs", "zfs", "procfs", "fdescfs"}


class Failed(Exception):
    pass


def parse_opts(opts):
    """Options as getmntopts(3) reads them: the last of rw/ro wins."""
    flags, extra = [], []
    for o in [x for x in (opts or "").split(",") if x]:
        if o in ("rw", "noro"):
            flags = [f for f in flags if f != "ro"]
        elif o in FLAG_OPTS:
            if FLAG_OPTS[o] not in flags:
                flags.append(FLAG_OPTS[o])
        elif o.startswith("no") and o[2:] in FLAG_OPTS and o not in FLAG_OPTS:
            flags = [f for f in flags if f != FLAG_OPTS[o[2:]]]
        elif o not in META and "=" in o:
            extra.append(o)
        elif o not in META:
            extra.append(o)
    return flags, extra


# ------------------------------------------------------------------ the table

def _own():
    return load_json(state_path(STATE), {"mounts": []})


def _zfs_mounts():
    try:
        import emu_zfs
        z = emu_zfs.Zfs()
    except Exception:
        return []
    out = []
    for name in sorted(z.ds):
        d = z.ds[name]
        if d.get("type") != "filesystem" or name == "zroot/ROOT/default":
            continue
        mp = z.mountpoint(name)
        if mp in ("none", "legacy") or z.prop(name, "canmount")[0] != "on":
            continue
        flags = ["local"]
        if z.prop(name, "atime")[0] == "off":
            flags.append("noatime")
        if z.prop(name, "exec")[0] == "off":
            flags.append("noexec")
        if z.prop(name, "setuid")[0] == "off":
            flags.append("nosuid")
        if z.prop(name, "readonly")[0] == "on":
            flags.append("ro")
        flags.append("nfsv4acls")
        out.append({"spec": name, "path": mp, "type": "zfs", "flags": flags, "origin": "zfs"})
    return out


def _jail_mounts():
    out = []
    for j in J.load()["jails"]:
        for m in j.get("mounts", []):
            t = m.get("type")
            spec = m.get("src") if t == "nullfs" else ("devfs" if t == "devfs" else m.get("src", t))
            flags = (["local"] if t in LOCAL else []) + (["ro"] if m.get("ro") else [])
            out.append({"spec": spec, "path": m.get("path"), "type": t, "flags": flags,
                        "origin": "jail", "jid": j["jid"]})
    return out


def table():
    base = [{"spec": "zroot/ROOT/default", "path": "/", "type": "zfs",
             "flags": ["local", "noatime", "nfsv4acls"], "origin": "boot"},
            {"spec": "devfs", "path": "/dev", "type": "devfs", "flags": [], "origin": "boot"}]
    own = []
    for m in _own()["mounts"]:
        m = dict(m)
        m["origin"] = "mount"
        own.append(m)
    return base + _zfs_mounts() + _jail_mounts() + own


def prmount(m):
    """mount.c prmount(): SPEC on PATH (TYPE, flags...)."""
    names = [label for flag, label in PR_ORDER if flag in m["flags"]]
    return "%s on %s (%s)" % (m["spec"], m["path"], ", ".join([m["type"]] + names))


def _tabbed(s, width=24):
    n = len(s)
    return s + ("\t" if n < 8 else "") + ("\t" if n < 16 else "") + ("\t" if n < width else " ")


def putfsent(m, fstab_entries):
    """mount.c putfsent(): one line in fstab(5)'s format, dump and pass from the fstab entry."""
    opts = ([] if "ro" in m["flags"] else ["rw"]) + [f for f in FS_ORDER if f in m["flags"]]
    opts = ",".join(opts)
    dump = next((e for e in fstab_entries if e["spec"] == m["spec"]), None) \
        or next((e for e in fstab_entries if e["file"] == m["path"]), None)
    tail = "\t%s %s" % (dump["freq"], dump["passno"]) if dump else "\t0 0"
    return _tabbed(m["spec"]) + _tabbed(m["path"]) + m["type"] + "\t" + opts + ("\t" if len(opts) < 8 else " ") + tail


# ------------------------------------------------------------------ fstab

def read_fstab(path, prog):
    """getfsent(3) (lib/libc/gen/fstab.c): six fields, \\040 escapes; fs_type from the options."""
    try:
        with open(rp(path)) as f:
            lines = f.readlines()
    except OSError as e:
        prog.warnx("%s: %s" % (path, e.strerror))
        return None
    out = []
    for line in lines:
        line = line.split("#", 1)[0]
        w = line.split()
        if len(w) < 3:
            continue
        w = [x.replace("\\040", " ").replace("\\046", "&").replace("\\134", "\\") for x in w]
        opts = w[3] if len(w) > 3 else "rw"
        fstype = "??"
        for o in opts.split(","):
            if o in ("rw", "ro", "rq", "sw", "xx"):
                fstype = o
        out.append({"spec": w[0], "file": w[1].rstrip("/") or "/", "vfstype": w[2], "mntops": opts,
                    "type": fstype, "freq": w[4] if len(w) > 4 else "0", "passno": w[5] if len(w) > 5 else "0"})
    return out


def hasopt(opts, option):
    """mount.c hasopt(): the last of OPTION / noOPTION wins."""
    found = False
    neg = option.startswith("no")
    base = option[2:] if neg else option
    for o in opts.split(","):
        if o.startswith("no") and o[2:].lower() == base.lower():
            found = neg
        elif o.lower() == base.lower():
            found = not neg
    return found


def checkvfsname(vfstype, vfslist):
    """vfslist.c: a -t list; a leading "no" excludes every listed type."""
    if vfslist is None:
        return False
    skip = vfslist.startswith("no")
    names = (vfslist[2:] if skip else vfslist).split(",")
    return (vfstype in names) == skip


# ------------------------------------------------------------------ mounting

def _bad(prog, name, msg):
    Prog(prog).warnx("%s: %s" % (name, msg))
    raise Failed()


def mountfs(vfstype, spec, path, opts):
    path = os.path.normpath(path) if path != "/" else path
    flags, extra = parse_opts(opts)
    prog = "mount_nullfs" if vfstype == "nullfs" else "mount"
    if vfstype not in EMULATED:
        if vfstype == "ufs" and not os.path.exists(rp(spec)):
            _bad("mount", spec, "No such file or directory")
        _bad("mount", spec, "Operation not supported by device")
    if not os.path.isdir(rp(path)):
        _bad(prog, path, "No such file or directory" if not os.path.exists(rp(path)) else "Not a directory")
    rec = {"spec": spec, "path": path, "type": vfstype, "flags": ([] if vfstype not in LOCAL else ["local"]) + flags,
           "real": False}
    if vfstype == "nullfs":
        if not os.path.isdir(rp(spec)):
            _bad(prog, spec, "No such file or directory")
        if REAL_ROOT:
            try:
                r = J.mount_nullfs(spec, path, "ro" in flags)
            except OSError as e:
                _bad(prog, path, e.strerror)
            rec["real"] = r["real"]
    elif vfstype == "tmpfs":
        data = ",".join(x for x in extra if x.split("=")[0] in ("size", "mode", "uid", "gid", "nr_inodes"))
        if REAL_ROOT:
            try:
                J._mount("tmpfs", path, "tmpfs", J.MS_RDONLY if "ro" in flags else 0, data or None)
            except OSError as e:
                _bad("mount", spec, e.strerror)
            rec["real"] = True
    elif vfstype == "devfs":
        ruleset = next((x.split("=", 1)[1] for x in extra if x.startswith("ruleset=")), "0")
        try:
            r = J.mount_devfs(rp(path), ruleset)
        except OSError as e:
            _bad("mount", spec, e.strerror)
        rec["real"] = r["real"]
        rec["ruleset"] = ruleset
    elif vfstype == "zfs":
        import emu_zfs
        z = emu_zfs.Zfs()
        if not z.exists(spec):
            _bad("mount", spec, "No such file or directory")
        if z.mountpoint(spec) != "legacy":
            sys.stderr.write("filesystem '%s' cannot be mounted using 'mount'.\n"
                             "Use 'zfs set mountpoint=legacy' or 'zfs mount %s'.\n"
                             "See zfs(8) for more information.\n" % (spec, spec))
            raise Failed()
        rec["flags"] = rec["flags"] + ["nfsv4acls"]
    with Lock("mounts"):
        st = _own()
        st["mounts"].append(rec)
        save_json(state_path(STATE), st)
    publish()


def unmount(name, prog, force=False):
    """umount.c: by mount point or by special file, the last mount first."""
    target = os.path.normpath(name) if name.startswith("/") else name
    mounts = table()
    for m in reversed(mounts):
        if m["path"] != target and m["spec"] != name:
            continue
        if m["origin"] in ("boot", "zfs"):
            prog.warnx("unmount of %s failed: Device busy" % m["path"])
            raise Failed()
        if m.get("real") or (m["origin"] == "jail"):
            _real_unmount(m, prog, force)
        if m["origin"] == "jail":
            with Lock("jails"):
                st = J._load_raw()
                for j in st["jails"]:
                    if j["jid"] == m["jid"]:
                        j["mounts"] = [x for x in j.get("mounts", []) if x.get("path") != m["path"]]
                J.save(st)
        else:
            with Lock("mounts"):
                st = _own()
                for i in range(len(st["mounts"]) - 1, -1, -1):
                    if st["mounts"][i]["path"] == m["path"] and st["mounts"][i]["spec"] == m["spec"]:
                        del st["mounts"][i]
                        break
                save_json(state_path(STATE), st)
        publish()
        return
    prog.warnx("%s: not currently mounted" % name)
    raise Failed()


def _real_unmount(m, prog, force):
    real = None
    if m["origin"] == "jail":
        for j in J.load()["jails"]:
            for x in j.get("mounts", []):
                if x.get("path") == m["path"] and x.get("real"):
                    real = x.get("host_path") or rp(x["path"])
    elif m.get("real"):
        real = rp(m["path"])
    if not real or not REAL_ROOT:
        return
    try:
        J.umount(real)
    except OSError as e:
        prog.warnx("unmount of %s failed: %s" % (m["path"], e.strerror))
        raise Failed()


# ------------------------------------------------------------------ jails' views

def publish():
    """Each running jail's view of the table (enforce_statfs=2) into its root, for its bin/mount."""
    try:
        jails = J.load()["jails"]
    except Exception:
        return
    mounts = table()
    for j in jails:
        root = (j.get("path") or "/").rstrip("/")
        if not root:
            continue
        lines = []
        for m in mounts:
            p = m["path"]
            if p == root:
                rel = "/"
            elif p.startswith(root + "/"):
                rel = p[len(root):]
            else:
                continue
            spec = m["spec"]
            if spec.startswith(root + "/"):
                spec = spec[len(root):]
            lines.append("\t".join([spec, rel, m["type"], ",".join(m["flags"]) or "-"]))
        view = rp(root) + VIEW
        try:
            os.makedirs(os.path.dirname(view), exist_ok=True)
            tmp = view + ".tmp"
            with open(tmp, "w") as f:
                f.write("".join(l + "\n" for l in lines))
            os.rename(tmp, view)
        except OSError:
            pass


# ------------------------------------------------------------------ commands

def _getopt(argv, spec, prog, usage):
    import getopt
    try:
        return getopt.getopt(argv, spec)
    except getopt.GetoptError as e:
        Prog(prog).warnx(str(e).replace("option -", "illegal option -- ").split(" not recognized")[0]
                         if "not recognized" in str(e) else str(e))
        sys.stderr.write(usage)
        sys.exit(1)


MOUNT_USAGE = ("usage: mount [-adflpruvw] [-F fstab] [-o options] [-t ufs | external_type]\n"
               "       mount [-dfpruvw] special | node\n"
               "       mount [-dfpruvw] [-o options] [-t ufs | external_type] special node\n")


def mount_main(argv):
    opts, args = _getopt(argv, "adF:flLno:prt:uvw", "mount", MOUNT_USAGE)
    all_ = late = late_only = fstab_style = update = False
    options, vfslist, fstab = None, None, "/etc/fstab"
    for o, v in opts:
        if o == "-a":
            all_ = True
        elif o == "-F":
            fstab = v
        elif o == "-l":
            late = True
        elif o == "-L":
            late = late_only = True
        elif o == "-o":
            options = v if options is None else options + "," + v
        elif o == "-p":
            fstab_style = True
        elif o == "-r":
            options = "ro" if options is None else options + ",ro"
        elif o == "-w":
            options = "noro" if options is None else options + ",noro"
        elif o == "-t":
            if vfslist is not None:
                Prog("mount").errx(1, "only one -t option may be specified")
            vfslist = v
        elif o == "-u":
            update = True
    prog = Prog("mount")
    if not args:
        if all_:
            entries = read_fstab(fstab, Prog("fstab"))
            mounted = table()
            rval = 0
            for e in entries or []:
                if e["type"] not in ("ro", "rw", "rq") or checkvfsname(e["vfstype"], vfslist):
                    continue
                if hasopt(e["mntops"], "noauto") or (hasopt(e["mntops"], "late") and not late):
                    continue
                if late_only and not hasopt(e["mntops"], "late"):
                    continue
                if any(m["path"] == e["file"] for m in mounted) and e["file"] != "/":
                    continue
                if e["file"] == "/":
                    continue
                try:
                    mountfs(e["vfstype"], e["spec"], e["file"], ",".join(x for x in [e["mntops"], options] if x))
                except Failed:
                    if not hasopt(e["mntops"], "failok"):
                        rval = 1
            return rval
        entries = read_fstab(fstab, Prog("fstab")) if fstab_style else []
        if fstab_style and entries is None:
            entries = []
        for m in table():
            if checkvfsname(m["type"], vfslist):
                continue
            print(putfsent(m, entries) if fstab_style else prmount(m))
        return 0
    if len(args) == 1:
        if vfslist is not None:
            sys.stderr.write(MOUNT_USAGE)
            return 1
        name = args[0].rstrip("/") or "/"
        if update:
            cur = [m for m in table() if m["path"] == name]
            if not cur:
                prog.errx(1, "not currently mounted %s" % name)
            m = cur[-1]
            flags, _ = parse_opts(",".join(x for x in [options] if x))
            if m["origin"] == "mount":
                with Lock("mounts"):
                    st = _own()
                    for x in reversed(st["mounts"]):
                        if x["path"] == name:
                            keep = [f for f in x["flags"] if f != "ro"]
                            x["flags"] = keep + [f for f in flags if f not in keep]
                            if REAL_ROOT and x.get("real"):
                                try:
                                    J._mount(None, rp(name), None, J.MS_REMOUNT | J.MS_BIND
                                             | (J.MS_RDONLY if "ro" in flags else 0))
                                except OSError:
                                    pass
                            break
                    save_json(state_path(STATE), st)
                publish()
            return 0
        entries = read_fstab(fstab, Prog("fstab")) or []
        e = next((x for x in entries if x["file"] == name), None) or next((x for x in entries if x["spec"] == args[0]), None)
        if e is None:
            prog.errx(1, "%s: unknown special file or file system" % args[0])
        if e["type"] not in ("ro", "rw", "rq"):
            prog.errx(1, "%s has unknown file system type" % args[0])
        try:
            mountfs(e["vfstype"], e["spec"], e["file"], ",".join(x for x in [e["mntops"], options] if x))
        except Failed:
            return 1
        return 0
    if len(args) == 2:
        try:
            mountfs(vfslist or "ufs", args[0], args[1], options or "")
        except Failed:
            return 1
        return 0
    sys.stderr.write(MOUNT_USAGE)
    return 1


UMOUNT_USAGE = ("usage: umount [-fNnv] special ... | node ... | fsid ...\n"
                "       umount -a | -A [-F fstab] [-fnv] [-h host] [-t type]\n")


def umount_main(argv):
    opts, args = _getopt(argv, "AaF:fh:Nnt:v", "umount", UMOUNT_USAGE)
    all_ = everything = force = False
    fstab, vfslist = "/etc/fstab", None
    for o, v in opts:
        if o == "-a":
            all_ = True
        elif o == "-A":
            everything = True
        elif o == "-F":
            fstab = v
        elif o == "-f":
            force = True
        elif o == "-t":
            vfslist = v
    prog = Prog("umount")
    if (all_ or everything) == bool(args):
        sys.stderr.write(UMOUNT_USAGE)
        return 1
    rval = 0
    if everything:
        names = [m["path"] for m in reversed(table()) if m["origin"] in ("mount", "jail")
                 and not checkvfsname(m["type"], vfslist)]
    elif all_:
        names = [e["file"] for e in reversed(read_fstab(fstab, Prog("fstab")) or [])
                 if e["file"] != "/" and not checkvfsname(e["vfstype"], vfslist)
                 and any(m["path"] == e["file"] for m in table())]
    else:
        names = args
    for n in names:
        try:
            unmount(n, prog, force)
        except Failed:
            rval = 1
    return rval


if __name__ == "__main__":
    cmd = sys.argv[1]
    sys.exit(mount_main(sys.argv[2:]) if cmd == "mount" else umount_main(sys.argv[2:]))
