# The boot loader's part of a boot: read loader.conf as
# stand/lua/config.lua does and leave the kernel environment and the preloaded
# kernel files in /var/db/emu/kernel.
#
# Follows stand/defaults/loader.conf and stand/lua/config.lua
# (freebsd/freebsd-src):
#   - loader_conf_files (default "/boot/device.hints /boot/loader.conf"), then
#     every *.conf of loader_conf_dirs ("/boot/loader.conf.d", in name order),
#     then local_loader_conf_files ("/boot/loader.conf.local"); a file that sets
#     loader_conf_files again has the new list read after it (config.lua's
#     readConfFiles recursion), each file at most once.
#   - NAME_load="YES" preloads NAME (file NAME_name, default NAME.ko, from
#     /boot/kernel); _name/_type/_flags/_before/_after/_error are module
#     directives, not environment.
#   - every other NAME=VALUE (quotes removed) goes to the kernel environment,
#     where tunables (CTLFLAG_RDTUN/TUN sysctls such as kern.racct.enable)
#     read it.
# Left out: device.hints contents, exec=, the Forth/Lua menu, module_path
# searches, X_type other than the default, kernel= other than "kernel", and
# error reporting for unparsable lines (they are skipped, as config.lua
# prints "Malformed line" and goes on).
import glob
import os
import re
import time

import emu_kld
from emu_common import Lock, rp, save_json, state_path

# stand/defaults/loader.conf's lists of files (emu_kld_bootfiles.py installs
# the trimmed file itself on hosts; these apply when it is missing).
DEFAULT_CONF_FILES = "/boot/device.hints /boot/loader.conf"
DEFAULT_CONF_DIRS = "/boot/loader.conf.d"
DEFAULT_LOCAL_FILES = "/boot/loader.conf.local"
MODULE_SUFFIXES = ("_load", "_name", "_type", "_flags", "_before", "_after", "_error")
LINE = re.compile(r'^\s*([A-Za-z0-9_.\-]+)\s*=\s*(?:"([^"]*)"|([^\s#"]*))\s*(?:#.*)?$')


def parse_conf(text):
    """[(name, value)] of a loader.conf text; comments and blank lines skipped."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = LINE.match(line)
        if m:
            out.append((m.group(1), m.group(2) if m.group(2) is not None else m.group(3)))
    return out


def _read(path):
    try:
        with open(rp(path)) as f:
            return f.read()
    except OSError:
        return None


def read_loader_conf():
    """All assignments in config.lua's order: the defaults first, later wins."""
    env = {"loader_conf_files": DEFAULT_CONF_FILES, "loader_conf_dirs": DEFAULT_CONF_DIRS,
           "local_loader_conf_files": DEFAULT_LOCAL_FILES}
    pairs = []
    seen = set()

    def read_file(path):
        if path in seen:
            return
        seen.add(path)
        text = _read(path)
        if text is None:
            return
        before = env["loader_conf_files"]
        for name, value in parse_conf(text):
            pairs.append((name, value))
            env[name] = value
        if env["loader_conf_files"] != before:
            read_files(env["loader_conf_files"])

    def read_files(paths):
        for p in paths.split():
            read_file(p)

    read_file("/boot/defaults/loader.conf")
    read_files(env["loader_conf_files"])
    for d in env["loader_conf_dirs"].split():
        for p in sorted(glob.glob(rp(d.rstrip("/")) + "/*.conf")):
            read_file(d.rstrip("/") + "/" + os.path.basename(p))
    read_files(env["local_loader_conf_files"])
    return pairs


def split_modules(pairs):
    """(kenv dict, [file names to preload]) from loader.conf assignments."""
    kenv = {}
    load = {}
    names = {}
    for name, value in pairs:
        if name.endswith("_load"):
            load[name[:-5]] = value.upper() == "YES"
        elif name.endswith("_name"):
            names[name[:-5]] = value
        elif name.endswith(MODULE_SUFFIXES):
            pass
        else:
            kenv[name] = value
    files = []
    for module, wanted in load.items():
        if wanted:
            fname = os.path.basename(names.get(module, module))
            files.append(fname if fname.endswith(".ko") else fname + ".ko")
    return kenv, files


def write_kenv(env):
    path = state_path(emu_kld.KENV_FILE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        for name in sorted(env):
            f.write("%s=%s\n" % (name, env[name]))
    os.rename(tmp, path)


def boot():
    """The loader: kenv and the preloaded kernel files, as after a boot."""
    with Lock(emu_kld.LOCK):
        boot_locked()


def boot_locked():
    """boot() for a caller that holds the kernel lock already."""
    kenv, files = split_modules(read_loader_conf())
    write_kenv(kenv)
    st = emu_kld.fresh_kernel()
    for fname in files:
        emu_kld.load_at_boot(st, fname)
    save_json(state_path(emu_kld.KLD_STATE), st)
    boottime = state_path(emu_kld.KERNEL_DIR + "/boottime")
    if not os.path.exists(boottime):
        # The boot (testbed/lib/host-boot) writes it first; a host nobody booted
        # through it gets the moment its kernel state appeared.
        now = time.time()
        with open(boottime, "w") as f:
            f.write("%d %d\n" % (int(now), int(now % 1 * 1e6)))
