# The emulated kernel linker: which kernel files (.ko) are loaded and which
# modules they provide, plus the kernel environment (kenv) the loader left.
#
# Follows sys/kern/kern_linker.c as kldload(2)/kldunload(2)/kldfind(2)/
# modfind(2) behave for the utilities sbin/kldload/kldload.c,
# sbin/kldstat/kldstat.c and sbin/kldunload/kldunload.c (read in
# freebsd/freebsd-src):
#   - kldload NAME (no '/' and no '.') names a MODULE: EEXIST when a loaded file
#     (the kernel included) already provides it, else NAME.ko is searched;
#     kldload FILE (with '.' or '/') names a FILE: EEXIST when that file is
#     loaded.  Unknown: ENOENT.  Dependencies (MODULE_DEPEND) load first and
#     hold a reference on what they depend on.
#   - kldunload: a file the kernel loaded as a dependency (userrefs 0) is
#     EBUSY; a file others depend on only drops a reference (refs > 1) and
#     stays; otherwise the file goes, after its unload hook (pf: the ruleset
#     and the enforcement go with it; pf's MOD_UNLOAD does not refuse while
#     enabled, sys/netpfil/pf/pf_ioctl.c pf_unload()).
# Left out: the module path search (kern.module_path), linker.hints, module
# versions, MOD_QUIESCE refusals other than zfs's (a pool is always imported),
# kldload of files outside the catalogue below (ENOENT), kldnext ordering
# beyond ids, addresses (made up, stable per file).
#
# State: /var/db/emu/kernel/kld.json; the kernel dir
# is forgotten at boot.  When kld.json does not exist yet the loader runs
# first (emu_kld_loader.boot()), so every command sees a freshly booted host.
import errno
import os

from emu_common import Lock, load_json, save_json, state_path

KERNEL_DIR = "kernel"
KLD_STATE = KERNEL_DIR + "/kld.json"
KENV_FILE = KERNEL_DIR + "/kenv"
LOCK = "kernel"

# Modules compiled into GENERIC (sys/amd64/conf/GENERIC, 14.3): the few whose
# names the testbed's callers ask modfind(2) about.  racct/rctl are kernel
# options (RACCT, RCTL), not modules.
KERNEL_MODULES = ("kernel", "if_lo", "if_vlan", "if_tuntap", "if_gif", "tmpfs", "procfs",
                  "pseudofs", "crypto", "xdr", "acl_nfs4", "zlib", "nfscl", "ufs")

# Loadable kernel files in /boot/kernel: file -> (modules it provides,
# files it depends on, size).  Sizes are those of a 14.x amd64 build, rounded.
CATALOGUE = {
    "zfs.ko": (("zfsctrl", "zfs", "zfs_zvol", "zfs_vdev"), (), 0x5f3a10),
    "cryptodev.ko": (("cryptodev",), (), 0x7a50),
    "pf.ko": (("pf", "pfsync_if"), (), 0x7ec98),
    "pflog.ko": (("pflog",), ("pf.ko",), 0x4340),
    "pfsync.ko": (("pfsync",), ("pf.ko",), 0x11c20),
    "if_bridge.ko": (("if_bridge",), ("bridgestp.ko",), 0x92f0),
    "bridgestp.ko": (("bridgestp",), (), 0x8158),
    "if_epair.ko": (("if_epair",), (), 0x6ef8),
    "if_vxlan.ko": (("if_vxlan",), (), 0xe8b0),
    "if_lagg.ko": (("if_lagg",), (), 0x10f08),
    "if_wg.ko": (("wg",), (), 0x15e18),
    "nullfs.ko": (("nullfs",), (), 0x6a60),
    "fdescfs.ko": (("fdescfs",), (), 0x4be8),
    "linprocfs.ko": (("linprocfs",), (), 0x109f0),
    "ipfw.ko": (("ipfw",), (), 0x31c60),
    "dummynet.ko": (("dummynet",), ("ipfw.ko",), 0x15b90),
    "mac_portacl.ko": (("mac_portacl",), (), 0x3ff8),
    "accf_http.ko": (("accf_http",), (), 0x21f0),
    "aesni.ko": (("aesni",), (), 0xc0e8),
    "cpuctl.ko": (("cpuctl",), (), 0x3b58),
    "coretemp.ko": (("coretemp",), (), 0x3470),
}
# Files whose module refuses MOD_QUIESCE on the testbed (the root pool is
# always imported), so kldunload answers EBUSY.
BUSY_FILES = ("zfs.ko",)
KERNEL_BASE = 0xffffffff80200000
KERNEL_SIZE = 0x1f3e3b8
MODULE_BASE = 0xffffffff82120000


