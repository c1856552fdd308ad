"""zfs(8) and zpool(8) of FreeBSD 14 (OpenZFS 2.2), emulated for the testbed.

State: $EMU_ROOT/var/db/emu/zfs/state.json (datasets, snapshots, local
properties); snapshot content: $EMU_ROOT/var/db/emu/zfs/snap/<guid>/ (a copy of
the dataset's directory, without the directories of child datasets).
Datasets are real directories at their mountpoint (under $EMU_ROOT).  The
datasets of a default FreeBSD install (zroot, zroot/ROOT/default, zroot/usr,
zroot/var ...) exist from the first use; their content is the host's own, so
snapshots of them record no content (rollback of them changes no files).
"""
import json, os, re, shutil, sys, time

ROOT = os.environ.get("EMU_ROOT", "/").rstrip("/")
STATE_DIR = ROOT + "/var/db/emu/zfs"
STATE = STATE_DIR + "/state.json"
POOL_SIZE = 20 * 1024 ** 3

INHERIT = {"compression", "atime", "recordsize", "readonly", "exec", "setuid", "devices", "checksum",
           "sync", "snapdir", "copies", "xattr", "primarycache", "secondarycache", "logbias",
           "dedup", "sharenfs", "aclmode", "aclinherit", "redundant_metadata", "dnodesize", "jailed"}
DEFAULTS = {"compression": "off", "atime": "on", "recordsize": "131072", "readonly": "off", "exec": "on",
            "setuid": "on", "devices": "on", "checksum": "on", "sync": "standard", "snapdir": "hidden",
            "copies": "1", "xattr": "on", "primarycache": "all", "secondarycache": "all",
            "logbias": "latency", "dedup": "off", "sharenfs": "off", "aclmode": "discard",
            "aclinherit": "restricted", "redundant_metadata": "all", "dnodesize": "legacy", "jailed": "off",
            "canmount": "on", "quota": "0", "reservation": "0", "refquota": "0", "refreservation": "0",
            "utf8only": "off", "normalization": "none", "casesensitivity": "sensitive", "version": "5",
            "volmode": "default", "encryption": "off", "keylocation": "none", "keyformat": "none",
            "pbkdf2iters": "0", "special_small_blocks": "0", "overlay": "on", "acltype": "nfsv4",
            "context": "none", "mlslabel": "none", "filesystem_limit": "18446744073709551615",
            "snapshot_limit": "18446744073709551615"}
NUMERIC = {"used", "available", "referenced", "quota", "reservation", "refquota", "refreservation",
           "recordsize", "usedbysnapshots", "usedbydataset", "usedbychildren", "usedbyrefreservation",
           "written", "logicalused", "logicalreferenced", "special_small_blocks", "creation"}
READONLY = {"type", "creation", "used", "available", "referenced", "compressratio", "mounted", "guid",
            "usedbysnapshots", "usedbydataset", "usedbychildren", "usedbyrefreservation", "written",
            "logicalused", "logicalreferenced", "refcompressratio", "createtxg", "objsetid", "origin",
            "name", "version", "utf8only", "normalization", "casesensitivity", "encryption", "keystatus",
            "encryptionroot", "clones", "defer_destroy", "userrefs", "filesystem_count", "snapshot_count"}
ALIASES = {"avail": "available", "refer": "referenced", "compress": "compression", "recsize": "recordsize",
           "reserv": "reservation", "refreserv": "refreservation", "ratio": "compressratio",
           "refratio": "refcompressratio", "lused": "logicalused", "lrefer": "logicalreferenced",
           "usedsnap": "usedbysnapshots", "usedds": "usedbydataset", "usedchild": "usedbychildren",
           "usedrefreserv": "usedbyrefreservation"}
ORDER = ["type", "creation", "used", "available", "referenced", "compressratio", "mounted", "quota",
         "reservation", "recordsize", "mountpoint", "sharenfs", "checksum", "compression", "atime",
         "devices", "exec", "setuid", "readonly", "jailed", "snapdir", "aclmode", "aclinherit",
         "createtxg", "canmount", "xattr", "copies", "version", "utf8only", "normalization",
         "casesensitivity", "guid", "primarycache", "secondarycache", "usedbysnapshots", "usedbydataset",
         "usedbychildren", "usedbyrefreservation", "logbias", "objsetid", "dedup", "mlslabel", "sync",
         "dnodesize", "refcompressratio", "written", "logicalused", "logicalreferenced", "volmode",
         "filesystem_limit", "snapshot_limit", "filesystem_count", "snapshot_count", "snapdev",
         "acltype", "context", "redundant_metadata", "overlay", "encryption", "keylocation",
         "keyformat", "pbkdf2iters", "special_small_blocks", "refquota", "refreservation"]
