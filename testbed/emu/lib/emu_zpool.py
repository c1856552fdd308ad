"""zpool(8) of FreeBSD 14 (OpenZFS 2.2), emulated: pools, their vdevs and properties.

Follows sys/contrib/openzfs/cmd/zpool/zpool_main.c (zpool_do_create, zpool_do_add, zpool_do_remove,
zpool_do_destroy, zpool_do_set, zpool_do_get, zpool_do_list, status_callback / print_status_config),
cmd/zpool/zpool_vdev.c (make_leaf_vdev, construct_spec, is_spec_valid) and module/zcommon/zpool_prop.c
(the properties, their defaults, which are read-only).

State: the "pools" entry of emu_zfs's state.json (so it persists across reboots, as zpool.cache does):
  name -> {"guid", "vdevs": [{"role": None|"log"|"cache"|"spare"|"special"|"dedup", "type": "stripe"|
  "mirror"|"raidz1"|"raidz2"|"raidz3", "disks": [path, ...]}], "props": {set pool properties},
  "features": "enabled"|"disabled" (-d)}; zroot's has "disk_size" (its disk is not a file here).
A pool's root dataset is an emu_zfs dataset like any other. zroot is the install's pool: one vdev
/dev/ada0p4 of emu_zfs.POOL_SIZE. Vdevs are files (absolute paths, at least SPA_MINDEVSIZE = 64M) or
/dev/NAME devices that exist under EMU_ROOT; the testbed has no disks besides zroot's, so a new pool's
vdevs are files (truncate -s 128M /var/tmp/d0). No data goes to the vdevs: a pool's size is theirs
(stripe: the sum; mirror: the smallest; raidzN: the smallest times the disks, as zpool list shows it).
"""
import os, re
import emu_zfs as Z
from emu_zfs import ZfsError

MINDEVSIZE = 64 << 20
ROLES = {"log": "logs", "cache": "cache", "spare": "spares", "special": "special", "dedup": "dedup"}
TYPES = ("mirror", "raidz", "raidz1", "raidz2", "raidz3", "draid")
# zpool_prop.c's enum order (zprop_iter over ZPOOL_NUM_PROPS), hidden ones left out, as `zpool get all` lists them.
ALL = ["size", "capacity", "altroot", "health", "guid", "version", "bootfs", "delegation", "autoreplace",
       "cachefile", "failmode", "listsnapshots", "autoexpand", "dedupratio", "free", "allocated", "readonly",
       "ashift", "comment", "expandsize", "freeing", "fragmentation", "leaked", "multihost", "checkpoint",
       "load_guid", "autotrim", "compatibility", "bcloneused", "bclonesaved", "bcloneratio"]
READONLY = {"size", "capacity", "health", "guid", "dedupratio", "free", "allocated", "expandsize", "freeing",
            "fragmentation", "leaked", "checkpoint", "load_guid", "bcloneused", "bclonesaved", "bcloneratio", "name"}
DEFAULTS = {"altroot": "-", "version": "-", "bootfs": "-", "delegation": "on", "autoreplace": "off",
            "cachefile": "-", "failmode": "wait", "listsnapshots": "off", "autoexpand": "off", "readonly": "off",
            "ashift": "0", "comment": "-", "multihost": "off", "autotrim": "off", "compatibility": "off"}
BOOLEAN = {"delegation", "autoreplace", "listsnapshots", "autoexpand", "readonly", "multihost", "autotrim"}
# OpenZFS 2.2's features (zfeature_common.c); the ones a new pool uses at once are active.
FEATURES = ["async_destroy", "empty_bpobj", "lz4_compress", "multi_vdev_crash_dump", "spacemap_histogram",
            "enabled_txg", "hole_birth", "extensible_dataset", "embedded_data", "bookmarks", "filesystem_limits",
            "large_blocks", "large_dnode", "sha512", "skein", "edonr", "userobj_accounting", "encryption",
            "project_quota", "device_removal", "obsolete_counts", "zpool_checkpoint", "spacemap_v2",
            "allocation_classes", "resilver_defer", "bookmark_v2", "redaction_bookmarks", "redacted_datasets",
            "bookmark_written", "log_spacemap", "livelist", "device_rebuild", "zstd_compress", "draid",
            "zilsaxattr", "head_errlog", "blake3", "block_cloning", "vdev_zaps_v2"]
ACTIVE = {"empty_bpobj", "lz4_compress", "spacemap_histogram", "enabled_txg", "hole_birth", "extensible_dataset",
          "embedded_data", "userobj_accounting", "project_quota", "spacemap_v2", "log_spacemap", "head_errlog",
          "vdev_zaps_v2"}
POOLNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
RESERVED = ("mirror", "raidz", "draid", "spare", "log", "cache", "special", "dedup")


class TooSmall(ZfsError):
    """libzfs's EZFS_BADDEV for a leaf below SPA_MINDEVSIZE: the caller says which pool ("cannot create 'x': ")."""


def pools(z):
    """The pools of state.json; a state written before pools were emulated gets zroot's."""
    if "pools" not in z.state:
        z.state["pools"] = {"zroot": {"guid": z.ds["zroot"]["guid"], "disk_size": Z.POOL_SIZE, "features": "enabled",
                                      "vdevs": [{"role": None, "type": "stripe", "disks": ["/dev/ada0p4"]}],
                                      "props": {"bootfs": "zroot/ROOT/default"}}}
    return z.state["pools"]


def need(z, name):
    p = pools(z).get(name)
    if p is None:
        raise ZfsError("cannot open '%s': no such pool" % name)
    return p


def leaf_size(path):
    try:
        return os.path.getsize(Z.ROOT + path) if os.path.isfile(Z.ROOT + path) else 0
    except OSError:
        return 0


def vdev_size(v):
    sizes = [leaf_size(d) for d in v["disks"]]
    if not sizes:
        return 0
    if v["type"] == "stripe":
        return sum(sizes)
    if v["type"] == "mirror":
        return min(sizes)
    return min(sizes) * len(sizes)


def pool_size(p):
    if p.get("disk_size"):
        return p["disk_size"]
    return sum(vdev_size(v) for v in p["vdevs"] if v["role"] in (None, "special", "dedup"))


def leaf(arg):
    """zpool_vdev.c make_leaf_vdev: a full path, or a name below /dev ("ada1")."""
    if arg.startswith("/"):
        path = arg
        if not os.path.exists(Z.ROOT + path):
            raise ZfsError("cannot open '%s': No such file or directory" % arg)
    else:
        path = "/dev/" + arg
        if not os.path.exists(Z.ROOT + path):
            raise ZfsError("cannot open '%s': no such device in /dev\nmust be a full path or shorthand device name"
                           % arg)
    if os.path.isfile(Z.ROOT + path) and leaf_size(path) < MINDEVSIZE:
        raise TooSmall("one or more devices is less than the minimum size (64M)")
    return path


def parse_vdevs(args):
    """construct_spec: [role] [type] leaf... groups; a role word changes the class of what follows."""
    if not args:
        raise ZfsError("invalid vdev specification: at least one toplevel vdev must be specified", 2)
    out, role, i = [], None, 0
    while i < len(args):
        a = args[i]
        if a in ("log", "cache", "spare", "special", "dedup"):
            role = a
            i += 1
            continue
        if a in TYPES:
            kind = "raidz1" if a == "raidz" else a
            if kind == "draid":
                raise ZfsError("draid vdevs are not emulated")
            j = i + 1
            disks = []
            while j < len(args) and args[j] not in TYPES and args[j] not in ROLES:
                disks.append(leaf(args[j]))
                j += 1
            need_n = {"mirror": 2, "raidz1": 2, "raidz2": 3, "raidz3": 4}[kind]
            if len(disks) < need_n:
                raise ZfsError("invalid vdev specification: %s requires at least %d devices" % (a, need_n))
            out.append({"role": role, "type": kind, "disks": disks})
            i = j
            continue
        out.append({"role": role, "type": "stripe", "disks": [leaf(a)]})
        i += 1
    return out


def in_use(z, disks, force):
    """is_spec_valid/check_in_use: a leaf of another active pool is refused (-f does not override that)."""
    for name, p in pools(z).items():
        for v in p["vdevs"]:
            for d in v["disks"]:
                if d in disks:
                    raise ZfsError("invalid vdev specification\nuse '-f' to override the following errors:\n"
                                   "%s is part of active pool '%s'" % (d, name))


