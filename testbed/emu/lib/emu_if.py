# ifconfig(8) of FreeBSD 14 (sbin/ifconfig), state only: interfaces live in
# $EMU_ROOT/var/db/emu/kernel/ifconfig.json (kernel state: a boot forgets
# them) and nothing is configured in Linux's
# network stack.  Cloning (epair, bridge), up/down, name, description, mtu,
# inet/inet6 addresses (alias/-alias/delete), addm/deletem, vnet/-vnet, destroy,
# -a/-l/-u/-d/-g, and the status format of ifconfig_netlink.c status_nl().
import os
import sys

from emu_common import Lock, Prog, load_json, save_json, state_path

STATE = "kernel/ifconfig.json"
P = Prog("ifconfig")

IFF = [(0x1, "UP"), (0x2, "BROADCAST"), (0x4, "DEBUG"), (0x8, "LOOPBACK"),
       (0x10, "POINTOPOINT"), (0x20, "NEEDSEPOCH"), (0x40, "RUNNING"),
       (0x80, "NOARP"), (0x100, "PROMISC"), (0x200, "ALLMULTI"),
       (0x400, "OACTIVE"), (0x800, "SIMPLEX"), (0x1000, "LINK0"),
       (0x2000, "LINK1"), (0x4000, "LINK2"), (0x8000, "MULTICAST"),
       (0x20000, "PPROMISC"), (0x40000, "MONITOR"), (0x80000, "STATICARP"),
       (0x100000, "STICKYARP"), (0x1000000, "LOWER_UP")]
ND6 = [(0x1, "PERFORMNUD"), (0x2, "ACCEPT_RTADV"), (0x4, "PREFER_SOURCE"),
       (0x8, "IFDISABLED"), (0x10, "DONT_SET_IFROUTE"), (0x20, "AUTO_LINKLOCAL"),
       (0x40, "NO_RADR"), (0x80, "NO_PREFER_IFACE"), (0x100, "NO_DAD")]
CAPS = {"lo": "680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>",
        "vtnet": "4c079b<RXCSUM,TXCSUM,VLAN_MTU,VLAN_HWTAGGING,VLAN_HWCSUM,TSO4,TSO6,LRO,VLAN_HWTSO,LINKSTATE,TXCSUM_IPV6>",
        "epair": "8<VLAN_MTU>"}


def bits(value, table):
    names = [n for b, n in table if value & b]
    return "%x<%s>" % (value, ",".join(names))


class IfError(Exception):
    def __init__(self, msg, code=1):
        Exception.__init__(self, msg)
        self.code = code


def initial_state():
    st = {"ifaces": [], "lastid": 0, "nextindex": {"": 1}}
    new_iface(st, "vtnet0", "vtnet", "", unit=0, up=True)
    lo = new_iface(st, "lo0", "lo", "", unit=0, up=True)
    lo["inet"] = [["127.0.0.1", 8]]
    lo["inet6"] = [["::1", 128]]
    lo["nd6"] = 0x21
    return st


def load():
    st = load_json(state_path(STATE), None)
    if st is None:
        st = initial_state()
    return st


def save(st):
    save_json(state_path(STATE), st)


def _mac(kind, unit, side, salt):
    import hashlib
    h = hashlib.sha256(("%s/%s/%s/%s" % (kind, unit, side, salt)).encode()).digest()
    if kind == "epair":
        return "02:%02x:%02x:%02x:%02x:%s" % (h[0], h[1], h[2], h[3], "0a" if side == "a" else "0b")
    return "58:9c:fc:%02x:%02x:%02x" % (h[0] & 0x1f | 0x10 if kind == "bridge" else 0, h[1], h[2])


def new_iface(st, name, kind, vnet, unit=0, side="", up=False):
    st["lastid"] += 1
    nxt = st["nextindex"].get(vnet, 1)
    st["nextindex"][vnet] = nxt + 1
    salt = st.get("salt")
    if salt is None:
        salt = st["salt"] = os.urandom(4).hex()
    ifc = {"id": st["lastid"], "name": name, "kind": kind, "unit": unit,
           "side": side, "peer": 0, "up": up, "promisc": False,
           "mtu": 16384 if kind == "lo" else 1500,
           "ether": "" if kind == "lo" else _mac(kind, unit, side, salt),
           "descr": None, "inet": [], "inet6": [], "members": [],
           "vnet": vnet, "index": nxt,
           "nd6": 0x21 if kind == "lo" else (0x9 if kind == "bridge" else 0x29),
           "groups": {"lo": ["lo"], "epair": ["epair"], "bridge": ["bridge"]}.get(kind, [])}
    st["ifaces"].append(ifc)
    return ifc


