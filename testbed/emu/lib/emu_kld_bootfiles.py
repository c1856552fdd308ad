# The /boot files of a fresh FreeBSD 14.3-RELEASE install (bsdinstall, ZFS on
# root, nothing added), installed on a testbed host when missing
# (init.d/10-boot-files; never overwrites, so a host keeps its changes).
#
# /boot/defaults/loader.conf: stand/defaults/loader.conf (freebsd/freebsd-src)
# trimmed to the lines the emulated loader acts on (the file lists and the
# module entries of the modules the testbed knows, all "NO"); the 13.0+ layout
# with local_loader_conf_files read after loader_conf_dirs.
# /boot/loader.conf: what usr.sbin/bsdinstall/scripts/zfsboot appends
# (loader.conf.zfs: kern.geom.label.disk_ident.enable, gptid.enable) plus the
# zfs_load / cryptodev_load lines a 14.x ZFS install's loader.conf carries.
# Left out: device.hints, the splash/ACPI/microcode/entropy entries, the
# loader's Lua files, kernels and modules themselves.
import os
import sys

from emu_common import rp

DEFAULTS_LOADER_CONF = """\
# This is loader.conf - a file full of useful variables that you can
# set to change the default load behavior of your system. You should
# not edit this file!  Put any overrides into one of the
# loader_conf_files instead and you will be able to update these
# defaults later without spamming your local configuration information.
#
# (testbed: stand/defaults/loader.conf of FreeBSD 14, trimmed to what the
# emulated loader reads; see /opt/jprov-emu/lib/emu_kld_loader.py)

kernel="kernel"\t\t# /boot sub-directory containing kernel and modules
bootfile="kernel"\t# Kernel name (possibly absolute path)
kernel_options=""\t# Flags to be passed to the kernel
loader_conf_files="/boot/device.hints /boot/loader.conf"
loader_conf_dirs="/boot/loader.conf.d"
local_loader_conf_files="/boot/loader.conf.local"
nextboot_conf="/boot/nextboot.conf"
verbose_loading="NO"\t\t# Set to YES for verbose loader output
kernels_autodetect="YES"\t# Auto-detect kernel directories in /boot
module_path="/boot/modules;/boot/dtb;/boot/dtb/overlays"\t# Set the module search path

###  Kernel tunables  ########################################
#kern.maxproc=""\t\t# Set the maximum # of processes
#kern.racct.enable="1"\t\t# (GENERIC: 0) resource accounting for rctl(8)

###  Module loading syntax example  ##########################
#module_load="YES"\t\t# loads module "module"
#module_name="realname"\t\t# uses "realname" instead of "module"
"""

FRESH_LOADER_CONF = """\
kern.geom.label.disk_ident.enable="0"
kern.geom.label.gptid.enable="0"
cryptodev_load="YES"
zfs_load="YES"
"""

BOOT_FILES = (("/boot/defaults/loader.conf", DEFAULTS_LOADER_CONF),
              ("/boot/loader.conf", FRESH_LOADER_CONF))


def install():
    """Writes each missing file; returns the paths written."""
    written = []
    for path, text in BOOT_FILES:
        host_path = rp(path)
        if os.path.exists(host_path):
            continue
        os.makedirs(os.path.dirname(host_path), exist_ok=True)
        with open(host_path, "w") as f:
            f.write(text)
        written.append(path)
    os.makedirs(rp("/boot/loader.conf.d"), exist_ok=True)
    return written


if __name__ == "__main__":
    install()
    sys.exit(0)
