# kldload(8), kldstat(8), kldunload(8) of FreeBSD 14.3 over the emulated
# kernel linker (emu_kld.py).  Messages, options and exit codes follow
# sbin/kldload/kldload.c, sbin/kldstat/kldstat.c, sbin/kldunload/kldunload.c
# (freebsd/freebsd-src).  Left out: kldload's path_check() warnings for a
# "NAME.ko" in the current directory; kldstat's -d (dependencies) and -h
# (humanized sizes) are accepted and ignored.
import errno
import getopt
import sys

import emu_kld
from emu_common import Lock, Prog

POINTER_WIDTH = 18  # sizeof(void *) * 2 + 2 on amd64


def _getopt(argv, spec, usage):
    try:
        return getopt.getopt(argv, spec)
    except getopt.GetoptError as e:
        sys.stderr.write("%s: %s -- %s\n" % (usage.prog, "illegal option" if "not recognized" in e.msg else "option requires an argument", e.opt))
        usage()


class Usage:
    def __init__(self, prog, text, code):
        self.prog, self.text, self.code = prog, text, code

    def __call__(self):
        sys.stderr.write(self.text)
        sys.exit(self.code)


# ------------------------------------------------------------------ kldload
def kldload_main(argv):
    P = Prog("kldload")
    usage = Usage("kldload", "usage: kldload [-nqv] file ...\n", 1)
    opts, args = _getopt(argv, "nqv", usage)
    quiet = verbose = check_loaded = False
    for o, _ in opts:
        if o == "-q":
            quiet, verbose = True, False
        elif o == "-v":
            verbose, quiet = True, False
        elif o == "-n":
            check_loaded = True
    if not args:
        usage()
    errors = 0
    for name in args:
        with Lock(emu_kld.LOCK):
            st = emu_kld.load_state()
            try:
                fid = emu_kld.kldload(st, name)
                emu_kld.save_state(st)
            except emu_kld.KldError as e:
                if check_loaded and e.errno == errno.EEXIST:
                    if verbose:
                        print("%s is already loaded" % name)
                    continue
                errors += 1
                if quiet:
                    continue
                if e.errno == errno.EEXIST:
                    P.warnx("can't load %s: module already loaded or in kernel" % name)
                else:
                    P.warnx("can't load %s: %s" % (name, e))
                continue
        if verbose:
            print("Loaded %s, id=%d" % (name, fid))
    return 1 if errors else 0


# ------------------------------------------------------------------ kldstat
def _print_file(f, verbose, st):
    line = "%2d %4d 0x%016x %-8x %s" % (f["id"], f["refs"], f["address"], f["size"], f["name"])
    if not verbose:
        print(line)
        return
    print("%s (%s)" % (line, f["path"]))
    print("\tContains modules:")
    print("\t\tId Name")
    for modid, name in f["modules"]:
        print("\t\t%2d %s" % (modid, name))


def kldstat_main(argv):
    P = Prog("kldstat")
    usage = Usage("kldstat", "usage: kldstat [-dhqv] [-i id] [-n filename]\n"
                             "       kldstat [-dq] [-m modname]\n", 1)
    opts, args = _getopt(argv, "dhi:m:n:qv", usage)
    verbose = quiet = False
    fileid = 0
    modname = filename = None
    for o, a in opts:
        if o == "-i":
            if not a.isdigit():
                usage()
            fileid = int(a)
        elif o == "-m":
            modname = a
        elif o == "-n":
            filename = a
        elif o == "-q":
            quiet = True
        elif o == "-v":
            verbose = True
    if args:
        usage()
    with Lock(emu_kld.LOCK):
        st = emu_kld.load_state()
    if modname is not None:
        found = emu_kld.module_by_name(st, modname)
        if found is None:
            if not quiet:
                P.warnx("can't find module %s: No such file or directory" % modname)
            return 1
        if quiet:
            return 0
        f, (modid, name) = found
        print("Id  Refs Name")
        print("%3d %4d %s" % (modid, 1, name))
        return 0
    if filename is not None:
        f = emu_kld.file_by_name(st, filename)
        if f is None:
            P.errx(1, "can't find file %s: No such file or directory" % filename)
        fileid = f["id"]
    print("Id Refs Address%s Size     Name" % (" " * (POINTER_WIDTH - 7)))
    if fileid:
        f = emu_kld.file_by_id(st, fileid)
        if f is None:
            P.errx(1, "can't stat file id %d: No such file or directory" % fileid)
        _print_file(f, verbose, st)
    else:
        for f in sorted(st["files"], key=lambda f: f["id"]):
            _print_file(f, verbose, st)
    return 0


# ------------------------------------------------------------------ kldunload
def kldunload_main(argv):
    P = Prog("kldunload")
    usage = Usage("kldunload", "usage: kldunload [-fv] -i id ...\n"
                               "       kldunload [-fv] [-n] name ...\n", 64)  # EX_USAGE
    opts, args = _getopt(argv, "finv", usage)
    by_id = force = verbose = False
    for o, _ in opts:
        if o == "-f":
            force = True
        elif o == "-i":
            by_id = True
        elif o == "-v":
            verbose = True
    if not args:
        usage()
    for name in args:
        with Lock(emu_kld.LOCK):
            st = emu_kld.load_state()
            if by_id:
                fid = int(name) if name.lstrip("-").isdigit() else 0
                if fid < 0:
                    P.errx(1, "Invalid ID %s" % name)
            else:
                f = emu_kld.file_by_name(st, name)
                if f is None:
                    P.errx(1, "can't find file %s" % name)
                fid = f["id"]
            if verbose:
                f = emu_kld.file_by_id(st, fid)
                if f is None:
                    P.errx(1, "can't stat file: No such file or directory")
                print("Unloading %s, id=%d" % (f["name"], fid))
            try:
                emu_kld.kldunload(st, fid, force)
            except emu_kld.KldError as e:
                P.errx(1, "can't unload file: %s" % e)
            emu_kld.save_state(st)
    return 0