COMPRESS = re.compile(r"^(on|off|lzjb|gzip|gzip-[1-9]|zle|lz4|zstd|zstd-([1-9]|1[0-9])|zstd-fast|"
                      r"zstd-fast-([1-9]|10|20|30|40|50|60|70|80|90|100|500|1000))$")
COMPRESS_MSG = ("'compression' must be one of 'on | off | lzjb | gzip | gzip-[1-9] | zle | lz4 | zstd | "
                "zstd-[1-19] | zstd-fast | zstd-fast-[1-10,20,30,40,50,60,70,80,90,100,500,1000]'")
ONOFF = {"atime", "readonly", "exec", "setuid", "devices", "jailed", "xattr", "overlay", "utf8only"}
USERPROP = re.compile(r"^[a-z0-9_.:-]*:[a-z0-9_.:-]*$")


class ZfsError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code


def now():
    return int(time.time())


def default_state():
    t = now()
    ds = {}
    def add(name, **props):
        ds[name] = {"type": "filesystem", "props": props, "creation": t, "guid": guid(name, t),
                    "content": False, "txg": len(ds) + 1}
    add("zroot", mountpoint="/zroot", compression="lz4", atime="off")
    add("zroot/ROOT", mountpoint="none")
    add("zroot/ROOT/default", mountpoint="/", canmount="noauto")
    add("zroot/home", mountpoint="/home")
    add("zroot/tmp", exec="on", setuid="off")
    add("zroot/usr", mountpoint="/usr", canmount="off")
    add("zroot/usr/ports", setuid="off")
    add("zroot/usr/src")
    add("zroot/var", mountpoint="/var", canmount="off")
    add("zroot/var/audit", exec="off", setuid="off")
    add("zroot/var/crash", exec="off", setuid="off")
    add("zroot/var/log", exec="off", setuid="off")
    add("zroot/var/mail", atime="on")
    add("zroot/var/tmp", setuid="off")
    ds["zroot/tmp"]["props"]["mountpoint"] = "/tmp"
    return {"datasets": ds, "txg": 100}


def guid(name, t):
    h = 1469598103934665603
    for ch in "%s@%d@%d" % (name, t, os.getpid()):
        h = ((h ^ ord(ch)) * 1099511628211) % (1 << 64)
    return str(h)


