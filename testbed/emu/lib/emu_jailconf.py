# jail.conf(5) parser, following FreeBSD's usr.sbin/jail/jaillex.l, jailparse.y
# and config.c (load_config, add_param, bool_param): tokens, quoting and
# escapes, "+=", "$var"/"${var}" substitution per jail, wildcard "*" stanzas,
# parameters outside a stanza, comments, ".include" and the error messages
# jail(8) prints ("FILE line N: TOKEN: syntax error", "FILE: unexpected EOF").
import glob as _glob
import os

from emu_common import rp

ATOM = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
           "_!%&()-.:<>?@[]^`|~")
SINGLE = set("$*+/\\")
VARSTART = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
VARCHAR = VARSTART | set("0123456789")

# Parameters jail(8) handles itself (config.c intparams) and their kinds.
INTERNAL = {
    "allow.dying": "bool", "command": "", "depend": "", "exec.clean": "bool",
    "exec.consolelog": "", "exec.fib": "int", "exec.jail_user": "",
    "exec.poststart": "", "exec.poststop": "", "exec.prepare": "",
    "exec.prestart": "", "exec.prestop": "", "exec.release": "",
    "exec.created": "", "exec.start": "", "exec.stop": "",
    "exec.system_jail_user": "bool", "exec.system_user": "",
    "exec.timeout": "int", "interface": "", "ip_hostname": "bool",
    "mount": "", "mount.devfs": "bool", "mount.fdescfs": "bool",
    "mount.procfs": "bool", "mount.fstab": "", "stop.timeout": "int",
    "vnet.interface": "", "zfs.dataset": "",
}
# Kernel jail parameters of FreeBSD 14 (sysctl security.jail.param).
KERNEL_BOOL = {
    "persist", "dying", "vnet", "allow.set_hostname", "allow.sysvipc",
    "allow.raw_sockets", "allow.chflags", "allow.mount", "allow.quotas",
    "allow.socket_af", "allow.mlock", "allow.reserved_ports",
    "allow.read_msgbuf", "allow.unprivileged_proc_debug", "allow.suser",
    "allow.extattr", "allow.adjtime", "allow.settime", "allow.routing",
    "allow.unprivileged_parent_tampering", "allow.nfsd", "allow.kmem",
    "allow.mount.devfs", "allow.mount.fdescfs", "allow.mount.fusefs",
    "allow.mount.nullfs", "allow.mount.procfs", "allow.mount.linprocfs",
    "allow.mount.linsysfs", "allow.mount.tmpfs", "allow.mount.zfs",
    "allow.vmm", "ip4.saddrsel", "ip6.saddrsel",
}
KERNEL_OTHER = {
    "jid", "name", "path", "parent", "securelevel", "enforce_statfs",
    "devfs_ruleset", "children.max", "children.cur", "cpuset.id",
    "host.hostname", "host.domainname", "host.hostuuid", "host.hostid", "host",
    "ip4", "ip4.addr", "ip6", "ip6.addr", "osrelease", "osreldate",
    "sysvmsg", "sysvsem", "sysvshm", "linux", "linux.osname",
    "linux.osrelease", "linux.oss_version", "zfs.mount_snapshot", "nfsd",
}
KERNEL_JAILSYS = {"host", "ip4", "ip6", "sysvmsg", "sysvsem", "sysvshm", "linux", "vnet"}


class ConfError(Exception):
    """A message jail(8) prints with its "jail: " prefix, then exits 1."""


def strip_no(name):
    head, dot, last = name.rpartition(".")
    if last.startswith("no"):
        return head + dot + last[2:]
    return name


def equalopts(a, b):
    if a == b:
        return True
    return strip_no(a) == strip_no(b) and (a.rpartition(".")[0] == b.rpartition(".")[0])


def bool_value(name, values):
    """config.c bool_param(): a "no" prefix negates; empty means true."""
    neg = name.rpartition(".")[2].startswith("no")
    if not values:
        val = True
    else:
        last = values[-1]
        val = last.lower() == "true" or _strtol(last) != 0
    return val != neg


