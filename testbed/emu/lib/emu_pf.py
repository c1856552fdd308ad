# pf.conf(5) parser and printer for the emulated pfctl(8), and the translation
# of a loaded, enabled filter ruleset to nftables (table inet emu_pf) so that
# inbound traffic of the simulated host is really filtered.
# Grammar covered (sbin/pfctl/parse.y, the parts hosts use): macros, lists
# { }, tables, set options, scrub, nat/rdr (pass), binat, anchors, pass/block
# with in/out, log, quick, on, af, proto, from/to (any, all, self, hosts,
# networks, !, <table>, (if)), ports (=, !=, <, >, <=, >=, :, ><, <>, names),
# flags, icmp-type/icmp6-type, keep/modulate/synproxy/no state, state options,
# label, tag, tagged, queue, rtable.
import os
import re

ACTIONS = ("pass", "block", "match")
STATE_KW = ("keep", "modulate", "synproxy")


class PfError(Exception):
    def __init__(self, line, msg):
        Exception.__init__(self, msg)
        self.line = line
        self.msg = msg


class Rule:
    def __init__(self, kind):
        self.kind = kind            # pass block match scrub nat rdr binat anchor
        self.action = kind
        self.blockpolicy = None     # drop / return / return-rst ...
        self.direction = None
        self.log = False
        self.quick = False
        self.ifaces = []            # [(neg, name)]
        self.af = None
        self.protos = []
        self.src = [(False, "any")]
        self.sport = []
        self.dst = [(False, "any")]
        self.dport = []
        self.all = False
        self.flags = None
        self.icmp = []
        self.state = None           # "keep state" ...
        self.stateopts = ""
        self.extra = []             # printed verbatim (label, tag ...)
        self.redirect = None        # nat/rdr target text
        self.rpass = False
        self.scrubopts = ""
        self.anchor = None
        self.line = 0


def _strip_comment(line):
    out = []
    q = None
    for c in line:
        if q:
            out.append(c)
            if c == q:
                q = None
        elif c in "\"'":
            q = c
            out.append(c)
        elif c == "#":
            break
        else:
            out.append(c)
    return "".join(out)


TOKEN_RE = re.compile(r'"[^"]*"|\'[^\']*\'|<[^>\s]*>|->|!=|<=|>=|><|<>|[{}(),=!<>:]|[^\s{}(),=!<>"\']+')


def tokenize(text):
    return TOKEN_RE.findall(text)


