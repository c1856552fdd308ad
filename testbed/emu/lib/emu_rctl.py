# rctl(8) of FreeBSD 14 (usr.bin/rctl/rctl.c) and the kernel's rule checks
# (kern_rctl.c rctl_string_to_rule, rctl_rule_add): rules
# subject:subject-id:resource:action[=amount[/per]] kept in
# $EMU_ROOT/var/db/emu/kernel/rctl.json (kernel state: gone at boot).
# RACCT is off unless the loader set kern.racct.enable=1 (kenv, emu_kld.py).
import os
import sys

import emu_jails as J
from emu_common import Lock, Prog, load_json, save_json, state_path

P = Prog("rctl")
STATE = "kernel/rctl.json"
SUBJECTS = ("process", "user", "loginclass", "jail")
ALIASES = {"u": "user", "g": "group", "p": "process", "l": "loginclass", "c": "loginclass",
           "class": "loginclass", "j": "jail"}
# racct.c racct_types: resource -> (deniable, decaying)
RESOURCES = {
    "cputime": (False, False), "datasize": (True, False), "stacksize": (True, False),
    "coredumpsize": (True, False), "memoryuse": (True, False), "memorylocked": (True, False),
    "maxproc": (True, False), "openfiles": (True, False), "vmemoryuse": (True, False),
    "pseudoterminals": (True, False), "swapuse": (True, False), "nthr": (True, False),
    "msgqqueued": (True, False), "msgqsize": (True, False), "nmsgq": (True, False),
    "nsem": (True, False), "nsemop": (True, False), "nshm": (True, False),
    "shmsize": (True, False), "wallclock": (False, False), "pcpu": (True, True),
    "readbps": (False, True), "writebps": (False, True), "readiops": (False, True),
    "writeiops": (False, True),
}
SIGNALS = ("sighup", "sigint", "sigquit", "sigill", "sigtrap", "sigabrt", "sigemt", "sigfpe",
           "sigkill", "sigbus", "sigsegv", "sigsys", "sigpipe", "sigalrm", "sigterm", "sigurg",
           "sigstop", "sigtstp", "sigcont", "sigchld", "sigttin", "sigttou", "sigio", "sigxcpu",
           "sigxfsz", "sigvtalrm", "sigprof", "sigwinch", "siginfo", "sigusr1", "sigusr2", "sigthr")
ACTIONS = ("deny", "log", "devctl", "throttle") + SIGNALS


class RctlError(Exception):
    pass


def racct_enabled():
    """kern.racct.enable: a loader tunable (CTLFLAG_RDTUN), read from the kernel
    environment the loader left (emu_kld); GENERIC 14.3 defaults it to 0."""
    import emu_kld
    return emu_kld.tunable("kern.racct.enable", "0").strip() not in ("0", "")


def expand_number(s):
    """libutil expand_number(): 512M -> 536870912."""
    if not s:
        raise ValueError(s)
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50, "e": 1 << 60}
    unit = 1
    if s[-1].lower() in mult:
        unit = mult[s[-1].lower()]
        s = s[:-1]
    elif s[-1].lower() == "b":
        s = s[:-1]
    if not s.isdigit():
        raise ValueError(s)
    return int(s) * unit


def expand_rule(rule):
    """rctl.c expand_rule()/expand_amount(); returns the kernel-form string."""
    parts = rule.split(":", 2)
    if len(parts) < 2:
        raise RctlError("malformed rule '%s': missing subject" % rule)
    subject, sid = parts[0], parts[1]
    rest = parts[2] if len(parts) > 2 else ""
    subject = ALIASES.get(subject.lower(), subject)
    text = "%s:%s:%s" % (subject, sid, rest)
    f = text.split(":", 3)
    if len(f) == 4:
        res_action = f[3]
        action, sep, amount = res_action.partition("=")
        if sep and amount:
            amt, slash, per = amount.partition("/")
            try:
                n = expand_number(amt)
            except ValueError:
                raise RctlError("malformed rule '%s': invalid numeric value '%s'" % (rule, amt))
            text = "%s:%s:%s:%s=%d%s" % (f[0], f[1], f[2], action, n, "/" + per if slash else "")
    return text


def parse(text, need_full):
    """kern_rctl.c rctl_string_to_rule(); EINVAL as RctlError('Invalid argument')."""
    f = text.split(":")
    if len(f) > 4:
        raise RctlError("Invalid argument")
    f += [""] * (4 - len(f))
    subject, sid, resource, rest = f
    action, _, amount = rest.partition("=")
    amount, slash, per = amount.partition("/")
    if subject and subject not in SUBJECTS:
        raise RctlError("Invalid argument")
    if resource and resource not in RESOURCES:
        raise RctlError("Invalid argument")
    if action and action not in ACTIONS:
        raise RctlError("Invalid argument")
    if amount and not amount.isdigit():
        raise RctlError("Invalid argument")
    if slash and per not in SUBJECTS:
        raise RctlError("Invalid argument")
    if subject in ("process", "user") and sid and not sid.isdigit():
        raise RctlError("Invalid argument")
    r = {"subject": subject, "id": sid, "resource": resource, "action": action,
         "amount": int(amount) if amount else None, "per": per or subject}
    if need_full:
        if not (subject and sid and resource and action and amount):
            raise RctlError("Invalid argument")
        deniable, decaying = RESOURCES[resource]
        if action == "deny" and not deniable:
            raise RctlError("Operation not supported")
        if action == "throttle" and (not decaying or resource == "pcpu"):
            raise RctlError("Operation not supported")
        if subject == "process" and sid and not os.path.exists("/proc/" + sid):
            raise RctlError("No such process")
    return r