class Zfs:
    def __init__(self):
        try:
            with open(STATE) as f:
                self.state = json.load(f)
        except FileNotFoundError:
            self.state = default_state()
            self.save()
        self.ds = self.state["datasets"]
        self._used = {}

    def save(self):
        os.makedirs(STATE_DIR, exist_ok=True)
        tmp = STATE + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.state, f, indent=1, sort_keys=True)
        os.replace(tmp, STATE)

    # --- naming ---------------------------------------------------------
    def exists(self, name):
        return name in self.ds

    def need(self, name, what="open"):
        if name not in self.ds:
            raise ZfsError("cannot %s '%s': dataset does not exist" % (what, name))
        return self.ds[name]

    @staticmethod
    def parent(name):
        if "@" in name:
            return name.split("@")[0]
        return name.rsplit("/", 1)[0] if "/" in name else None

    def children(self, name, snapshots=True):
        """Descendants of name (datasets, their snapshots), sorted."""
        out = []
        for n in self.ds:
            if "@" in n and not snapshots:
                continue
            if n.startswith(name + "/") or (snapshots and n.startswith(name + "@")):
                out.append(n)
            elif snapshots and "@" in n and n.split("@")[0].startswith(name + "/"):
                out.append(n)
        return sorted(set(out))

    def snapshots_of(self, name):
        snaps = [n for n in self.ds if n.startswith(name + "@")]
        return sorted(snaps, key=lambda n: self.ds[n]["txg"])

    # --- properties -------------------------------------------------------
    def prop(self, name, prop):
        """(value, source) of a property; source is local/default/inherited from X/-."""
        d = self.ds[name]
        prop = ALIASES.get(prop, prop)
        if prop == "name":
            return name, "-"
        if d["type"] == "snapshot":
            base = name.split("@")[0]
            if prop == "type":
                return "snapshot", "-"
            if prop in ("creation", "guid", "createtxg"):
                return str({"creation": d["creation"], "guid": d["guid"], "createtxg": d["txg"]}[prop]), "-"
            if prop == "used":
                return "0", "-"
            if prop == "referenced":
                return str(d.get("refer", 0)), "-"
            if prop in ("available", "mountpoint", "quota", "reservation", "canmount", "mounted",
                        "readonly", "sharenfs", "atime", "refquota", "refreservation", "recordsize", "usedbysnapshots",
                        "usedbydataset", "usedbychildren", "usedbyrefreservation", "snapdir"):
                return "-", "-"
            if ":" in prop:
                if prop in d["props"]:
                    return d["props"][prop], "local"
                v, s = self.prop(base, prop)
                return v, ("inherited from " + base if s in ("local",) else s)
            if prop in ("compressratio", "refcompressratio"):
                return "1.00x", "-"
            if prop == "written":
                return str(self.written(name)), "-"
            v, s = self.prop(base, prop)
            return v, ("-" if s == "-" else "inherited from %s" % base if s == "local" else s)
        if prop == "type":
            return d["type"], "-"
        if prop in ("creation", "guid", "createtxg", "objsetid"):
            return str({"creation": d["creation"], "guid": d["guid"], "createtxg": d["txg"],
                        "objsetid": d["txg"] + 128}[prop]), "-"
        if prop in ("used", "referenced", "usedbydataset", "logicalused", "logicalreferenced"):
            if prop in ("used", "logicalused"):
                return str(self.used(name, tree=True)), "-"
            return str(self.used(name)), "-"
        if prop == "usedbychildren":
            return str(self.used(name, tree=True) - self.used(name)), "-"
        if prop == "written":
            return str(self.written(name)), "-"
        if prop in ("usedbysnapshots", "usedbyrefreservation"):
            return "0", "-"
        if prop == "available":
            return str(self.available(name)), "-"
        if prop in ("compressratio", "refcompressratio"):
            return "1.00x", "-"
        if prop == "mounted":
            mp = self.mountpoint(name)
            can = self.prop(name, "canmount")[0]
            return ("yes" if mp not in ("none", "legacy") and can == "on" else "no"), "-"
        if prop in ("filesystem_count", "snapshot_count"):
            return "18446744073709551615", "-"
        if prop == "keystatus" or prop == "encryptionroot" or prop == "origin" or prop == "clones":
            return "-", "-"
        if prop == "defer_destroy":
            return "off", "-"
        if prop == "userrefs":
            return "0", "-"
        if prop == "mountpoint":
            return self.mountpoint_src(name)
        if prop in d["props"]:
            return d["props"][prop], "local"
        if prop in INHERIT or ":" in prop:
            p = self.parent(name)
            while p:
                if prop in self.ds[p]["props"]:
                    return self.ds[p]["props"][prop], "inherited from " + p
                p = self.parent(p)
            if ":" in prop:
                return "-", "-"
            return DEFAULTS[prop], "default"
        if prop in DEFAULTS:
            return DEFAULTS[prop], "default"
        if prop in ("snapdev",):
            return "hidden", "default"
        raise ZfsError("bad property list: invalid property '%s'" % prop, 2)

    def mountpoint_src(self, name):
        d = self.ds[name]
        if "mountpoint" in d["props"]:
            return d["props"]["mountpoint"], "local"
        p = self.parent(name)
        if p is None:
            return "/" + name, "default"
        pv, ps = self.mountpoint_src(p)
        if pv in ("none", "legacy"):
            return pv, ("inherited from " + p if ps == "local" else ps)
        src = "inherited from " + p if ps == "local" else ps
        return (pv.rstrip("/") + "/" + name.rsplit("/", 1)[1]), src

    def mountpoint(self, name):
        return self.mountpoint_src(name)[0]

    def used(self, name, tree=False):
        key = (name, tree)
        if key in self._used:
            return self._used[key]
        d = self.ds[name]
        total = 0
        if d.get("content"):
            mp = self.mountpoint(name)
            if mp not in ("none", "legacy"):
                skip = {ROOT + self.mountpoint(c) for c in self.children(name, snapshots=False)}
                total = du(ROOT + mp, skip)
        total = max(total, 98304) if d["type"] == "filesystem" else total
        if not d.get("content") and d["type"] == "filesystem":
            total = 98304
        if tree:
            for c in self.children(name, snapshots=False):
                if self.parent(c) == name:
                    total += self.used(c, tree=True)
        self._used[key] = total
        return total

    def written(self, name):
        """zfs `written`: the space referenced by name that was written since the previous snapshot.

        Approximation (no block pointers here): the disk usage, counted as du() does, of the files that
        are new or differ (size, mtime or content) from the previous snapshot's copy; deleted files free
        nothing and count 0. Without a previous snapshot it is `referenced`, as in OpenZFS. Datasets whose
        content is the host's own (the default install's) keep no snapshot copies: 0 once snapshotted.
        """
        d = self.ds[name]
        base = name.split("@")[0]
        if d["type"] == "snapshot":
            earlier = [n for n in self.snapshots_of(base) if self.ds[n]["txg"] < d["txg"]]
            new_tree = STATE_DIR + "/snap/" + d["guid"]
        else:
            earlier = self.snapshots_of(name)
            new_tree = None
        if not earlier:
            return d.get("refer", 0) if d["type"] == "snapshot" else self.used(name)
        if not d.get("content"):
            return 0
        old_tree = STATE_DIR + "/snap/" + self.ds[earlier[-1]]["guid"]
        if new_tree is None:
            mp = self.mountpoint(name)
            if mp in ("none", "legacy"):
                return 0
            new_tree = ROOT + mp
            skip = {ROOT + self.mountpoint(c) for c in self.children(name, snapshots=False)}
        else:
            skip = set()
        return changed_bytes(new_tree, old_tree, skip)

    def available(self, name):
        avail = self.pool_size(name.split("/")[0]) - self.used(name.split("/")[0], tree=True)
        n = name
        while n:
            q = int(self.ds[n]["props"].get("quota", "0"))
            if q:
                avail = min(avail, max(0, q - self.used(n, tree=True)))
            n = self.parent(n)
        return max(avail, 0)

    def pool_size(self, pool):
        """The pool's size (emu_zpool: its vdevs'); zroot's is POOL_SIZE."""
        import emu_zpool
        p = self.state.get("pools", {}).get(pool)
        return emu_zpool.pool_size(p) if p else POOL_SIZE

    # --- validation -------------------------------------------------------
    def check_set(self, name, prop, value, verb="set property for"):
        prop = ALIASES.get(prop, prop)
        who = "cannot %s '%s': " % (verb, name)
        if ":" in prop:
            if not USERPROP.match(prop) or len(prop) > 256:
                raise ZfsError(who + "invalid property '%s'" % prop)
            if len(value) > 8192:
                raise ZfsError(who + "property value too long")
            return prop, value
        if prop in READONLY:
            raise ZfsError(who + "'%s' is readonly" % prop)
        if prop not in DEFAULTS and prop not in ("mountpoint", "snapdev"):
            raise ZfsError(who + "invalid property '%s'" % prop)
        if prop in ("quota", "reservation", "refquota", "refreservation"):
            if value == "none":
                return prop, "0"
            n = parse_size(value)
            if n is None:
                raise ZfsError("bad numeric value '%s'" % value) if False else ZfsError(who + "bad numeric value '%s'" % value)
            if prop in ("quota", "refquota") and n and n < self.used(name, tree=True):
                raise ZfsError(who + "size is less than current used or reserved space")
            if prop in ("reservation", "refreservation") and n > self.available(name) + self.used(name, tree=True):
                raise ZfsError(who + "size is greater than available space")
            return prop, str(n)
        if prop == "recordsize":
            n = parse_size(value)
            if n is None:
                raise ZfsError(who + "bad numeric value '%s'" % value)
            if n < 512 or n > 16 * 1024 * 1024 or n & (n - 1):
                raise ZfsError(who + "'recordsize' must be power of 2 from 512B to 16M")
            return prop, str(n)
        if prop == "compression":
            if not COMPRESS.match(value):
                raise ZfsError(who + COMPRESS_MSG)
            return prop, value
        if prop in ONOFF:
            if value not in ("on", "off"):
                raise ZfsError(who + "'%s' must be one of 'on | off'" % prop)
            return prop, value
        if prop == "canmount":
            if value not in ("on", "off", "noauto"):
                raise ZfsError(who + "'canmount' must be one of 'on | off | noauto'")
            return prop, value
        if prop == "mountpoint":
            if value not in ("none", "legacy") and not value.startswith("/"):
                raise ZfsError(who + "'mountpoint' must be an absolute path, 'none', or 'legacy'")
            return prop, value.rstrip("/") or "/"
        if prop == "checksum" and value not in ("on", "off", "fletcher2", "fletcher4", "sha256", "noparity", "sha512", "skein", "blake3"):
            raise ZfsError(who + "'checksum' must be one of 'on | off | fletcher2 | fletcher4 | sha256 | sha512 | skein | edonr | blake3'")
        if prop == "copies" and value not in ("1", "2", "3"):
            raise ZfsError(who + "'copies' must be one of '1 | 2 | 3'")
        if prop == "sync" and value not in ("standard", "always", "disabled"):
            raise ZfsError(who + "'sync' must be one of 'standard | always | disabled'")
        if prop == "snapdir" and value not in ("hidden", "visible"):
            raise ZfsError(who + "'snapdir' must be one of 'hidden | visible'")
        return prop, value


