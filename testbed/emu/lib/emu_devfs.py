# devfs(8) rule subsystem of FreeBSD 14 (sbin/devfs/rule.c) and the rule files
# rc.d/devfs loads (/etc/defaults/devfs.rules, /etc/devfs.rules).  Rulesets
# live in $EMU_ROOT/var/db/emu/kernel/devfs.json; when that file does not exist yet
# the rulesets are loaded from the rule files, as a FreeBSD boot does.
import fnmatch
import os

from emu_common import Lock, load_json, rp, save_json, state_path

STATE = "kernel/devfs.json"   # kernel state, forgotten at reboot

DEFAULT_RULES = """\
[devfsrules_hide_all=1]
add hide

[devfsrules_unhide_basic=2]
add path null unhide
add path zero unhide
add path crypto unhide
add path random unhide
add path urandom unhide

[devfsrules_unhide_login=3]
add path 'ptyp*' unhide
add path 'ptyq*' unhide
add path 'ptyr*' unhide
add path 'ptys*' unhide
add path 'ptyP*' unhide
add path 'ptyQ*' unhide
add path 'ptyR*' unhide
add path 'ptyS*' unhide
add path 'ptyl*' unhide
add path 'ptym*' unhide
add path 'ptyn*' unhide
add path 'ptyo*' unhide
add path 'ptyL*' unhide
add path 'ptyM*' unhide
add path 'ptyN*' unhide
add path 'ptyO*' unhide
add path 'ttyp*' unhide
add path 'ttyq*' unhide
add path 'ttyr*' unhide
add path 'ttys*' unhide
add path 'ttyP*' unhide
add path 'ttyQ*' unhide
add path 'ttyR*' unhide
add path 'ttyS*' unhide
add path 'ttyl*' unhide
add path 'ttym*' unhide
add path 'ttyn*' unhide
add path 'ttyo*' unhide
add path 'ttyL*' unhide
add path 'ttyM*' unhide
add path 'ttyN*' unhide
add path 'ttyO*' unhide
add path ptmx unhide
add path pts unhide
add path 'pts/*' unhide
add path fd unhide
add path 'fd/*' unhide
add path stdin unhide
add path stdout unhide
add path stderr unhide

# Devices usually found in a jail.
#
[devfsrules_jail=4]
add include $devfsrules_hide_all
add include $devfsrules_unhide_basic
add include $devfsrules_unhide_login
add path fuse unhide
add path zfs unhide

[devfsrules_jail_vnet=5]
add include $devfsrules_hide_all
add include $devfsrules_unhide_basic
add include $devfsrules_unhide_login
add include $devfsrules_jail
add path pf unhide
"""


class DevfsError(Exception):
    pass


def tokenize(line):
    """rule.c tokenize(): whitespace-separated words, quotes group words."""
    out = []
    cur = None
    q = None
    for c in line:
        if q:
            if c == q:
                q = None
            else:
                cur += c
        elif c in "'\"":
            q = c
            cur = cur or ""
        elif c in " \t\n":
            if cur is not None:
                out.append(cur)
                cur = None
        else:
            cur = (cur or "") + c
    if cur is not None:
        out.append(cur)
    return out


def parse_rule(av):
    """rulespec_intok(): [rulenum] [type T] [path P] actions..."""
    if not av:
        raise DevfsError("unexpected end of rulespec")
    r = {"num": 0}
    if av[0].isdigit():
        r["num"] = int(av[0])
        av = av[1:]
    while av:
        if av[0] == "type":
            if len(av) < 2:
                raise DevfsError("expecting argument for type")
            if av[1] not in ("disk", "mem", "tape", "tty"):
                raise DevfsError("unknown type: %s" % av[1])
            r["type"] = av[1]
            av = av[2:]
        elif av[0] == "path":
            if len(av) < 2:
                raise DevfsError("expecting argument for path")
            r["path"] = av[1]
            av = av[2:]
        else:
            break
    while av:
        w = av[0]
        if w in ("hide", "unhide"):
            r[w] = True
            av = av[1:]
        elif w in ("user", "group", "mode", "include"):
            if len(av) < 2:
                raise DevfsError("expecting argument for %s" % w)
            v = av[1]
            if w == "include":
                if not v.isdigit():
                    raise DevfsError("invalid ruleset: %s" % v)
                v = int(v)
            if w == "mode":
                try:
                    int(v, 8)
                except ValueError:
                    raise DevfsError("invalid mode: %s" % v)
            r[w] = v
            av = av[2:]
        else:
            raise DevfsError("unknown argument: %s" % w)
    return r