def fmt(r):
    s = "%s:%s:%s:%s=%d" % (r["subject"], r["id"], r["resource"], r["action"], r["amount"])
    if r["per"] != r["subject"]:
        s += "/" + r["per"]
    return s


def matches(f, r):
    for k in ("subject", "id", "resource", "action"):
        if f[k] and f[k] != r[k]:
            return False
    if f["amount"] is not None and f["amount"] != r["amount"]:
        return False
    return True


def humanize(n):
    """humanize_number(buf, 6, n, "", HN_AUTOSCALE, HN_DECIMAL | HN_NOSPACE)."""
    units = ["", "K", "M", "G", "T", "P", "E"]
    i = 0
    v = float(n)
    while v >= 1000 and i < len(units) - 1 and (len("%d" % v) + len(units[i])) > 4:
        v /= 1024
        i += 1
    if i > 0 and v < 10:
        return "%.1f%s" % (v, units[i])
    return "%d%s" % (round(v), units[i])


def usage_of(r):
    """rctl -u jail:NAME: measured from the jail's real processes."""
    names = list(RESOURCES)
    vals = {n: 0 for n in names}
    if r["subject"] == "jail":
        st = J.load()
        j = J.find(st, r["id"])
        if j is None:
            raise RctlError("No such process")
        pids = J.procs_in(j)
        vals["maxproc"] = len(pids)
        for p in pids:
            try:
                with open("/proc/%d/status" % p) as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            vals["memoryuse"] += int(line.split()[1]) * 1024
                        elif line.startswith("VmSize:"):
                            vals["vmemoryuse"] += int(line.split()[1]) * 1024
                        elif line.startswith("Threads:"):
                            vals["nthr"] += int(line.split()[1])
                vals["openfiles"] += len(os.listdir("/proc/%d/fd" % p))
            except OSError:
                pass
        import time
        vals["wallclock"] = int(time.time() - j.get("created", time.time()))
    return ["%s=%d" % (n, vals[n]) for n in names]


def main(argv):
    aflag = hflag = lflag = nflag = rflag = uflag = False
    k = 0
    while k < len(argv) and argv[k].startswith("-") and len(argv[k]) > 1:
        a = argv[k]
        k += 1
        if a == "--":
            break
        for c in a[1:]:
            if c == "a":
                aflag = True
            elif c == "h":
                hflag = True
            elif c == "l":
                lflag = True
            elif c == "n":
                nflag = True
            elif c == "r":
                rflag = True
            elif c == "u":
                uflag = True
            else:
                sys.stderr.write("usage: rctl [ -h ] [-a rule | -l filter | -r filter | -u filter | filter]\n")
                return 1
    args = argv[k:]
    if aflag + lflag + rflag + uflag > 1:
        P.errx(1, "at most one of -a, -l, -r, or -u may be specified")
    if not args:
        if aflag or lflag or rflag or uflag:
            sys.stderr.write("usage: rctl [ -h ] [-a rule | -l filter | -r filter | -u filter | filter]\n")
            return 1
        args = ["::"]
    racct = racct_enabled()
    errors = 0
    with Lock("rctl"):
        st = load_json(state_path(STATE), {"rules": []})
        changed = False
        for raw in args:
            try:
                text = expand_rule(raw)
            except RctlError as e:
                P.warnx(str(e))
                errors += 1
                continue
            if not racct:
                # usr.bin/rctl/rctl.c enosys(): with kern.racct.enable=0 every
                # rctl_* syscall answers ENOSYS (after rctl's own parsing of
                # the rule) and rctl exits with this text.
                P.errx(1, "RACCT/RCTL present, but disabled; enable using kern.racct.enable=1 tunable")
            try:
                if aflag:
                    r = parse(text, True)
                    st["rules"] = [x for x in st["rules"] if not (
                        x["subject"] == r["subject"] and x["id"] == r["id"] and
                        x["resource"] == r["resource"] and x["action"] == r["action"] and
                        x["per"] == r["per"])]
                    st["rules"].append(r)
                    changed = True
                elif rflag:
                    f = parse(text, False)
                    keep = [x for x in st["rules"] if not matches(f, x)]
                    if len(keep) == len(st["rules"]):
                        raise RctlError("No such process")
                    st["rules"] = keep
                    changed = True
                elif uflag:
                    f = parse(text, False)
                    for line in usage_of(f):
                        if hflag:
                            n, v = line.split("=")
                            line = "%s=%s" % (n, humanize(int(v)))
                        sys.stdout.write(line + "\n")
                else:
                    f = parse(text, False)
                    for x in st["rules"]:
                        if matches(f, x):
                            line = fmt(x)
                            if hflag:
                                head, _, amt = line.rpartition("=")
                                a2, sl, per = amt.partition("/")
                                line = "%s=%s%s" % (head, humanize(int(a2)), sl + per)
                            sys.stdout.write(line + "\n")
            except RctlError as e:
                verb = ("failed to add rule" if aflag else "failed to remove rule" if rflag
                        else "failed to show resource consumption for" if uflag
                        else "failed to get limits for" if lflag else "failed to show rules for")
                P.warnx("%s '%s': %s" % (verb, raw, e))
                errors += 1
        if changed:
            save_json(state_path(STATE), st)
    return errors
