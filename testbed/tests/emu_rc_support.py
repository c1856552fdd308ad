"""Shared fixture of the rc(8) tests: a fresh FreeBSD 14.3 root (emu_install_rc.sh) under a temporary
EMU_ROOT, the emulated commands first on PATH, and the stand-in daemons a test started stopped again."""
import os, shutil, subprocess, tempfile
from emu_support import EmuCase, EMU, BIN

INSTALL = os.path.join(EMU, "lib", "emu_install_rc.sh")


class RcCase(EmuCase):
    kind = "host"

    def setUp(self):
        super().setUp()
        subprocess.run(["sh", INSTALL, self.root, self.kind], check=True)
        if self.kind == "host":
            # every FreeBSD host has an fstab (rc.d/mountcritlocal's mount -a reads it): bsdinstall's for ZFS
            self.write("/etc/fstab", "# Device\t\tMountpoint\tFStype\tOptions\t\tDump\tPass#\n"
                                     "/dev/ada0p2\t\tnone\tswap\tsw\t\t0\t0\n")
        self.daemons = set()
        self.addCleanup(self.stop_daemons)
        self.fakebin = os.path.join(self.root, ".fakebin")
        os.makedirs(self.fakebin)
        self.env["PATH"] = self.fakebin + ":" + self.env["PATH"]

    def note_daemons(self):
        """Remember the pids the root's pid files name now (a second boot overwrites them)."""
        for d, _, files in os.walk(self.path("/var/run")):
            for f in files:
                if f.endswith(".pid"):
                    try:
                        with open(os.path.join(d, f)) as pidfile:
                            self.daemons.add(int(pidfile.read().split()[0]))
                    except (OSError, ValueError, IndexError):
                        pass

    def stop_daemons(self):
        """Stop the stand-in daemons the test's boots and service commands started."""
        self.note_daemons()
        for pid in self.daemons:
            if self.ours(pid):
                try:
                    os.kill(pid, 15)
                except OSError:
                    pass

    def ours(self, pid):
        """The pid is still a process this test's root started (not a reused pid)."""
        try:
            with open("/proc/%d/environ" % pid, "rb") as f:
                return ("EMU_ROOT=" + self.root).encode() in f.read().split(b"\0")
        except OSError:
            return False

    def fake(self, name, script):
        """A command of that name first on PATH (e.g. to record what an rc.d script runs)."""
        with open(os.path.join(self.fakebin, name), "w") as f:
            f.write("#!/bin/sh\n" + script)
        os.chmod(os.path.join(self.fakebin, name), 0o755)

    def recorder(self, name, rc=0):
        """A fake command that appends its arguments to .fakebin/NAME.log and exits with rc."""
        log = os.path.join(self.fakebin, name + ".log")
        self.fake(name, 'echo "$*" >> %s\nexit %d\n' % (log, rc))
        return log

    def recorded(self, name):
        log = os.path.join(self.fakebin, name + ".log")
        if not os.path.exists(log):
            return []
        with open(log) as f:
            return f.read().splitlines()

    def jailed(self):
        """Answer security.jail.jailed as a jail's userland does: its sysctl is busybox's, which knows no such
        oid (rc.subr's check_jail then says "jailed", see emu_rc.subr)."""
        self.fake("sysctl", 'echo "sysctl: error: \'$2\' is an unknown key" >&2\nexit 1\n')

    def rc(self, *args, script="/etc/rc"):
        r = subprocess.run(["sh", self.path(script)] + list(args), capture_output=True, text=True,
                           env=self.env, stdin=subprocess.DEVNULL, timeout=300)
        self.note_daemons()
        return r