# strerror(3) texts of FreeBSD (lib/libc/gen/errlst.c) where Linux's differ.
FREEBSD_STRERROR = {errno.ENOENT: "No such file or directory", errno.EEXIST: "File exists",
                    errno.EBUSY: "Device busy"}


class KldError(Exception):
    def __init__(self, err):
        Exception.__init__(self, FREEBSD_STRERROR.get(err) or os.strerror(err))
        self.errno = err


# ------------------------------------------------------------------ state
def fresh_kernel():
    """Only the kernel itself: the state before the loader adds anything."""
    mods = [[n + 1, name] for n, name in enumerate(KERNEL_MODULES)]
    return {"files": [{"id": 1, "name": "kernel", "path": "/boot/kernel/kernel",
                       "refs": 1, "userrefs": 0, "address": KERNEL_BASE, "size": KERNEL_SIZE,
                       "modules": mods, "deps": []}],
            "next_modid": len(mods) + 1}


def load_state():
    """The loaded files (caller holds Lock(LOCK)); boots the emulated host
    first if nothing booted it."""
    st = load_json(state_path(KLD_STATE), None)
    if st is None:
        import emu_kld_loader
        emu_kld_loader.boot_locked()
        st = load_json(state_path(KLD_STATE), None) or fresh_kernel()
    return st


def save_state(st):
    save_json(state_path(KLD_STATE), st)


def kenv():
    """The kernel environment: name -> value (/var/db/emu/kernel/kenv, the loader's)."""
    if load_json(state_path(KLD_STATE), None) is None:
        with Lock(LOCK):
            load_state()
    env = {}
    try:
        with open(state_path(KENV_FILE)) as f:
            for line in f:
                name, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    env[name] = value
    except FileNotFoundError:
        pass
    return env


def tunable(name, default):
    return kenv().get(name, default)


# ------------------------------------------------------------------ lookups
def file_by_name(st, name):
    """kldfind(2): by file name, with or without .ko (linker_find_file_by_name)."""
    base = os.path.basename(name)
    for f in st["files"]:
        if f["name"] in (base, base + ".ko"):
            return f
    return None


def file_by_id(st, fid):
    for f in st["files"]:
        if f["id"] == fid:
            return f
    return None


def module_by_name(st, modname):
    """modfind(2): (file, [modid, name]) of a module, or None."""
    for f in st["files"]:
        for m in f["modules"]:
            if m[1] == modname:
                return f, m
    return None


def is_loaded(modname):
    with Lock(LOCK):
        return module_by_name(load_state(), modname) is not None


# ------------------------------------------------------------------ load
def _next_address(st):
    loaded = [f for f in st["files"] if f["id"] != 1]
    if not loaded:
        return MODULE_BASE
    last = max(loaded, key=lambda f: f["address"])
    return (last["address"] + last["size"] + 0xfff) & ~0xfff


def _link_file(st, fname, by_user):
    """Loads fname and (first) what it depends on; returns the file record."""
    present = file_by_name(st, fname)
    if present is not None:
        present["refs"] += 1
        return present
    modules, deps, size = CATALOGUE[fname]
    for dep in deps:
        _link_file(st, dep, False)
    st["files"][0]["refs"] += 1  # every file references the kernel
    fid = max(f["id"] for f in st["files"]) + 1
    mods = []
    for m in modules:
        mods.append([st["next_modid"], m])
        st["next_modid"] += 1
    rec = {"id": fid, "name": fname, "path": "/boot/kernel/" + fname, "refs": 1,
           "userrefs": 1 if by_user else 0, "address": _next_address(st), "size": size,
           "modules": mods, "deps": list(deps)}
    st["files"].append(rec)
    return rec