def by_name(st, name, vnet):
    for i in st["ifaces"]:
        if i["name"] == name and i["vnet"] == vnet:
            return i
    return None


def by_id(st, iid):
    for i in st["ifaces"]:
        if i["id"] == iid:
            return i
    return None


def flags(st, i):
    f = 0x8 | 0x8000 if i["kind"] == "lo" else 0x2 | 0x800 | 0x8000
    if i["up"]:
        f |= 0x1 | 0x40
    if i["promisc"]:
        f |= 0x100
    if i["kind"] == "lo":
        if i["up"]:
            f |= 0x1000000
    elif i["kind"] in ("vtnet", "epair"):
        f |= 0x1000000
    elif i["kind"] == "bridge":
        if any(m for m in (by_id(st, x) for x in i["members"]) if m):
            f |= 0x1000000
    return f


def _eui64_ll(mac):
    b = [int(x, 16) for x in mac.split(":")]
    b[0] ^= 0x02
    w = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]]
    return "fe80::" + ":".join("%x" % x for x in w)


def render(st, i, out):
    f = flags(st, i)
    out.append("%s: flags=%s metric 0 mtu %d" % (i["name"], bits(f, IFF), i["mtu"]))
    if i["descr"] is not None:
        out.append("\tdescription: %s" % i["descr"])
    if i["kind"] in CAPS:
        out.append("\toptions=%s" % CAPS[i["kind"]])
    if i["ether"]:
        out.append("\tether %s" % i["ether"])
    for addr, plen in i["inet"]:
        mask = (0xffffffff << (32 - plen)) & 0xffffffff if plen else 0
        line = "\tinet %s netmask 0x%08x" % (addr, mask)
        if f & 0x2:
            a = _ip4(addr)
            line += " broadcast %s" % _ip4s(a | (~mask & 0xffffffff))
        out.append(line)
    v6 = list(i["inet6"])
    if i["kind"] == "lo" and v6 and i["name"] == "lo0" and ["fe80::1", 64] not in v6:
        v6.insert(1, ["fe80::1", 64])
    elif i["ether"] and not (i["nd6"] & 0x8) and (i["nd6"] & 0x20) and i["up"]:
        v6.insert(0, [_eui64_ll(i["ether"]), 64])
    for addr, plen in v6:
        if addr.startswith("fe80:"):
            out.append("\tinet6 %s%%%s prefixlen %d scopeid 0x%x" % (addr, i["name"], plen, i["index"]))
        else:
            out.append("\tinet6 %s prefixlen %d" % (addr, plen))
    if i["kind"] == "bridge":
        out.append("\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15")
        out.append("\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200")
        out.append("\troot id 00:00:00:00:00:00 priority 32768 ifcost 0 port 0")
        for mid in i["members"]:
            m = by_id(st, mid)
            if not m:
                continue
            out.append("\tmember: %s flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>" % m["name"])
            out.append("\t        ifmaxaddr 0 port %d priority 128 path cost %d" % (m["index"], 2000 if m["kind"] == "epair" else 2000))
    if i["groups"]:
        out.append("\tgroups: %s" % " ".join(i["groups"]))
    if i["kind"] == "epair":
        out.append("\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)")
        out.append("\tstatus: active")
    elif i["kind"] == "vtnet":
        out.append("\tmedia: Ethernet autoselect (10Gbase-T <full-duplex>)")
        out.append("\tstatus: active")
    out.append("\tnd6 options=%s" % bits(i["nd6"], ND6))


def _ip4(s):
    p = s.split(".")
    if len(p) != 4 or not all(x.isdigit() and int(x) < 256 for x in p):
        raise ValueError(s)
    return (int(p[0]) << 24) | (int(p[1]) << 16) | (int(p[2]) << 8) | int(p[3])


def _ip4s(a):
    return "%d.%d.%d.%d" % (a >> 24 & 255, a >> 16 & 255, a >> 8 & 255, a & 255)


def _ip6norm(s):
    import ipaddress
    return str(ipaddress.IPv6Address(s))


def visible(st, vnet):
    return sorted((i for i in st["ifaces"] if i["vnet"] == vnet), key=lambda i: i["index"])


def _alloc_unit(st, kind):
    used = {i["unit"] for i in st["ifaces"] if i["kind"] == kind}
    u = 0
    while u in used:
        u += 1
    return u