def _strtol(s):
    s = s.strip()
    sign = 1
    i = 0
    if s[:1] in "+-":
        sign = -1 if s[0] == "-" else 1
        i = 1
    j = i
    while j < len(s) and s[j].isdigit():
        j += 1
    return sign * int(s[i:j]) if j > i else 0


def known_param(name):
    if name in INTERNAL or strip_no(name) in INTERNAL:
        return True
    if name in KERNEL_OTHER or name in KERNEL_BOOL or strip_no(name) in KERNEL_BOOL:
        return True
    if name.startswith("allow.mount.") or name.startswith("linux.") or name.startswith("mac."):
        return True
    return False


# ---------------------------------------------------------------- lexer

class Tok:
    __slots__ = ("kind", "piece", "cont", "raw", "line")

    def __init__(self, kind, raw, line, piece=None, cont=False):
        self.kind = kind      # ';' ',' '=' '{' '}' 'PLEQ' 'S' 'EOF' 'BAD'
        self.piece = piece    # for 'S': ('lit', text) or ('var', name)
        self.cont = cont      # 'S' continuing the previous string (STR1/VAR1)
        self.raw = raw
        self.line = line


def _unescape(text, i, end):
    """Decode one backslash escape starting after the backslash at text[i]."""
    c = text[i]
    if c in "01234567":
        j = i
        v = 0
        while j < end and j < i + 3 and text[j] in "01234567":
            v = v * 8 + int(text[j])
            j += 1
        return chr(v & 0xff), j
    if c == "x":
        j = i + 1
        v = 0
        n = 0
        while j < end and n < 2 and text[j] in "0123456789abcdefABCDEF":
            v = v * 16 + int(text[j], 16)
            j += 1
            n += 1
        return chr(v), j
    table = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\n": ""}
    return table.get(c, c), i + 1


def _text2lval(text, start, end, tovar):
    """jaillex.l text2lval(): decode escapes; stop at an unescaped '$' if tovar."""
    out = []
    i = start
    while i < end:
        c = text[i]
        if c != "\\":
            if tovar and c == "$":
                return "".join(out), i
            out.append(c)
            i += 1
            continue
        if i + 1 >= end:
            i += 1
            continue
        s, i = _unescape(text, i + 1, end)
        out.append(s)
    return "".join(out), -1