def check_pool_prop(prop, value, creating):
    """libzfs zpool_valid_proplist: the reason a pool property assignment is refused, or None."""
    if prop.startswith("feature@"):
        if prop[8:] not in FEATURES:
            return "property '%s' is not a valid pool or vdev property" % prop
        if value not in ("enabled", "disabled") or (value == "disabled" and not creating):
            return "property '%s' can only be set to 'enabled'" % prop if not creating else \
                "property '%s' can only be set to 'enabled' or 'disabled'" % prop
        return None
    if prop not in DEFAULTS and prop not in READONLY:
        return "property '%s' is not a valid pool or vdev property" % prop
    if prop in READONLY:
        return "property '%s' is readonly" % prop
    if prop == "readonly":
        return "property 'readonly' can only be set at import time"
    if prop in BOOLEAN and value not in ("on", "off"):
        return "'%s' must be one of 'on | off'" % prop
    if prop == "failmode" and value not in ("wait", "continue", "panic"):
        return "'failmode' must be one of 'wait | continue | panic'"
    if prop == "ashift" and (not value.isdigit() or (int(value) != 0 and not 9 <= int(value) <= 16)):
        return "property 'ashift' number %s is invalid." % value if value.isdigit() else "'ashift' must be a number"
    if prop == "altroot" and not value.startswith("/"):
        return "bad alternate root '%s'" % value
    if prop == "cachefile" and value not in ("none", "") and not value.startswith("/"):
        return "property 'cachefile' must be empty, an absolute path, or 'none'"
    return None


def value(z, name, prop, parsable):
    """(value, source) of a pool property, as zpool_get_prop prints it."""
    p = need(z, name)
    size = pool_size(p)
    alloc = z.used(name, tree=True) if name in z.ds else 0
    n = (lambda v: str(v)) if parsable else Z.nicenum
    if prop == "name":
        return name, "-"
    if prop.startswith("feature@"):
        f = prop[8:]
        if f not in FEATURES:
            raise ZfsError("bad property list: invalid property '%s'" % prop, 2)
        if p.get("features") == "disabled" and p["props"].get(prop) != "enabled":
            return "disabled", "local"
        return ("active" if f in ACTIVE else "enabled"), "local"
    ro = {"size": n(size), "free": n(max(size - alloc, 0)), "allocated": n(alloc),
          "capacity": str(alloc * 100 // size if size else 0) + ("" if parsable else "%"),
          "health": "ONLINE", "guid": p["guid"], "load_guid": str((int(p["guid"]) * 31 + 7) % (1 << 64)),
          "dedupratio": "1.00" if parsable else "1.00x", "bcloneratio": "1.00" if parsable else "1.00x",
          "expandsize": "-", "freeing": "0", "fragmentation": "0" if parsable else "0%", "leaked": "0",
          "checkpoint": "-", "bcloneused": "0", "bclonesaved": "0"}
    if prop in ro:
        return ro[prop], "-"
    if prop == "readonly":
        return "off", "-"
    if prop in p["props"]:
        v = p["props"][prop]
        return v, "local"
    if prop in DEFAULTS:
        return DEFAULTS[prop], "default"
    raise ZfsError("bad property list: invalid property '%s'" % prop, 2)


def all_props():
    return ALL + ["feature@" + f for f in FEATURES]


def status(z, name, full_paths):
    """status_callback: the header, then print_status_config's tree (NAME width: longest name + depth, >= 10)."""
    p = need(z, name)
    rows = [(0, name, "ONLINE")]
    counters = {}
    groups = [None, "dedup", "special", "log", "cache", "spare"]
    for g in groups:
        vs = [v for v in p["vdevs"] if v["role"] == g]
        if not vs:
            continue
        if g is not None:
            rows.append((None, ROLES[g], None))
        for v in vs:
            shown = lambda d: d if full_paths or not d.startswith("/dev/") else d[5:]
            state = "AVAIL" if g == "spare" else "ONLINE"
            if v["type"] == "stripe":
                rows.append((1, shown(v["disks"][0]), state))
            else:
                idx = counters.get("top", 0)
                rows.append((1, "%s-%d" % (v["type"], idx), "ONLINE"))
                for d in v["disks"]:
                    rows.append((2, shown(d), state))
            if g not in ("cache", "spare"):
                counters["top"] = counters.get("top", 0) + 1
    width = max([10] + [len(r[1]) + 2 * r[0] for r in rows if r[0] is not None])
    out = ["  pool: %s" % name, " state: ONLINE", "config:", "",
           "\t%-*s  %-8s %5s %5s %5s" % (width, "NAME", "STATE", "READ", "WRITE", "CKSUM")]
    for depth, n, state in rows:
        if depth is None:
            out.append("\t%s" % n)
        elif state == "AVAIL":
            out.append("\t%*s%-*s  %-8s" % (2 * depth, "", width - 2 * depth, n, state))
        else:
            out.append("\t%*s%-*s  %-8s %5s %5s %5s" % (2 * depth, "", width - 2 * depth, n, state, "0", "0", "0"))
    out += ["", "errors: No known data errors"]
    return "\n".join(out) + "\n"
