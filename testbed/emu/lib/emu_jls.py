# jls(8) of FreeBSD 14 (usr.sbin/jls/jls.c, libxo text style) over the
# simulated kernel's jail table.
import sys

import emu_jailconf as jc
import emu_jails as J
from emu_common import Prog, rp

P = Prog("jls")

TOP = ["devfs_ruleset", "dying", "enforce_statfs", "host", "ip4", "ip6", "jid",
       "linux", "name", "osreldate", "osrelease", "parent", "path", "persist",
       "securelevel", "sysvmsg", "sysvsem", "sysvshm", "vnet"]
DOTTED = ["allow.adjtime", "allow.chflags", "allow.extattr", "allow.mlock",
          "allow.mount", "allow.mount.devfs", "allow.mount.fdescfs",
          "allow.mount.nullfs", "allow.mount.procfs", "allow.mount.tmpfs",
          "allow.mount.zfs", "allow.nfsd", "allow.quotas", "allow.raw_sockets",
          "allow.read_msgbuf", "allow.reserved_ports", "allow.routing",
          "allow.set_hostname", "allow.settime", "allow.socket_af",
          "allow.suser", "allow.sysvipc", "allow.unprivileged_parent_tampering",
          "allow.unprivileged_proc_debug", "allow.vmm", "children.cur",
          "children.max", "cpuset.id", "host.domainname", "host.hostid",
          "host.hostname", "host.hostuuid", "ip4.addr", "ip4.saddrsel",
          "ip6.addr", "ip6.saddrsel", "linux.osname", "linux.osrelease",
          "linux.oss_version", "zfs.mount_snapshot"]
ALL = TOP + DOTTED
BOOLS = {"dying", "persist"} | {p for p in DOTTED if p.startswith("allow.")} | {"ip4.saddrsel", "ip6.saddrsel"}
DEFAULT_TRUE = {"allow.set_hostname", "allow.reserved_ports", "allow.unprivileged_proc_debug",
                "allow.suser", "ip4.saddrsel", "ip6.saddrsel"}


def osrelease():
    try:
        with open(rp("/var/db/emu/kernel.release")) as f:
            return f.read().strip() or "14.3-RELEASE"
    except OSError:
        return "14.3-RELEASE"


def value(j, name):
    """(kind, value): kind "bool" with a bool, else a string."""
    params = j.get("params", [])

    def conf(n):
        for pn, pv in reversed(params):
            if jc.equalopts(pn, n):
                return pn, pv
        return None
    if name in BOOLS:
        if name == "persist":
            return "bool", bool(j.get("want_persist", j.get("persist")))
        if name == "dying":
            return "bool", False
        c = conf(name)
        if c:
            return "bool", jc.bool_value(c[0], c[1])
        return "bool", name in DEFAULT_TRUE
    if name == "jid":
        return "str", str(j["jid"])
    if name == "name":
        return "str", j["name"]
    if name == "path":
        return "str", j["path"]
    if name == "host.hostname":
        return "str", j.get("hostname", "")
    if name == "vnet":
        return "str", "new" if j.get("vnet") else "inherit"
    if name == "ip4.addr":
        return "str", ",".join(j.get("ip4", []))
    if name == "ip6.addr":
        return "str", ",".join(j.get("ip6", []))
    if name in ("ip4", "ip6"):
        if j.get("vnet"):
            return "str", "inherit"
        return "str", "new" if j.get(name) else "disable"
    if name == "cpuset.id":
        return "str", str(j["jid"] + 2)
    if name == "osrelease":
        c = conf(name)
        return "str", c[1][-1] if c and c[1] else osrelease()
    if name == "osreldate":
        # sys/kern/kern_jail.c: a jail inherits its parent's osreldate unless
        # the osreldate parameter sets one; the host's is __FreeBSD_version of
        # the kernel's release (sys/sys/param.h; as bin/sysctl kern.osreldate).
        c = conf(name)
        if c and c[1]:
            return "str", c[1][-1]
        return "str", "1402000" if osrelease().startswith("14.2-") else "1403000"
    defaults = {"devfs_ruleset": "0", "enforce_statfs": "2", "securelevel": "-1",
                "parent": "0", "children.cur": "0", "children.max": "0",
                "host": "new", "linux": "new", "sysvmsg": "disable",
                "sysvsem": "disable", "sysvshm": "disable", "host.domainname": "",
                "host.hostid": "0", "host.hostuuid": "00000000-0000-0000-0000-000000000000",
                "linux.osname": "Linux", "linux.osrelease": "5.15.0",
                "linux.oss_version": "198144", "zfs.mount_snapshot": "0"}
    c = conf(name)
    if name == "devfs_ruleset" and not c:
        for m in j.get("mounts", []):
            if m.get("type") == "devfs":
                return "str", str(m.get("ruleset"))
    if c and c[1]:
        return "str", ",".join(c[1])
    if name in defaults:
        return "str", defaults[name]
    return None