class Lexer:
    def __init__(self, text, cfname):
        self.t = text
        self.n = len(text)
        self.i = 0
        self.line = 1
        self.cfname = cfname
        self.instr = False
        self.dq = False   # inside a double-quoted string after a variable

    def err(self, msg):
        raise ConfError("%s line %d: %s" % (self.cfname, self.line, msg))

    def _adv(self, j):
        self.line += self.t.count("\n", self.i, j)
        self.i = j

    def _piece(self, raw, piece):
        cont = self.instr
        self.instr = True
        return Tok("S", raw, self.line, piece, cont)

    def _dq_string(self, start, skip):
        """A double-quoted string (or its rest after a variable) from start."""
        t = self.t
        j = start + skip
        while j < self.n:
            c = t[j]
            if c == "\\":
                j += 2
                continue
            if c == '"':
                break
            j += 1
        if j >= self.n:
            self.err("unterminated string")
        val, atvar = _text2lval(t, start + skip, j, True)
        raw = t[start:j + 1]
        if atvar < 0:
            self.dq = False
            self._adv(j + 1)
        else:
            self.dq = True
            self._adv(atvar)
        return self._piece(raw, ("lit", val))

    def _var(self):
        t = self.t
        i = self.i
        if i + 1 < self.n and t[i + 1] == "{":
            j = i + 2
            while j < self.n and t[j] not in "{}\n" and not (self.dq and t[j] == '"'):
                if t[j] == "\\":
                    j += 1
                j += 1
            if j >= self.n or t[j] != "}":
                self.err("unterminated variable")
            name, _ = _text2lval(t, i + 2, j, False)
            raw = t[i:j + 1]
            self._adv(j + 1)
            return self._piece(raw, ("var", name))
        j = i + 1
        while j < self.n and t[j] in VARCHAR:
            j += 1
        raw = t[i:j]
        self._adv(j)
        return self._piece(raw, ("var", raw[1:]))

    def next(self):
        t = self.t
        while True:
            if self.i >= self.n:
                if self.dq:
                    self.err("unterminated string")
                return Tok("EOF", "", self.line)
            c = t[self.i]
            if self.dq:
                if c == '"':
                    self.dq = False
                    self._adv(self.i + 1)
                    continue
                if c == "$" and self.i + 1 < self.n and (t[self.i + 1] in VARSTART or t[self.i + 1] == "{"):
                    return self._var()
                if c == "\\":
                    s, j = _unescape(t, self.i + 1, self.n)
                    raw = t[self.i:j]
                    self._adv(j)
                    return self._piece(raw, ("lit", s))
                if c == "$":
                    self._adv(self.i + 1)
                    return self._piece("$", ("lit", "$"))
                return self._dq_string(self.i, 0)
            if c in " \t\r\n":
                j = self.i
                while j < self.n and t[j] in " \t\r\n":
                    j += 1
                self._adv(j)
                self.instr = False
                continue
            if c == "#" or t.startswith("//", self.i):
                j = t.find("\n", self.i)
                self._adv(self.n if j < 0 else j)
                self.instr = False
                continue
            if t.startswith("/*", self.i):
                j = t.find("*/", self.i + 2)
                if j < 0:
                    self.err("unterminated comment")
                self._adv(j + 2)
                self.instr = False
                continue
            if t.startswith("+=", self.i):
                self._adv(self.i + 2)
                self.instr = False
                return Tok("PLEQ", "+=", self.line)
            if c in ",;={}":
                self._adv(self.i + 1)
                self.instr = False
                return Tok(c, c, self.line)
            if c in ATOM:
                j = self.i
                while j < self.n and t[j] in ATOM:
                    j += 1
                raw = t[self.i:j]
                self._adv(j)
                return self._piece(raw, ("lit", raw))
            if c == "\\":
                if self.i + 1 >= self.n:
                    self._adv(self.n)
                    return self._piece("\\", ("lit", "\\"))
                s, j = _unescape(t, self.i + 1, self.n)
                raw = t[self.i:j]
                self._adv(j)
                return self._piece(raw, ("lit", s))
            if c == "$" and self.i + 1 < self.n and (t[self.i + 1] in VARSTART or t[self.i + 1] == "{"):
                return self._var()
            if c in SINGLE:
                self._adv(self.i + 1)
                return self._piece(c, ("lit", c))
            if c == "'":
                j = self.i + 1
                while j < self.n and t[j] != "'":
                    j += 2 if t[j] == "\\" else 1
                if j >= self.n:
                    self.err("unterminated string")
                val, _ = _text2lval(t, self.i + 1, j, False)
                raw = t[self.i:j + 1]
                self._adv(j + 1)
                return self._piece(raw, ("lit", val))
            if c == '"':
                return self._dq_string(self.i, 1)
            self._adv(self.i + 1)
            return Tok("BAD", c, self.line)


# ---------------------------------------------------------------- parser

class Param:
    __slots__ = ("name", "vals", "append", "var")

    def __init__(self, name, vals, append=False, var=False):
        self.name = name
        self.vals = vals          # list of strings; a string is a list of pieces
        self.append = append
        self.var = var


class CfJail:
    def __init__(self, name):
        self.name = name
        self.params = []