def resolve(st, arg):
    """kern_kldload(): a module name or a file name -> catalogue file name."""
    if "/" not in arg and "." not in arg:
        return _file_providing(st, arg)
    if "/" in arg and os.path.dirname(arg) not in ("/boot/kernel", "/boot/modules"):
        raise KldError(errno.ENOENT)
    base = os.path.basename(arg)
    fname = base if base.endswith(".ko") else base + ".ko"
    if fname not in CATALOGUE:
        raise KldError(errno.ENOENT)
    if file_by_name(st, fname) is not None:
        raise KldError(errno.EEXIST)
    return fname


def _file_providing(st, modname):
    """linker_load_module() by module name: EEXIST when some loaded file has
    it, else the file linker.hints names for it (NAME.ko first)."""
    if module_by_name(st, modname) is not None:
        raise KldError(errno.EEXIST)
    if modname + ".ko" in CATALOGUE:
        return modname + ".ko"
    for fname, (modules, _, _) in sorted(CATALOGUE.items()):
        if modname in modules:
            return fname
    raise KldError(errno.ENOENT)


def kldload(st, arg):
    """kldload(2): returns the new file id or raises KldError."""
    fname = resolve(st, arg)
    return _link_file(st, fname, True)["id"]


def load_at_boot(st, fname):
    """The loader's preload: like kldload, but a missing file is skipped."""
    if fname in CATALOGUE and file_by_name(st, fname) is None:
        _link_file(st, fname, True)


# ------------------------------------------------------------------ unload
def kldunload(st, fid, force=False):
    """kldunload(2) (kern_kldunload + linker_file_unload)."""
    f = file_by_id(st, fid)
    if f is None:
        raise KldError(errno.ENOENT)
    if f["userrefs"] == 0 or f["id"] == 1:
        raise KldError(errno.EBUSY)
    if f["refs"] > 1:
        # Others depend on it: the user's reference goes, the file stays.
        f["userrefs"] -= 1
        f["refs"] -= 1
        return
    if f["name"] in BUSY_FILES and not force:
        raise KldError(errno.EBUSY)
    _unlink_file(st, f)


def _unlink_file(st, f):
    for m in f["modules"]:
        UNLOAD_HOOKS.get(m[1], lambda: None)()
    st["files"].remove(f)
    st["files"][0]["refs"] -= 1
    for dep in f["deps"]:
        d = file_by_name(st, dep)
        if d is None:
            continue
        d["refs"] -= 1
        if d["refs"] == 0:
            _unlink_file(st, d)


# ------------------------------------------------------------------ hooks
def _pf_unloaded():
    """pf_unload(): the rules, tables and the running flag are gone."""
    try:
        os.unlink(state_path(KERNEL_DIR + "/pf.json"))
    except FileNotFoundError:
        pass
    from emu_common import REAL_ROOT
    if REAL_ROOT and os.environ.get("EMU_PF_ENFORCE") != "0":
        import emu_pf
        emu_pf.nft_clear()


UNLOAD_HOOKS = {"pf": _pf_unloaded}


def ifmaybeload(ifname):
    """sbin/ifconfig/ifconfig.c ifmaybeload(): the if_<kind> module of a
    cloner is loaded (quietly; a failure is ignored) unless already there."""
    kind = ifname
    for pos, c in enumerate(ifname):
        if c.isdigit():  # trim the unit number off the end, as ifmaybeload does
            kind = ifname[:pos]
            break
    modname = "if_" + kind
    with Lock(LOCK):
        st = load_state()
        if module_by_name(st, modname) or module_by_name(st, kind):
            return
        try:
            kldload(st, modname)
        except KldError:
            return
        save_state(st)