def logical_lines(text):
    """Lines with backslash continuations joined; yields (lineno, text)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        start = i + 1
        cur = _strip_comment(lines[i])
        while cur.rstrip().endswith("\\") and i + 1 < len(lines):
            i += 1
            cur = cur.rstrip()[:-1] + " " + _strip_comment(lines[i])
        i += 1
        yield start, cur


class Parser:
    def __init__(self, fname, text, defines=None):
        self.fname = fname
        self.text = text
        self.macros = dict(defines or {})
        self.rules = []      # filter + scrub
        self.trans = []      # nat, rdr, binat
        self.tables = {}
        self.options = {"skip": [], "block-policy": "drop"}
        self.errors = []

    def error(self, line, msg):
        self.errors.append("%s:%d: %s" % (self.fname, line, msg))

    def expand_macros(self, lineno, s):
        def repl(m):
            name = m.group(1)
            if name not in self.macros:
                raise PfError(lineno, "macro '%s' not defined" % name)
            return self.macros[name]
        for _ in range(8):
            if "$" not in s:
                break
            s = re.sub(r"\$([A-Za-z_][A-Za-z0-9_]*)", repl, s)
        return s

    def parse(self):
        for lineno, raw in logical_lines(self.text):
            if not raw.strip():
                continue
            try:
                m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$", raw)
                if m and m.group(1) not in ("set",) and not raw.lstrip().startswith(("pass", "block", "match")):
                    val = m.group(2)
                    if val.startswith('"') and val.endswith('"') and len(val) >= 2:
                        val = val[1:-1]
                    elif val.startswith('"'):
                        raise PfError(lineno, "syntax error")
                    self.macros[m.group(1)] = self.expand_macros(lineno, val)
                    continue
                toks = tokenize(self.expand_macros(lineno, raw))
                self.statement(lineno, toks)
            except PfError as e:
                self.error(e.line, e.msg)
                if e.msg != "syntax error" and "not defined" in e.msg:
                    self.error(e.line, "syntax error")
        return not self.errors

    # ---------------------------------------------------------- helpers
    def statement(self, lineno, toks):
        t = Tokens(toks, lineno)
        w = t.peek()
        if w == "set":
            t.next()
            self.option(t)
        elif w == "table":
            t.next()
            self.table(t)
        elif w in ("pass", "block", "match"):
            self.rules.append(self.filter_rule(t))
        elif w == "scrub":
            self.rules.append(self.scrub_rule(t))
        elif w in ("nat", "rdr", "binat", "no"):
            self.trans.append(self.trans_rule(t))
        elif w in ("anchor", "nat-anchor", "rdr-anchor", "binat-anchor"):
            r = Rule(t.next())
            r.line = lineno
            if t.peek() and t.peek().startswith('"'):
                r.anchor = t.next().strip('"')
            rest = " ".join(t.rest())
            if "{" in rest:
                raise PfError(lineno, "syntax error") if rest.count("{") != rest.count("}") else None
            r.extra = [rest] if rest else []
            (self.trans if r.kind != "anchor" else self.rules).append(r)
        elif w == "load":
            t.rest()
        elif w in ("altq", "queue"):
            t.rest()
        else:
            raise PfError(lineno, "syntax error")

    def option(self, t):
        o = t.next()
        if o == "skip":
            t.expect("on")
            self.options["skip"] += [x for _, x in self.list_of(t)]
        elif o == "block-policy":
            v = t.next()
            if v not in ("drop", "return"):
                raise PfError(t.line, "syntax error")
            self.options["block-policy"] = v
        elif o in ("loginterface", "optimization", "state-policy", "ruleset-optimization",
                   "debug", "hostid", "fingerprints", "reassemble", "keepcounters", "syncookies",
                   "state-defaults", "require-order"):
            if t.peek() is None:
                raise PfError(t.line, "syntax error")
            self.options[o] = " ".join(t.rest())
        elif o in ("timeout", "limit"):
            if t.peek() is None:
                raise PfError(t.line, "syntax error")
            self.options.setdefault(o, []).append(" ".join(t.rest()))
        else:
            raise PfError(t.line, "syntax error")
        if t.peek() is not None:
            raise PfError(t.line, "syntax error")

    def table(self, t):
        name = t.next()
        if not name or not name.startswith("<") or not name.endswith(">"):
            raise PfError(t.line, "syntax error")
        name = name[1:-1]
        flags = []
        addrs = []
        while t.peek() is not None:
            w = t.next()
            if w in ("persist", "const", "counters"):
                flags.append(w)
            elif w == "file":
                f = t.next()
                try:
                    from emu_common import rp
                    with open(rp(f.strip('"'))) as fh:
                        for line in fh:
                            line = _strip_comment(line).strip()
                            if line:
                                addrs.append(line)
                except (OSError, AttributeError):
                    raise PfError(t.line, "cannot load \"%s\": No such file or directory" % f.strip('"'))
            elif w == "{":
                while True:
                    a = t.next()
                    if a is None:
                        raise PfError(t.line, "syntax error")
                    if a == "}":
                        break
                    if a == ",":
                        continue
                    if a == "!":
                        a = "!" + t.next()
                    check_host(a.lstrip("!"), t.line)
                    addrs.append(a)
            else:
                raise PfError(t.line, "syntax error")
        self.tables[name] = {"flags": flags, "addrs": addrs}

    def list_of(self, t):
        """Either one item or { a, b c }; items may be negated with !."""
        out = []
        if t.peek() == "{":
            t.next()
            while True:
                w = t.next()
                if w is None:
                    raise PfError(t.line, "syntax error")
                if w == "}":
                    break
                if w == ",":
                    continue
                neg = False
                if w == "!":
                    neg = True
                    w = t.next()
                out.append((neg, w))
            if not out:
                raise PfError(t.line, "syntax error")
            return out
        neg = False
        w = t.next()
        if w == "!":
            neg = True
            w = t.next()
        if w is None:
            raise PfError(t.line, "syntax error")
        return [(neg, w)]

    def hosts(self, t):
        out = []
        for neg, w in self.list_of_hosts(t):
            out.append((neg,) + w)
        return out

    def list_of_hosts(self, t):
        items = []
        if t.peek() == "{":
            t.next()
            while True:
                w = t.peek()
                if w is None:
                    raise PfError(t.line, "syntax error")
                if w == "}":
                    t.next()
                    break
                if w == ",":
                    t.next()
                    continue
                items.append(self.one_host(t))
            return items
        return [self.one_host(t)]

    def one_host(self, t):
        neg = False
        if t.peek() == "!":
            t.next()
            neg = True
        w = t.next()
        if w is None:
            raise PfError(t.line, "syntax error")
        if w == "(":
            name = t.next()
            if t.next() != ")":
                raise PfError(t.line, "syntax error")
            return neg, ("dyn", name)
        if w.startswith("<") and w.endswith(">"):
            return neg, ("table", w[1:-1])
        if w in ("any", "self", "no-route", "urpf-failed"):
            return neg, (w,)
        if t.peek() == "/" :
            t.next()
            w = w + "/" + t.next()
        check_host(w, t.line)
        return neg, ("addr", w)

    def ports(self, t):
        out = []
        items = []
        if t.peek() == "{":
            t.next()
            while True:
                w = t.peek()
                if w is None:
                    raise PfError(t.line, "syntax error")
                if w == "}":
                    t.next()
                    break
                if w == ",":
                    t.next()
                    continue
                items.append(self.one_port(t))
            out = items
        else:
            out = [self.one_port(t)]
        return out

    def one_port(self, t):
        w = t.next()
        if w in ("=", "!=", "<", ">", "<=", ">="):
            v = t.next()
            return (w, port_number(v, t.line))
        if w is None:
            raise PfError(t.line, "syntax error")
        a = port_number(w, t.line)
        if t.peek() in (":", "><", "<>"):
            op = t.next()
            b = port_number(t.next(), t.line)
            return (op, a, b)
        return ("=", a)

    def addr_part(self, t, r):
        if t.peek() == "all":
            t.next()
            r.all = True
            return
        if t.peek() == "from":
            t.next()
            if t.peek() != "port":
                r.src = self.hosts(t)
            if t.peek() == "port":
                t.next()
                r.sport = self.ports(t)
        if t.peek() == "to":
            t.next()
            if t.peek() != "port":
                r.dst = self.hosts(t)
            if t.peek() == "port":
                t.next()
                r.dport = self.ports(t)

    def common_head(self, t, r):
        if t.peek() in ("in", "out"):
            r.direction = t.next()
        if t.peek() == "log":
            t.next()
            r.log = True
            if t.peek() == "(":
                while t.next() != ")":
                    pass
        if t.peek() == "quick":
            t.next()
            r.quick = True
        if t.peek() == "on":
            t.next()
            r.ifaces = self.list_of(t)
        if t.peek() in ("inet", "inet6"):
            r.af = t.next()
        if t.peek() == "proto":
            t.next()
            r.protos = [w for _, w in self.list_of(t)]
            for p in r.protos:
                if p not in ("tcp", "udp", "icmp", "icmp6", "ipv6-icmp", "esp", "ah", "gre", "carp", "pfsync", "ospf", "igmp", "sctp") and not p.isdigit():
                    raise PfError(t.line, "unknown protocol %s" % p)

    def filter_rule(self, t):
        r = Rule(t.next())
        r.line = t.line
        if r.kind == "block" and t.peek() in ("drop", "return", "return-rst", "return-icmp", "return-icmp6"):
            r.blockpolicy = t.next()
        self.common_head(t, r)
        self.addr_part(t, r)
        self.rule_opts(t, r)
        if (r.sport or r.dport) and r.protos and any(p not in ("tcp", "udp") for p in r.protos):
            raise PfError(t.line, "port only applies to tcp/udp")
        if (r.sport or r.dport) and not r.protos:
            raise PfError(t.line, "port only applies to tcp/udp")
        return r

    def rule_opts(self, t, r):
        while t.peek() is not None:
            w = t.next()
            if w == "flags":
                f = t.next()
                if f == "any":
                    r.flags = "any"
                else:
                    if t.peek() == "/":
                        t.next()
                        f = f + "/" + t.next()
                    r.flags = f
            elif w in ("icmp-type", "icmp6-type"):
                r.icmp = [(w, x) for _, x in self.list_of(t)]
                if t.peek() == "code":
                    t.next()
                    t.next()
            elif w in STATE_KW:
                if t.next() != "state":
                    raise PfError(t.line, "syntax error")
                r.state = w + " state"
                if t.peek() == "(":
                    t.next()
                    opts = []
                    while t.peek() not in (")", None):
                        opts.append(t.next())
                    if t.next() != ")":
                        raise PfError(t.line, "syntax error")
                    r.stateopts = " (" + " ".join(opts).replace(" ,", ",") + ")"
            elif w == "no":
                if t.next() != "state":
                    raise PfError(t.line, "syntax error")
                r.state = "no state"
            elif w in ("label", "tag", "tagged", "queue", "rtable", "max-mss", "allow-opts",
                       "fragment", "no-df", "min-ttl", "set-tos", "tos", "user", "group",
                       "probability", "prio", "set", "divert-to", "route-to", "reply-to",
                       "dup-to", "os", "once", "dnpipe", "dnqueue", "ridentifier"):
                val = [w]
                if w in ("allow-opts", "fragment", "no-df", "once"):
                    pass
                elif t.peek() == "(":
                    while t.peek() not in (")", None):
                        val.append(t.next())
                    val.append(t.next() or "")
                else:
                    nxt = t.next()
                    if nxt is None:
                        raise PfError(t.line, "syntax error")
                    val.append(nxt)
                r.extra.append(" ".join(val).replace("( ", "(").replace(" )", ")"))
            elif w == "scrub":
                if t.peek() == "(":
                    val = []
                    while t.peek() not in (")", None):
                        val.append(t.next())
                    t.next()
                    r.extra.append("scrub (" + " ".join(val[1:]) + ")")
            else:
                raise PfError(t.line, "syntax error")

    def scrub_rule(self, t):
        r = Rule(t.next())
        r.line = t.line
        self.common_head(t, r)
        self.addr_part(t, r)
        opts = []
        while t.peek() is not None:
            w = t.next()
            if w in ("fragment",):
                v = t.next()
                if v not in ("reassemble", "crop", "drop-ovl"):
                    raise PfError(t.line, "syntax error")
                opts.append("fragment " + v)
            elif w in ("no-df", "random-id", "reassemble"):
                opts.append(w if w != "reassemble" else "reassemble " + t.next())
            elif w in ("min-ttl", "max-mss", "set-tos"):
                opts.append(w + " " + t.next())
            elif w in ("(", ")", ","):
                continue
            else:
                raise PfError(t.line, "syntax error")
        if not any(o.startswith("fragment") for o in opts):
            opts.append("fragment reassemble")
        r.scrubopts = " ".join(opts)
        return r

    def trans_rule(self, t):
        w = t.next()
        no = False
        if w == "no":
            no = True
            w = t.next()
            if w not in ("nat", "rdr", "binat"):
                raise PfError(t.line, "syntax error")
        r = Rule(w)
        r.line = t.line
        r.no = no
        if t.peek() == "pass":
            t.next()
            r.rpass = True
            if t.peek() == "log":
                t.next()
                r.log = True
        elif t.peek() == "log":
            t.next()
            r.log = True
        if t.peek() == "on":
            t.next()
            r.ifaces = self.list_of(t)
        if t.peek() in ("inet", "inet6"):
            r.af = t.next()
        if t.peek() == "proto":
            t.next()
            r.protos = [x for _, x in self.list_of(t)]
        self.addr_part(t, r)
        if r.kind == "rdr" and r.dport and not r.protos:
            raise PfError(t.line, "port only applies to tcp/udp")
        if not no:
            if t.next() != "->":
                raise PfError(t.line, "syntax error")
            tgt = self.list_of_hosts(t)
            parts = []
            for neg, h in tgt:
                parts.append(fmt_host((neg,) + h))
            text = parts[0] if len(parts) == 1 else "{ " + ", ".join(parts) + " }"
            if t.peek() == "port":
                t.next()
                p = t.next()
                if t.peek() == ":":
                    t.next()
                    p = p + ":" + t.next()
                if p == "*":
                    text += " port *"
                else:
                    text += " port " + str(port_number(p.split(":")[0], t.line)) + (":" + p.split(":")[1] if ":" in p else "")
            while t.peek() is not None:
                w2 = t.next()
                if w2 in ("static-port", "round-robin", "random", "source-hash", "bitmask", "sticky-address", "port"):
                    text += " " + w2
                else:
                    raise PfError(t.line, "syntax error")
            if any(h[0] == "dyn" for _, h in tgt) and r.kind == "nat" and "round-robin" not in text:
                text += " round-robin"
            r.redirect = text
        elif t.peek() is not None:
            raise PfError(t.line, "syntax error")
        return r


class Tokens:
    def __init__(self, toks, line):
        self.toks = toks
        self.i = 0
        self.line = line

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def next(self):
        w = self.peek()
        if w is not None:
            self.i += 1
        return w

    def expect(self, w):
        if self.next() != w:
            raise PfError(self.line, "syntax error")

    def rest(self):
        r = self.toks[self.i:]
        self.i = len(self.toks)
        return r


def check_host(w, line):
    import ipaddress
    try:
        if "/" in w:
            ipaddress.ip_network(w, strict=False)
        else:
            ipaddress.ip_address(w)
        return
    except ValueError:
        pass
    if re.match(r"^[A-Za-z][A-Za-z0-9_]*[0-9]*(:network|:broadcast|:peer|:0)?$", w):
        return   # an interface name (its addresses)
    raise PfError(line, "could not parse host specification")


_SERVICES = None


def _services():
    global _SERVICES
    if _SERVICES is None:
        _SERVICES = {}
        for path in ("/etc/services",):
            try:
                with open(path) as f:
                    for line in f:
                        parts = line.split("#", 1)[0].split()
                        if len(parts) >= 2 and "/" in parts[1]:
                            num, proto = parts[1].split("/", 1)
                            for n in [parts[0]] + parts[2:]:
                                _SERVICES.setdefault((n, proto), int(num))
                            _SERVICES.setdefault((int(num), proto), parts[0])
            except OSError:
                pass
        # FreeBSD's /etc/services names where Debian's differ (pfctl prints these).
        for n, p in (("domain", 53), ("ssh", 22), ("smtp", 25), ("http", 80), ("https", 443),
                     ("imap", 143), ("submission", 587), ("sieve", 4190), ("imaps", 993),
                     ("pop3", 110), ("pop3s", 995), ("ntp", 123), ("ftp", 21), ("telnet", 23)):
            for proto in ("tcp", "udp"):
                _SERVICES[(n, proto)] = p
                _SERVICES[(p, proto)] = n
    return _SERVICES


def port_number(w, line):
    if w is None:
        raise PfError(line, "syntax error")
    if w.isdigit():
        v = int(w)
        if v > 65535:
            raise PfError(line, "illegal port value %s" % w)
        return v
    s = _services()
    if (w, "tcp") in s:
        return s[(w, "tcp")]
    if (w, "udp") in s:
        return s[(w, "udp")]
    raise PfError(line, "unknown port %s" % w)


def port_name(n, proto):
    return _services().get((n, proto or "tcp"), str(n))


def fmt_host(h):
    neg = "! " if h[0] else ""
    k = h[1]
    if k == "any":
        return neg + "any"
    if k in ("self", "no-route", "urpf-failed"):
        return neg + k
    if k == "table":
        return neg + "<" + h[2] + ">"
    if k == "dyn":
        return neg + "(" + h[2] + ")"
    return neg + h[2]


def fmt_port(p, proto):
    if p[0] in (":", "><", "<>"):
        return "port %d %s %d" % (p[1], p[0], p[2])
    return "port %s %s" % (p[0], port_name(p[1], proto))


def expand(r):
    """Lists become one rule each, as pfctl prints them."""
    out = []
    ifaces = r.ifaces or [None]
    protos = r.protos or [None]
    srcs = r.src
    dsts = r.dst
    sps = r.sport or [None]
    dps = r.dport or [None]
    icmps = r.icmp or [None]
    for i in ifaces:
        for p in protos:
            for s in srcs:
                for sp in sps:
                    for d in dsts:
                        for dp in dps:
                            for ic in icmps:
                                out.append((i, p, s, sp, d, dp, ic))
    return out


def fmt_rule(r, opts):
    lines = []
    for i, p, s, sp, d, dp, ic in expand(r):
        w = []
        if r.kind in ("nat", "rdr", "binat"):
            w.append(("no " if getattr(r, "no", False) else "") + r.kind)
            if r.rpass:
                w.append("pass")
        elif r.kind == "scrub":
            w.append("scrub")
        else:
            w.append(r.kind)
            if r.kind == "block":
                w.append(r.blockpolicy or opts.get("block-policy", "drop"))
        if r.direction:
            w.append(r.direction)
        if r.log:
            w.append("log")
        if r.quick:
            w.append("quick")
        if i:
            w.append("on " + ("! " if i[0] else "") + i[1])
        if r.af:
            w.append(r.af)
        if p:
            w.append("proto " + p)
        if r.all or (s == (False, "any") and d == (False, "any") and not sp and not dp):
            w.append("all")
        else:
            w.append("from " + fmt_host(s))
            if sp:
                w.append(fmt_port(sp, p))
            w.append("to " + fmt_host(d))
            if dp:
                w.append(fmt_port(dp, p))
        if ic:
            w.append("%s %s" % ic)
        if r.kind in ("pass", "match") or (r.kind == "block" and r.state):
            if r.kind == "pass" and r.flags is None and (p in (None, "tcp")) and r.state != "no state":
                w.append("flags S/SA")
            elif r.flags and r.flags != "any":
                w.append("flags " + r.flags)
            if r.kind == "pass":
                if r.state is None:
                    w.append("keep state" + r.stateopts)
                elif r.state != "no state" or True:
                    w.append(r.state + r.stateopts)
        elif r.flags and r.flags != "any":
            w.append("flags " + r.flags)
        if r.kind == "scrub":
            w.append(r.scrubopts)
        w.extend(r.extra)
        if r.redirect:
            w.append("-> " + r.redirect)
        lines.append(" ".join(x for x in w if x))
    if r.kind in ("anchor", "nat-anchor", "rdr-anchor", "binat-anchor"):
        return ["%s \"%s\"%s" % (r.kind, r.anchor or "", (" " + " ".join(r.extra)) if r.extra else "")]
    return lines


def parse_text(fname, text, defines=None):
    p = Parser(fname, text, defines)
    p.parse()
    return p


# ---------------------------------------------------------------- nftables

def _nft_addr(h, direction, tables, fam):
    """nft match for one pf host as source ('s') or destination ('d')."""
    neg, kind = h[0], h[1]
    op = "!= " if neg else ""
    if kind == "any":
        return "" if not neg else None
    if kind in ("self", "dyn"):
        return "fib %saddr type %slocal" % (direction, op)
    if kind == "table":
        addrs = tables.get(h[2], {}).get("addrs", [])
        v4 = [a for a in addrs if ":" not in a and not a.startswith("!")]
        v6 = [a for a in addrs if ":" in a and not a.startswith("!")]
        if fam == "ip6":
            return "ip6 %saddr %s{ %s }" % (direction, op, ", ".join(v6)) if v6 else (None if not neg else "")
        return "ip %saddr %s{ %s }" % (direction, op, ", ".join(v4)) if v4 else (None if not neg else "")
    if kind == "addr":
        a = h[2]
        if re.match(r"^[A-Za-z]", a):
            return "fib %saddr type %slocal" % (direction, op)
        f = "ip6" if ":" in a else "ip"
        return "%s %saddr %s%s" % (f, direction, op, a)
    return None


def _nft_port(p, which):
    if p is None:
        return ""
    if p[0] == "=":
        return "th %s %d" % (which, p[1])
    if p[0] == "!=":
        return "th %s != %d" % (which, p[1])
    if p[0] in ("<", ">", "<=", ">="):
        return "th %s %s %d" % (which, p[0], p[1])
    if p[0] == ":":
        return "th %s %d-%d" % (which, p[1], p[2])
    if p[0] == "><":
        return "th %s %d-%d" % (which, p[1] + 1, p[2] - 1)
    if p[0] == "<>":
        return "th %s != %d-%d" % (which, p[1], p[2])
    return ""


def nft_rules(rules, tables, opts):
    """Filter rules of direction in (or none) as nft statements, pf order:
    first matching quick rule wins, else the last matching rule."""
    quick, last = [], []
    for r in rules:
        if r.kind not in ("pass", "block") or r.direction == "out":
            continue
        for i, p, s, sp, d, dp, ic in expand(r):
            parts = []
            if i:
                name = i[1]
                if name in ("lo0", "lo"):
                    parts.append('iifname %s"lo"' % ("!= " if i[0] else ""))
                elif name.startswith("vtnet") or name == "egress":
                    parts.append('iifname %s"lo"' % ("" if i[0] else "!= "))
                else:
                    continue   # emulated-only interface: no real packet arrives on it
            fams = [r.af] if r.af else [None]
            if not r.af and (s[1] == "table" or d[1] == "table"):
                fams = ["inet", "inet6"]
            for af in fams:
                fam = "ip6" if af == "inet6" else "ip"
                q = list(parts)
                if af:
                    q.append("meta nfproto %s" % ("ipv6" if af == "inet6" else "ipv4"))
                a = _nft_addr(s, "s", tables, fam)
                b = _nft_addr(d, "d", tables, fam)
                if a is None or b is None:
                    continue
                if (a.startswith("ip6") or b.startswith("ip6")) and af == "inet":
                    continue
                if (a.startswith("ip ") or b.startswith("ip ")) and af == "inet6":
                    continue
                q += [x for x in (a, b) if x]
                if p:
                    q.append("meta l4proto %s" % ("ipv6-icmp" if p == "icmp6" else p))
                q += [x for x in (_nft_port(sp, "sport"), _nft_port(dp, "dport")) if x]
                if r.kind == "pass":
                    verdict = "accept"
                else:
                    pol = r.blockpolicy or opts.get("block-policy", "drop")
                    if pol.startswith("return"):
                        verdict = "reject with tcp reset" if p == "tcp" else "reject"
                    else:
                        verdict = "drop"
                (quick if r.quick else last).append(" ".join(q + [verdict]))
    return quick + list(reversed(last))


def nft_script(rules, tables, opts):
    body = ["table inet emu_pf", "delete table inet emu_pf", "table inet emu_pf {",
            "\tchain input {", "\t\ttype filter hook input priority 0; policy accept;",
            "\t\tct state established,related accept"]
    for ifn in opts.get("skip", []):
        if ifn in ("lo0", "lo"):
            body.append('\t\tiifname "lo" accept')
        elif ifn.startswith("vtnet"):
            body.append('\t\tiifname != "lo" accept')
    for line in nft_rules(rules, tables, opts):
        body.append("\t\t" + line)
    body += ["\t}", "}"]
    return "\n".join(body) + "\n"


def nft_apply(script):
    """Replace table inet emu_pf atomically; returns an error text or None."""
    import shutil
    import subprocess
    nft = shutil.which("nft", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    if not nft:
        return "nft not found"
    r = subprocess.run([nft, "-f", "-"], input=script.encode(), capture_output=True)
    if r.returncode != 0:
        return r.stderr.decode(errors="replace").strip()
    return None


def nft_clear():
    return nft_apply("table inet emu_pf\ndelete table inet emu_pf\n")