class Parser:
    def __init__(self, cfname, jails, depth=0):
        self.cfname = cfname
        self.jails = jails
        self.depth = depth

    def parse_file(self):
        try:
            with open(rp(self.cfname)) as f:
                text = f.read()
        except OSError as e:
            raise ConfError("%s: %s" % (self.cfname, e.strerror))
        self.parse_text(text)

    def parse_text(self, text):
        self.lx = Lexer(text, self.cfname)
        self.tok = self.lx.next()
        while self.tok.kind != "EOF":
            if self.tok.kind == ";":
                self.advance()
                continue
            if self.tok.kind != "S" or self.tok.cont:
                self.syntax()
            first = self.tok
            self.advance()
            if self.tok.kind == "{" and first.piece[0] == "lit":
                self.advance()
                j = CfJail(first.piece[1])
                self.param_list(j)
                self.jails.append(j)
                continue
            p = self.param_rest(first)
            self.expect(";")
            if p.name.startswith(".") and not p.var:
                self.directive(p, first)
                continue
            if not self.jails or self.jails[-1].name != "*":
                self.jails.append(CfJail("*"))
            self.jails[-1].params.append(p)

    def directive(self, p, tok):
        if p.name != ".include":
            raise ConfError('%s line %d: unknown directive "%s"' % (self.cfname, tok.line, p.name))
        for s in p.vals:
            if any(k == "var" for k, _ in s):
                raise ConfError("%s line %d: .include: filename must be a literal string" % (self.cfname, tok.line))
            pattern = "".join(v for _, v in s)
            if any(ch in pattern for ch in "*?["):
                files = sorted(_glob.glob(rp(pattern)))
                root = rp("/")[:-1] if rp("/") != "/" else ""
                files = [f[len(root):] for f in files]
            else:
                files = [pattern]
            if self.depth > 32:
                raise ConfError("%s: too many nested includes" % pattern)
            for f in files:
                Parser(f, self.jails, self.depth + 1).parse_file()

    def advance(self):
        self.tok = self.lx.next()

    def syntax(self):
        if self.tok.kind == "EOF":
            raise ConfError("%s: unexpected EOF" % self.cfname)
        raise ConfError("%s line %d: %s: syntax error" % (self.cfname, self.lx.line, self.tok.raw))

    def expect(self, kind):
        if self.tok.kind != kind:
            self.syntax()
        self.advance()

    def param_list(self, j):
        while True:
            k = self.tok.kind
            if k == "}":
                self.advance()
                return
            if k == ";":
                self.advance()
                continue
            if k != "S" or self.tok.cont:
                self.syntax()
            first = self.tok
            self.advance()
            j.params.append(self.param_rest(first))
            self.expect(";")

    def param_rest(self, first):
        kind, name = first.piece
        if self.tok.kind == "S" and self.tok.cont:
            self.syntax()
        p = Param(name, [], var=(kind == "var"))
        k = self.tok.kind
        if k == "=":
            self.advance()
            p.vals = self.value()
        elif k == "PLEQ":
            self.advance()
            p.vals = self.value()
            p.append = True
        elif k == "S":
            p.vals = self.value()
        return p

    def value(self):
        vals = [self.string()]
        while self.tok.kind == ",":
            self.advance()
            vals.append(self.string())
        return vals

    def string(self):
        if self.tok.kind != "S" or self.tok.cont:
            self.syntax()
        pieces = [self.tok.piece]
        self.advance()
        while self.tok.kind == "S" and self.tok.cont:
            pieces.append(self.tok.piece)
            self.advance()
        return pieces


# ---------------------------------------------------------------- resolution

def wild_name(name):
    return "*" in name


def wild_match(jname, wname):
    """config.c wild_jail_match(): a non-final "*" component matches one jail
    name component, a final "*" one or more."""
    jc, wc = jname, wname
    while "." in jc and "." in wc:
        jd = jc.index(".")
        wd = wc.index(".")
        if not wc.startswith("*.") and wc[:wd + 1] != jc[:wd + 1]:
            return False
        jc, wc = jc[jd + 1:], wc[wd + 1:]
    return jc == wc or wc == "*"


class Jail:
    """A configured jail after wildcards and variables are resolved."""

    def __init__(self, name):
        self.name = name
        self.params = []       # [name, [values]] in order
        self.errors = []

    def get(self, name):
        for pn, vals in self.params:
            if equalopts(pn, name):
                return pn, vals
        return None

    def values(self, name):
        p = self.get(name)
        return p[1] if p else []

    def string(self, name):
        v = self.values(name)
        return v[-1] if v else None

    def has(self, name):
        return self.get(name) is not None

    def bool(self, name):
        p = self.get(name)
        return bool_value(p[0], p[1]) if p else False


def _add_param(plist, name, vals, append, var, jname, errors):
    for dp in plist:
        if equalopts(dp.name, name):
            if dp.var != var:
                errors.append('variable "$%s" cannot have the same name as a parameter.' % name)
                return
            if dp.name in ("name", "jid") and dp.name == name and dp.vals:
                errors.append('cannot redefine parameter "%s".' % dp.name)
                return
            dp.name = name
            if not append or not vals:
                dp.vals = []
            dp.vals = dp.vals + [list(s) for s in vals]
            return
    plist.append(Param(name, [list(s) for s in vals], append, var))