def format_rule(r):
    s = "%d" % r["num"]
    if "type" in r:
        s += " type %s" % r["type"]
    if "path" in r:
        s += " path %s" % r["path"]
    if r.get("hide"):
        s += " hide"
    if r.get("unhide"):
        s += " unhide"
    for k in ("user", "group"):
        if k in r:
            s += " %s %s" % (k, r[k])
    if "mode" in r:
        s += " mode %o" % int(str(r["mode"]), 8)
    if "include" in r:
        s += " include %d" % r["include"]
    return s


def add_rule(state, rsnum, r):
    if rsnum == 0:
        raise DevfsError("ioctl DEVFSIO_RADD: Invalid argument")
    rules = state["rulesets"].setdefault(str(rsnum), [])
    if "include" in r and r["include"] == rsnum:
        raise DevfsError("ioctl DEVFSIO_RADD: Invalid argument")
    if r["num"] == 0:
        r["num"] = (rules[-1]["num"] if rules else 0) + 100
    elif any(x["num"] == r["num"] for x in rules):
        raise DevfsError("ioctl DEVFSIO_RADD: File exists")
    rules.append(r)
    rules.sort(key=lambda x: x["num"])


def load_rule_files(state, files):
    """rc.subr devfs_rulesets_from_file() for each readable file."""
    for fname in files:
        try:
            with open(rp(fname)) as f:
                text = f.read()
        except OSError:
            continue
        load_rule_text(state, text)
    return state


def load_rule_text(state, text):
    """[name=N] sections start a ruleset afresh; "add" lines with $name includes."""
    names = state.setdefault("names", {})
    rsnum = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            body = line.strip("[]")
            name, _, num = body.partition("=")
            if not num.strip().isdigit():
                rsnum = None
                continue
            rsnum = int(num)
            names[name.strip()] = rsnum
            state["rulesets"][str(rsnum)] = []
            continue
        if rsnum is None:
            continue
        av = tokenize(line)
        av = [str(names.get(w[1:], w)) if w.startswith("$") else w for w in av]
        if av and av[0] == "add":
            try:
                add_rule(state, rsnum, parse_rule(av[1:]))
            except DevfsError:
                pass


def boot_state():
    state = {"rulesets": {}, "names": {}, "applied": {}}
    if os.path.exists(rp("/etc/defaults/devfs.rules")):
        load_rule_files(state, ["/etc/defaults/devfs.rules"])
    else:
        load_rule_text(state, DEFAULT_RULES)
    load_rule_files(state, ["/etc/devfs.rules"])
    return state


def load():
    st = load_json(state_path(STATE), None)
    if st is None:
        st = boot_state()
    return st


def save(st):
    save_json(state_path(STATE), st)


def visible_nodes(rsnum, names):
    """Apply a ruleset to device names: which stay visible."""
    st = load()
    vis = {n: True for n in names}

    def apply(rs, depth):
        if depth > 16:
            return
        for r in st["rulesets"].get(str(rs), []):
            if "include" in r:
                apply(r["include"], depth + 1)
                continue
            targets = [n for n in names if "path" not in r or fnmatch.fnmatchcase(n, r["path"])]
            if r.get("hide"):
                for n in targets:
                    vis[n] = False
            if r.get("unhide"):
                for n in targets:
                    vis[n] = True
    try:
        apply(int(rsnum), 0)
    except (TypeError, ValueError):
        pass
    return [n for n in names if vis[n]]
