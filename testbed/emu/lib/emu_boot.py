# Shared by the emulated reboot(8), shutdown(8), uptime(1) and last(1): the boot time, the utx.log records and
# the way to ask the testbed's init (testbed/lib/host-boot, PID 1 of every host) for a reboot.
#
# Files:
#   /var/db/emu/kernel/boottime   "SEC USEC" of the current boot (written by host-boot before anything else)
#   /var/db/emu/utx.log           one record a line, oldest first: "boot SEC USEC" | "shutdown SEC USEC"
#                                 (FreeBSD keeps these as utmpx BOOT_TIME / SHUTDOWN_TIME in /var/log/utx.log)
#   /run/jprov-boot/howto         reboot(8)'s "reboot(2) system call": reboot | halt | poweroff
import os
import signal
import time

ROOT = (os.environ.get("EMU_ROOT") or "/").rstrip("/")
BOOTTIME = "/var/db/emu/kernel/boottime"
UTX_LOG = "/var/db/emu/utx.log"
HOWTO = "/run/jprov-boot/howto"
INIT = "host-boot"

# What FreeBSD's init(8) does on each signal (sbin/init/init.c; sent by shutdown.c and kern_shutdown.c).
REBOOT, HALT, POWEROFF, SINGLE_USER = signal.SIGINT, signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM


def rp(path):
    """Host path of an absolute path on the simulated host (EMU_ROOT lets tests use a temporary root)."""
    return ROOT + path


def boottime():
    """(sec, usec) of the current boot. Without the kernel's record (no boot happened through host-boot, or
    the kernel directory was reset): the start of PID 1, which is when this host's kernel came up."""
    try:
        with open(rp(BOOTTIME)) as f:
            sec, usec = f.read().split()[:2]
            return int(sec), int(usec)
    except (OSError, ValueError):
        return pid1_start(), 0


def pid1_start():
    with open("/proc/stat") as f:
        btime = next(int(line.split()[1]) for line in f if line.startswith("btime "))
    with open("/proc/1/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    return btime + ticks // os.sysconf("SC_CLK_TCK")


def utx_records():
    """[(kind, sec, usec)] oldest first; a missing log is empty (a fresh install has only its first boot)."""
    records = []
    try:
        with open(rp(UTX_LOG)) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[0] in ("boot", "shutdown"):
                    records.append((parts[0], int(parts[1]), int(parts[2])))
    except OSError:
        pass
    return records


def init_is_ours():
    """True when PID 1 is the testbed's init. Never signal any other PID 1 (a test run on the machine itself
    must not reboot the machine)."""
    if ROOT:
        return False
    try:
        with open("/proc/1/cmdline", "rb") as f:
            return any(os.path.basename(a.decode(errors="replace")) == INIT for a in f.read().split(b"\0"))
    except OSError:
        return False


def signal_init(sig):
    os.kill(1, sig)


def console_path():
    """Where the console is: PID 1's stdout (namespaces: DIR/hosts/NAME/console.log; containers: the log).
    EMU_CONSOLE names a file instead (tests)."""
    return os.environ.get("EMU_CONSOLE") or ("/proc/1/fd/1" if init_is_ours() else os.devnull)


def ctime(sec):
    """ctime(3) without the newline: 'Mon Dec  7 03:40:39 2026'."""
    return time.strftime("%a %b %e %H:%M:%S %Y", time.localtime(sec))