def parse_size(v):
    m = re.match(r"^(\d+(?:\.\d+)?)([bkmgtpez]?)(i?b)?$", v.strip().lower())
    if not m:
        return None
    mult = 1024 ** "bkmgtpez".index(m.group(2) or "b")
    return int(float(m.group(1)) * mult)


def nicenum(n):
    n = int(n)
    units = "BKMGTPE"
    if n < 1024:
        return "%dB" % n
    u = 0
    v = float(n)
    while v >= 1024 and u < len(units) - 1:
        v /= 1024
        u += 1
    if n % (1024 ** u) == 0:
        return "%d%s" % (int(v), units[u])
    for prec in (2, 1, 0):
        s = "%.*f%s" % (prec, v, units[u])
        if len(s) <= 5:
            return s
    return "%.0f%s" % (v, units[u])


def du(path, skip):
    total = 0
    try:
        for entry in os.scandir(path):
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.path in skip:
                        continue
                    total += 512 + du(entry.path, skip)
                else:
                    st = entry.stat(follow_symlinks=False)
                    total += max(512, (st.st_size + 511) // 512 * 512)
            except OSError:
                pass
    except OSError:
        pass
    return total


def changed_bytes(new, old, skip):
    """du()-style size of the files under new that are missing from old or differ from it."""
    total = 0
    try:
        entries = list(os.scandir(new))
    except OSError:
        return 0
    for entry in entries:
        if entry.path in skip:
            continue
        other = os.path.join(old, entry.name)
        try:
            if entry.is_dir(follow_symlinks=False):
                if os.path.isdir(other) and not os.path.islink(other):
                    total += changed_bytes(entry.path, other, skip)
                else:
                    total += 512 + du(entry.path, skip)
                continue
            st = entry.stat(follow_symlinks=False)
            if not same_file(entry.path, st, other):
                total += max(512, (st.st_size + 511) // 512 * 512)
        except OSError:
            pass
    return total


def same_file(path, st, other):
    try:
        ot = os.lstat(other)
    except OSError:
        return False
    if (st.st_size, int(st.st_mtime)) != (ot.st_size, int(ot.st_mtime)):
        return False
    if os.path.islink(path) or os.path.islink(other):
        return os.path.islink(path) and os.path.islink(other) and os.readlink(path) == os.readlink(other)
    with open(path, "rb") as a, open(other, "rb") as b:
        return a.read() == b.read()


def copy_tree(src, dst, skip):
    """Copy directory src to dst (keeping modes, links, owners), skipping paths in skip."""
    os.makedirs(dst, exist_ok=True)
    shutil.copystat(src, dst)
    for entry in os.scandir(src):
        # Another file system mounted inside (a running jail's devfs) is not part of the dataset.
        if entry.path in skip or os.path.ismount(entry.path):
            continue
        target = os.path.join(dst, entry.name)
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), target)
        elif entry.is_dir():
            copy_tree(entry.path, target, skip)
        else:
            shutil.copy2(entry.path, target)
        try:
            st = entry.stat(follow_symlinks=False)
            os.lchown(target, st.st_uid, st.st_gid)
        except OSError:
            pass


def clear_tree(path, skip):
    """Remove the content of path except the paths in skip (and their parents)."""
    keep_parents = set()
    for s in skip:
        p = s
        while len(p) > len(path):
            p = os.path.dirname(p)
            keep_parents.add(p)
    for entry in os.scandir(path):
        if entry.path in skip:
            continue
        if entry.path in keep_parents:
            clear_tree(entry.path, skip)
        elif entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