def clone_create(st, name, vnet):
    """if_clone_create(): epair[N], bridge[N]; returns the interface printed."""
    for kind in ("epair", "bridge"):
        if name.startswith(kind):
            rest = name[len(kind):]
            if rest and not rest.isdigit():
                break
            unit = int(rest) if rest else _alloc_unit(st, kind)
            if any(i["kind"] == kind and i["unit"] == unit for i in st["ifaces"]):
                raise IfError("SIOCIFCREATE2 (%s%d): File exists" % (kind, unit))
            if kind == "epair":
                a = new_iface(st, "epair%da" % unit, "epair", vnet, unit, "a")
                b = new_iface(st, "epair%db" % unit, "epair", vnet, unit, "b")
                a["peer"], b["peer"] = b["id"], a["id"]
                return a
            return new_iface(st, "bridge%d" % unit, "bridge", vnet, unit)
    raise IfError("SIOCIFCREATE2 (%s): Invalid argument" % name)


def require_cloner(name):
    """Without its module (ifconfig -n, or a failed load) the cloner does not
    exist and if_clone_create() answers EINVAL."""
    import emu_kld
    for kind in ("epair", "bridge"):
        if name.startswith(kind) and not emu_kld.is_loaded("if_" + kind):
            raise IfError("SIOCIFCREATE2 (%s): Invalid argument" % name)


def destroy(st, i):
    if i["kind"] not in ("epair", "bridge"):
        raise IfError("SIOCIFDESTROY: Invalid argument")
    gone = [i]
    if i["kind"] == "epair":
        peer = by_id(st, i["peer"])
        if peer:
            gone.append(peer)
    ids = {g["id"] for g in gone}
    for other in st["ifaces"]:
        if other["kind"] == "bridge":
            other["members"] = [m for m in other["members"] if m not in ids]
    st["ifaces"] = [x for x in st["ifaces"] if x["id"] not in ids]
    _unpromisc(st)


def _unpromisc(st):
    members = set()
    for b in st["ifaces"]:
        if b["kind"] == "bridge":
            members.update(b["members"])
    for x in st["ifaces"]:
        x["promisc"] = x["id"] in members


def move(st, i, vnet):
    """if_vmove(): addresses are detached, bridges drop the member."""
    for other in st["ifaces"]:
        if other["kind"] == "bridge" and i["id"] in other["members"]:
            other["members"].remove(i["id"])
    i["inet"] = []
    i["inet6"] = []
    i["vnet"] = vnet
    nxt = st["nextindex"].get(vnet, 1)
    st["nextindex"][vnet] = nxt + 1
    i["index"] = nxt
    if i["kind"] != "bridge":
        i["nd6"] |= 0x8
    _unpromisc(st)


def jail_created(st, jname):
    """A new vnet: its own lo0, down and without addresses."""
    st["nextindex"][jname] = 1
    new_iface(st, "lo0", "lo", jname)


def jail_removed(st, jname):
    """The vnet goes away: its loopback dies, moved interfaces return home."""
    for i in list(st["ifaces"]):
        if i["vnet"] != jname:
            continue
        if i["kind"] == "lo":
            st["ifaces"].remove(i)
        else:
            home = i.get("home", "")
            move(st, i, home)
    st["nextindex"].pop(jname, None)


def _parse_inet(args, k, i, st, family):
    """inet ADDR[/len] [netmask M] [broadcast B] [alias|-alias|delete]."""
    if k >= len(args):
        raise IfError("%s: bad value" % family)
    spec = args[k]
    k += 1
    plen = None
    if "/" in spec:
        spec, pl = spec.split("/", 1)
        if not pl.isdigit():
            raise IfError("%s: bad value" % args[k - 1])
        plen = int(pl)
    op = "set"
    while k < len(args):
        w = args[k]
        if w == "netmask" and family == "inet" and k + 1 < len(args):
            m = args[k + 1]
            try:
                mv = int(m, 16) if m.startswith("0x") else _ip4(m)
            except ValueError:
                raise IfError("%s: bad value" % m)
            plen = bin(mv).count("1")
            k += 2
        elif w == "prefixlen" and family == "inet6" and k + 1 < len(args):
            if not args[k + 1].isdigit():
                raise IfError("%s: bad value" % args[k + 1])
            plen = int(args[k + 1])
            k += 2
        elif w == "broadcast" and k + 1 < len(args):
            k += 2
        elif w in ("alias", "add"):
            op = "alias"
            k += 1
        elif w in ("-alias", "delete", "remove"):
            op = "delete"
            k += 1
        else:
            break
    try:
        if family == "inet":
            _ip4(spec)
            addr = spec
            if plen is None:
                a = _ip4(spec) >> 24
                plen = 8 if a < 128 else 16 if a < 192 else 24
        else:
            addr = _ip6norm(spec.split("%")[0])
            if plen is None:
                plen = 64
    except ValueError:
        raise IfError("%s: bad value" % spec)
    lst = i[family]
    if op == "delete":
        for e in lst:
            if e[0] == addr:
                lst.remove(e)
                break
        else:
            raise IfError("ioctl (%s): Can't assign requested address" % ("SIOCDIFADDR" if family == "inet" else "SIOCDIFADDR_IN6"))
    else:
        if op == "set" and family == "inet" and lst:
            lst.pop(0)
        lst[:] = [e for e in lst if e[0] != addr]
        lst.append([addr, plen])
        if family == "inet6":
            i["nd6"] &= ~0x8
        if family == "inet":
            i["up"] = True
        else:
            i["up"] = True
    return k