def quoted(v, quote):
    if not v:
        return '""' if quote else ""
    qc = '"' if "'" in v else "'" if '"' in v else '"' if (" " in v or "\t" in v) else ""
    if qc and quote:
        return qc + v.replace("\\", "\\\\").replace(qc, "\\" + qc) + qc
    return v


def noname(name):
    head, dot, last = name.rpartition(".")
    return head + dot + "no" + last


def main(argv):
    dflag = hflag = nflag = qflag = sflag = vflag = Nflag = False
    jname = None
    k = 0
    while k < len(argv) and argv[k].startswith("-") and len(argv[k]) > 1:
        a = argv[k]
        k += 1
        if a == "--":
            break
        m = 1
        while m < len(a):
            c = a[m]
            m += 1
            if c == "j":
                if m < len(a):
                    jname = a[m:]
                elif k < len(argv):
                    jname = argv[k]
                    k += 1
                else:
                    P.errx(1, "usage: jls [-dhNnqv] [-j jail] [param ...]")
                m = len(a)
            elif c in "ad":
                dflag = True
            elif c == "h":
                hflag, sflag, vflag = True, False, False
            elif c == "N":
                Nflag = True
            elif c == "n":
                nflag, vflag = True, False
            elif c == "q":
                qflag = True
            elif c == "s":
                sflag, nflag, qflag, hflag, vflag = True, True, True, False, False
            elif c == "v":
                vflag, hflag, nflag, sflag = True, False, False, False
            else:
                P.errx(1, "usage: jls [-dhNnqv] [-j jail] [param ...]")
    params = argv[k:]
    out = []
    default = False
    if not params:
        if hflag or nflag:
            params = list(ALL)
        elif not vflag:
            default = True
    else:
        vflag = False
        for p in params:
            if p != "all" and p not in ALL and not (p.rpartition(".")[2].startswith("no") and jc.strip_no(p) in BOOLS):
                P.errx(1, "unknown parameter: %s" % p)
        expanded = []
        for p in params:
            expanded.extend(ALL if p == "all" else [p])
        params = expanded
    state = J.load()
    jails = sorted(state["jails"], key=lambda j: j["jid"])
    if jname is not None:
        j = J.find(state, jname)
        if vflag:
            out.append("   JID  Hostname                      Path")
            out.append("        Name                          State")
            out.append("        CPUSetID")
            out.append("        IP Address(es)")
        elif default:
            out.append(header(Nflag))
        elif hflag:
            out.append(" ".join(params))
        if j is None:
            sys.stdout.write("".join(l + "\n" for l in out))
            P.errx(1, 'jail "%s" not found' % jname)
        jails = [j]
    else:
        if vflag:
            out.append("   JID  Hostname                      Path")
            out.append("        Name                          State")
            out.append("        CPUSetID")
            out.append("        IP Address(es)")
        elif default:
            out.append(header(Nflag))
        elif hflag:
            out.append(" ".join(params))
    for j in jails:
        if vflag:
            out.append("%6d  %-29.29s %.74s" % (j["jid"], j.get("hostname", ""), j["path"]))
            out.append("        %-29.29s %.74s" % (j["name"], "ACTIVE"))
            out.append("        %d" % (j["jid"] + 2))
            for a in j.get("ip4", []) + j.get("ip6", []):
                out.append("        %s" % a)
        elif default:
            ip = (j.get("ip4") or [""])[0]
            if Nflag:
                out.append(" %-15s %-15.15s %-29.29s %.74s" % (j["name"], ip, j.get("hostname", ""), j["path"]))
            else:
                out.append("%6d  %-15.15s %-29.29s %.74s" % (j["jid"], ip, j.get("hostname", ""), j["path"]))
        else:
            words = []
            for p in params:
                base = p
                negated = False
                if p not in ALL:
                    base = jc.strip_no(p)
                    negated = True
                kv = value(j, base)
                kind, v = kv
                if kind == "bool":
                    if negated:
                        v = not v
                    if nflag:
                        words.append(p if v else (noname(p) if not negated else base))
                    else:
                        words.append("true" if v else "false")
                    continue
                if nflag:
                    words.append("%s=%s" % (p, quoted(v, qflag)))
                else:
                    words.append(quoted(v, qflag) if v else ('""' if qflag else "-"))
            out.append(" ".join(words))
    sys.stdout.write("".join(l + "\n" for l in out))
    return 0


def header(Nflag):
    if Nflag:
        return " JID             IP Address      Hostname                      Path"
    return "   JID  IP Address      Hostname                      Path"
