"""daemon(8) (testbed/emu/bin/daemon) against usr.sbin/daemon/daemon.c: with -p the supervisor stays, the
pid file holds the child's pid and is removed when the child exits (supervision is enabled by a pid file,
restart, output file or syslog)."""
import os, time, unittest
from emu_support import EmuCase


def wait_for(pred, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


def read_pid(path):
    try:
        with open(path) as f:
            return int(f.read())
    except (OSError, ValueError):
        return 0


class DaemonPidfileTest(EmuCase):
    def test_pidfile_removed_when_the_child_exits(self):
        self.ok("daemon", "-p", "/var/run/short.pid", "sleep", "1")
        pidfile = self.path("/var/run/short.pid")
        self.assertTrue(wait_for(lambda: os.path.exists(pidfile)))
        self.assertTrue(wait_for(lambda: not os.path.exists(pidfile)), "pid file left behind")

    def test_pidfile_removed_after_sigterm(self):
        self.ok("daemon", "-p", "/var/run/long.pid", "sleep", "60")
        pidfile = self.path("/var/run/long.pid")
        self.assertTrue(wait_for(lambda: os.path.exists(pidfile) and read_pid(pidfile)))
        os.kill(read_pid(pidfile), 15)
        self.assertTrue(wait_for(lambda: not os.path.exists(pidfile)), "pid file left behind")

    def test_without_supervision_the_command_leads_its_own_session(self):
        # lib/libc/gen/daemon.c: one fork, then setsid; daemon(8) then execs the command in that process
        out = self.path("/ids")
        self.ok("daemon", "-f", "/bin/sh", "-c", 'echo "$$ $(ps -o sid= -p $$) $(ps -o pgid= -p $$)" > "$0"', out)
        self.assertTrue(wait_for(lambda: os.path.exists(out) and open(out).read().endswith("\n")))
        with open(out) as f:
            pid, sid, pgid = f.read().split()
        self.assertEqual((pid, pid), (sid, pgid))

    def test_without_pidfile_nothing_is_written(self):
        self.ok("daemon", "sleep", "0")
        self.assertFalse(os.path.exists(self.path("/var/run")))


if __name__ == "__main__":
    unittest.main()