def configure(st, i, args, vnet, jails_running):
    """Apply the parameters after the interface name; returns print name flag."""
    k = 0
    printname = False
    while k < len(args):
        w = args[k]
        k += 1
        if w == "up":
            i["up"] = True
        elif w == "down":
            i["up"] = False
        elif w == "name":
            if k >= len(args):
                raise IfError("missing argument for name")
            new = args[k]
            k += 1
            if by_name(st, new, vnet) and by_name(st, new, vnet) is not i:
                raise IfError("ioctl SIOCSIFNAME (set name): File exists")
            if not new or len(new) > 15:
                raise IfError("ioctl SIOCSIFNAME (set name): Invalid argument")
            i["name"] = new
            printname = True
        elif w in ("description", "descr"):
            if k >= len(args):
                raise IfError("missing argument for %s" % w)
            i["descr"] = args[k] if args[k] else None
            k += 1
        elif w in ("-description", "-descr"):
            i["descr"] = None
        elif w == "mtu":
            if k >= len(args) or not args[k].isdigit():
                raise IfError("mtu: bad value")
            i["mtu"] = int(args[k])
            k += 1
        elif w in ("inet", "inet6"):
            k = _parse_inet(args, k, i, st, w)
        elif w[:1].isdigit() and "." in w:
            k = _parse_inet(args, k - 1, i, st, "inet")
        elif w in ("addm", "deletem"):
            if i["kind"] != "bridge":
                raise IfError("%s: bad value" % w)
            if k >= len(args):
                raise IfError("missing argument for %s" % w)
            mname = args[k]
            k += 1
            m = by_name(st, mname, vnet)
            op = "BRDGADD" if w == "addm" else "BRDGDEL"
            if m is None:
                raise IfError("%s %s: No such file or directory" % (op, mname))
            if w == "addm":
                if m["id"] in i["members"]:
                    raise IfError("%s %s: File exists" % (op, mname))
                if m is i or m["kind"] == "lo":
                    raise IfError("%s %s: Invalid argument" % (op, mname))
                for b in st["ifaces"]:
                    if b["kind"] == "bridge" and m["id"] in b["members"]:
                        raise IfError("%s %s: Device busy" % (op, mname))
                i["members"].append(m["id"])
            else:
                if m["id"] not in i["members"]:
                    raise IfError("%s %s: No such file or directory" % (op, mname))
                i["members"].remove(m["id"])
            _unpromisc(st)
        elif w in ("vnet", "-vnet"):
            if k >= len(args):
                raise IfError("missing argument for %s" % w)
            jname = jails_running(args[k])
            k += 1
            if jname is None:
                raise IfError('jail "%s" not found' % args[k - 1])
            if w == "vnet":
                if vnet:
                    raise IfError("SIOCSIFVNET: Operation not permitted")
                if not jname[1]:
                    raise IfError("SIOCSIFVNET: Invalid argument")
                i["home"] = vnet
                move(st, i, jname[0])
            else:
                raise IfError("SIOCSIFRVNET: Invalid argument")
        elif w == "destroy":
            destroy(st, i)
            return printname
        elif w == "create":
            pass
        elif w in ("-ifdisabled",):
            i["nd6"] &= ~0x8
        elif w == "ifdisabled":
            i["nd6"] |= 0x8
        elif w in ("auto_linklocal", "-auto_linklocal"):
            i["nd6"] = i["nd6"] | 0x20 if w[0] != "-" else i["nd6"] & ~0x20
        elif w in ("group",) and k < len(args):
            if args[k] not in i["groups"]:
                i["groups"].append(args[k])
            k += 1
        elif w in ("-group",) and k < len(args):
            if args[k] in i["groups"]:
                i["groups"].remove(args[k])
            k += 1
        elif w in ("promisc", "-promisc", "-txcsum", "txcsum", "-rxcsum", "rxcsum", "-tso", "tso", "-lro", "lro", "-vlanhwtag", "vlanhwtag", "monitor", "-monitor", "arp", "-arp"):
            pass
        else:
            raise IfError("%s: bad value" % w)
    return printname