def resolve(cfjails):
    """load_config(): give each named jail its own, global and wildcard params."""
    wild = [(seq, j) for seq, j in enumerate(cfjails) if wild_name(j.name)]
    out = []
    for seq, j in enumerate(cfjails):
        if wild_name(j.name):
            continue
        errors = []
        plist = []
        implied = "jid" if j.name.isdigit() and int(j.name) != 0 else "name"
        plist.append(Param(implied, [[("lit", j.name)]]))
        did_self = False
        for wseq, wj in wild:
            if seq < wseq and not did_self:
                for p in j.params:
                    _add_param(plist, p.name, p.vals, p.append, p.var, j.name, errors)
                did_self = True
            if wild_match(j.name, wj.name):
                for p in wj.params:
                    _add_param(plist, p.name, p.vals, p.append, p.var, j.name, errors)
        if not did_self:
            for p in j.params:
                _add_param(plist, p.name, p.vals, p.append, p.var, j.name, errors)
        rj = Jail(j.name)
        rj.errors = errors
        _substitute(rj, plist)
        out.append(rj)
    return out


def _substitute(rj, plist):
    done = {}
    active = set()
    byname = {}
    for p in plist:
        byname.setdefault(p.name, p)

    class Bad(Exception):
        pass

    def expand(p):
        if id(p) in done:
            if done[id(p)] is None:
                raise Bad()
            return done[id(p)]
        if id(p) in active:
            raise Bad("loop")
        active.add(id(p))
        try:
            res = []
            for s in p.vals:
                if all(k == "lit" for k, _ in s):
                    res.append("".join(v for _, v in s))
                    continue
                text = []
                multi = None
                for k, v in s:
                    if k == "lit":
                        text.append(v)
                        continue
                    vp = byname.get(v)
                    if vp is None or not vp.vals:
                        rj.errors.append('%s: variable "%s" not found' % (p.name, v))
                        raise Bad()
                    try:
                        vv = expand(vp)
                    except Bad as e:
                        if e.args and e.args[0] == "loop" and not any("variable loop" in m for m in rj.errors):
                            rj.errors.append("%s: variable loop" % v)
                        raise Bad()
                    if len(vv) > 1:
                        if len(s) > 1:
                            rj.errors.append("%s: array cannot be substituted inline" % p.name)
                            raise Bad()
                        multi = vv
                        break
                    text.append(vv[0])
                if multi is not None:
                    res.extend(multi)
                else:
                    res.append("".join(text))
            done[id(p)] = res
            return res
        except Bad:
            done[id(p)] = None
            raise
        finally:
            active.discard(id(p))

    for p in plist:
        try:
            vals = expand(p)
        except Bad:
            continue
        if not p.var:
            rj.params.append([p.name, vals])


def load(cfname):
    """Parse a config file (and its includes); raises ConfError."""
    jails = []
    Parser(cfname, jails).parse_file()
    return resolve(jails)


def load_text(text, cfname="STDIN"):
    jails = []
    Parser(cfname, jails).parse_text(text)
    return resolve(jails)


def check_params(j):
    """check_intparams()/import_params(): value formats and known names."""
    errs = []
    for name, vals in j.params:
        base = strip_no(name)
        kind = INTERNAL.get(name) or INTERNAL.get(base)
        if kind is None and (name in KERNEL_BOOL or base in KERNEL_BOOL):
            kind = "bool"
        if vals and kind == "bool":
            v = vals[-1]
            if v.lower() not in ("true", "false") and not _is_int(v):
                errs.append('%s: unknown boolean value "%s"' % (name, v))
        elif vals and kind == "int":
            if not _is_int(vals[-1]):
                errs.append('%s: non-integer value "%s"' % (name, vals[-1]))
    for name, vals in j.params:
        if not known_param(name):
            errs.append("unknown parameter: %s" % name)
    return errs


def _is_int(v):
    v = v.strip()
    if v[:1] in "+-":
        v = v[1:]
    return v.isdigit()