def rvnet(st, jname, ifname, vnet_of_jail):
    """ifconfig IF -vnet JAIL run on the host: take IF back from the jail."""
    i = by_name(st, ifname, vnet_of_jail)
    if i is None:
        raise IfError("SIOCSIFRVNET: No such file or directory")
    move(st, i, "")


USAGE = ("usage: ifconfig [-j jail] [-f type:format] %s\n"
         "\t[parameters]\n"
         "       ifconfig [-j jail] interface create\n"
         "       ifconfig [-j jail] -a [-dmuv] [-f type:format] [address_family]\n"
         "       ifconfig [-j jail] -l [-du] [address_family]\n"
         "       ifconfig [-j jail] [-dkmuv] [-f type:format]\n")


def main(argv, env_jail=None, jails_running=None, stdout=None):
    """Run ifconfig with argv (without argv[0]); returns the exit code."""
    out = stdout or sys.stdout
    if jails_running is None:
        from emu_jails import running_for_ifconfig
        jails_running = running_for_ifconfig
    vnet = env_jail or ""
    aflag = lflag = uflag = dflag = noload = False
    group = None
    k = 0
    while k < len(argv) and argv[k].startswith("-") and len(argv[k]) > 1 and argv[k] not in ("-vnet",):
        opt = argv[k]
        if opt == "-j" and k + 1 < len(argv):
            jn = jails_running(argv[k + 1])
            if jn is None:
                P.warnx('jail "%s" not found' % argv[k + 1])
                return 1
            vnet = jn[0] if jn[1] else ""
            k += 2
            continue
        if opt in ("-g", "-G") and k + 1 < len(argv):
            group = argv[k + 1]
            lflag = lflag or False
            k += 2
            continue
        for c in opt[1:]:
            if c == "a":
                aflag = True
            elif c == "l":
                lflag = True
            elif c == "u":
                uflag = True
            elif c == "d":
                dflag = True
            elif c == "n":
                noload = True
            elif c in "kmLvC":
                pass
            else:
                sys.stderr.write(USAGE % "interface address_family\n\t[address [dest_address]]")
                return 1
        k += 1
    args = argv[k:]
    st = None
    if lflag or aflag or not args or (group and not args):
        st = load()
        ifs = visible(st, vnet)
        if uflag:
            ifs = [i for i in ifs if i["up"]]
        if dflag:
            ifs = [i for i in ifs if not i["up"]]
        if group:
            ifs = [i for i in ifs if group in i["groups"] or (group == "all")]
        if lflag:
            out.write(" ".join(i["name"] for i in ifs) + "\n")
            return 0
        lines = []
        for i in ifs:
            render(st, i, lines)
        if lines:
            out.write("\n".join(lines) + "\n")
        return 0
    ifname = args[0]
    rest = args[1:]
    # sbin/ifconfig/ifconfig.c: ifmaybeload(ifname) before the interface is
    # looked up, so `ifconfig bridge0 create` loads if_bridge.  Inside a jail
    # kldload(2) is refused (EPERM) and ifmaybeload ignores that.
    if not noload and not vnet:
        import emu_kld
        emu_kld.ifmaybeload(ifname)
    with Lock("ifconfig"):
        st = load()
        try:
            printname = False
            if rest and rest[0] == "-vnet" and len(rest) == 2 and not vnet:
                jn = jails_running(rest[1])
                if jn is None:
                    raise IfError('jail "%s" not found' % rest[1])
                rvnet(st, jn[0], ifname, jn[0])
                save(st)
                return 0
            if rest[:1] == ["create"] or (ifname in ("epair", "bridge") and not rest):
                require_cloner(ifname)
                i = clone_create(st, ifname, vnet)
                printname = True
                rest = rest[1:]
            else:
                i = by_name(st, ifname, vnet)
                if i is None:
                    if rest[:1] == ["destroy"]:
                        raise IfError("interface %s does not exist" % ifname)
                    raise IfError("interface %s does not exist" % ifname)
            if not rest and not printname:
                lines = []
                render(st, i, lines)
                out.write("\n".join(lines) + "\n")
                return 0
            if configure(st, i, rest, vnet, jails_running):
                printname = True
            save(st)
        except IfError as e:
            P.warnx(str(e))
            return e.code
    if printname and by_id(st, i["id"]):
        out.write(i["name"] + "\n")
    return 0


def status_lines(vnet=""):
    st = load()
    lines = []
    for i in visible(st, vnet):
        render(st, i, lines)
    return lines
