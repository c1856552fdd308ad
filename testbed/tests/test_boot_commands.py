"""Tests of the emulated reboot(8), shutdown(8), uptime(1) and last(1): the real
command files with EMU_ROOT set to a temporary directory. None of them may signal a PID 1 that is not the
testbed's init (host-boot), so here the ones that would are refused; the whole boot (init, sshd coming back,
kernel state gone) is tested on real hosts by TestbedBootTest.

Expected texts come from FreeBSD's sources: sbin/shutdown/shutdown.c (usage, getoffset(), timewarn(),
die_you_gravy_sucking_pig_dog()), sbin/reboot/reboot.c, usr.bin/w/w.c (pr_header()), usr.bin/last/last.c
(printentry() of BOOT_TIME / SHUTDOWN_TIME records, the "begins" line).

Run: python3 -m unittest test_boot_commands   (in testbed/tests)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(os.path.dirname(HERE), "emu", "bin")
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "emu", "lib"))

USAGE = ("usage: shutdown [-] [-h | -p | -r | -k] [-o [-n]] time [warning-message ...]\n"
         "       poweroff\n")


def load_command(name):
    """The command file as a module (its functions, without running main)."""
    import importlib.machinery
    import importlib.util
    loader = importlib.machinery.SourceFileLoader("emu_cmd_" + name, os.path.join(BIN, name))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


class CommandTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="emu-boot-")
        os.makedirs(os.path.join(self.root, "var/db/emu/kernel"))
        self.console = os.path.join(self.root, "console")
        self.env = dict(os.environ, EMU_ROOT=self.root, EMU_CONSOLE=self.console, TZ="UTC")

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def run_cmd(self, *argv, stdin=None):
        return subprocess.run([os.path.join(BIN, argv[0])] + list(argv[1:]), env=self.env, input=stdin,
                              capture_output=True, text=True, timeout=30)

    def write_utx(self, *records):
        with open(os.path.join(self.root, "var/db/emu/utx.log"), "w") as f:
            for kind, sec in records:
                f.write("%s %d 0\n" % (kind, sec))

    def wait_for_console(self, text):
        """The background shutdown process writes to the console: poll for its last words (deadline)."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if os.path.exists(self.console) and text in self.read_console():
                return self.read_console()
            time.sleep(0.05)
        self.fail("console never showed %r: %r" % (text, self.read_console() if os.path.exists(
            self.console) else None))

    def read_console(self):
        with open(self.console, newline="") as f:   # keep shutdown.c's \r
            return f.read()


class ShutdownTest(CommandTest):
    def test_usage_errors_as_shutdown_c(self):
        r = self.run_cmd("shutdown")
        self.assertEqual((1, USAGE), (r.returncode, r.stderr))
        r = self.run_cmd("shutdown", "-r", "-h", "now")
        self.assertEqual((1, "shutdown: incompatible switches -h, -k, -p and -r\n" + USAGE), (r.returncode, r.stderr))
        r = self.run_cmd("shutdown", "-o", "now")
        self.assertEqual("shutdown: -o requires -h, -p or -r\n" + USAGE, r.stderr)
        r = self.run_cmd("shutdown", "-r", "-n", "now")
        self.assertEqual("shutdown: -n requires -o\n" + USAGE, r.stderr)

    def test_no_cancel_option_on_freebsd(self):
        # getopt(argc, argv, "-hknopr"): there is no -c
        r = self.run_cmd("shutdown", "-c")
        self.assertEqual(1, r.returncode)
        self.assertIn("illegal option -- c", r.stderr)

    def test_bad_times(self):
        for bad in ("+", "+x", "+5x", "25:00", "1261", "12:3", "tomorrow"):
            r = self.run_cmd("shutdown", "-r", bad)
            self.assertEqual((1, "shutdown: bad time format\n"), (r.returncode, r.stderr), bad)

    def test_time_in_the_past(self):
        yesterday = time.strftime("%y%m%d%H%M", time.gmtime(time.time() - 86400))   # yymmddhhmm
        r = self.run_cmd("shutdown", "-r", yesterday)
        self.assertEqual((1, "shutdown: that time is already past.\n"), (r.returncode, r.stderr))

    def test_offsets(self):
        shutdown = load_command("shutdown")
        now = time.time()
        self.assertEqual(0, shutdown.getoffset("now", now))
        self.assertEqual(0, shutdown.getoffset("NOW", now))
        self.assertEqual(300, shutdown.getoffset("+5", now))       # minutes without a unit
        self.assertEqual(7, shutdown.getoffset("+7s", now))        # Ansible: shutdown -r +{delay_sec}s
        self.assertEqual(120, shutdown.getoffset("+2m", now))
        self.assertEqual(3600, shutdown.getoffset("+1h", now))

    def test_refused_without_the_testbeds_init(self):
        r = self.run_cmd("shutdown", "-r", "now")
        self.assertEqual(1, r.returncode)
        self.assertEqual("shutdown: PID 1 is not the testbed's init (host-boot): nothing to shut down\n", r.stderr)
        self.assertEqual("", r.stdout)

    def test_k_warns_in_the_background_and_returns_at_once(self):
        r = self.run_cmd("shutdown", "-k", "now", "maintenance", "window")
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertEqual("Shutdown NOW!\n", r.stdout)
        self.assertRegex(r.stderr, r"^shutdown: \[pid \d+\]\n$")
        console = self.wait_for_console("but you'll have to do it yourself")
        self.assertEqual("\a*** FINAL System shutdown message from %s@%s ***\a\n"
                         "System going down IMMEDIATELY\n\n"
                         "maintenance window\n"
                         "\r\nSystem shutdown time has arrived\a\a\r\n"
                         "\rbut you'll have to do it yourself\r\n"
                         % (os.environ.get("LOGNAME") or os.environ.get("USER") or "root", os.uname().nodename),
                         console)

    def test_delayed_shutdown_announces_its_time(self):
        r = self.run_cmd("shutdown", "-k", "+1s", "soon")
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertRegex(r.stdout, r"^Shutdown at \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\.\n$")
        console = self.wait_for_console("but you'll have to do it yourself")
        self.assertIn("System going down in 30 seconds\n\nsoon\n", console)   # timewarn() for 1..59 s left
        self.assertIn("System going down IMMEDIATELY\n\nsoon\n", console)

    def test_message_from_stdin(self):
        r = self.run_cmd("shutdown", "-k", "-", "now", stdin="from stdin\n")
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertIn("from stdin\n", self.wait_for_console("do it yourself"))


class RebootTest(CommandTest):
    def test_usage(self):
        r = self.run_cmd("reboot", "-x")
        self.assertEqual((1, "usage: reboot [-dcdlNnpq] [-k kernel]\n"), (r.returncode, r.stderr))

    def test_refused_without_the_testbeds_init(self):
        r = self.run_cmd("reboot")
        self.assertEqual((1, "reboot: PID 1 is not the testbed's init (host-boot): nothing to reboot\n"),
                         (r.returncode, r.stderr))
        self.assertFalse(os.path.exists(os.path.join(self.root, "boot/nextboot.conf")))

    def test_halt_cannot_dump(self):
        r = subprocess.run([os.path.join(BIN, "halt"), "-d"], env=self.env, capture_output=True, text=True)
        self.assertEqual((1, "halt: cannot dump (-d) when halting; must reboot instead\n"), (r.returncode, r.stderr))


class UptimeTest(CommandTest):
    def test_format_of_w_c(self):
        uptime = load_command("uptime")
        self.assertEqual(" up 5 secs,", uptime.uptime_text(5))
        self.assertEqual(" up 1 sec,", uptime.uptime_text(1))
        self.assertEqual(" up 1 min,", uptime.uptime_text(61))     # rounded: +30 s once over a minute
        self.assertEqual(" up 2 mins,", uptime.uptime_text(95))
        self.assertEqual(" up 1 hr,", uptime.uptime_text(3600))
        self.assertEqual(" up  2:05,", uptime.uptime_text(2 * 3600 + 5 * 60))
        self.assertEqual(" up 3 days, 4 hrs,", uptime.uptime_text(3 * 86400 + 4 * 3600))
        self.assertEqual(" up 1 day, 10:01,", uptime.uptime_text(86400 + 10 * 3600 + 60))

    def test_line_from_the_boot_time(self):
        with open(os.path.join(self.root, "var/db/emu/kernel/boottime"), "w") as f:
            f.write("%d 5\n" % (int(time.time()) - 3 * 3600))
        r = self.run_cmd("uptime")
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertRegex(r.stdout, r"^[ \d]\d:\d\d  up 3 hrs, 0 users, load averages: \d+\.\d\d, \d+\.\d\d, "
                                   r"\d+\.\d\d\n$")

    def test_usage(self):
        self.assertEqual("usage: uptime\n", self.run_cmd("uptime", "-x").stderr)


class LastTest(CommandTest):
    BOOT1, DOWN1, BOOT2 = 1733220000, 1733223600, 1733223700   # 2024-12-03 10:00, 11:00, 11:01:40 UTC

    def test_reboot_lists_the_boots_newest_first(self):
        self.write_utx(("boot", self.BOOT1), ("shutdown", self.DOWN1), ("boot", self.BOOT2))
        r = self.run_cmd("last", "reboot")
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertEqual("%-42s Tue Dec  3 11:01\n%-42s Tue Dec  3 10:00\n\n"
                         "utx.log begins Tue Dec  3 10:00:00 UTC 2024\n" % ("boot time", "boot time"), r.stdout)

    def test_everything_and_maxrec_and_year(self):
        self.write_utx(("boot", self.BOOT1), ("shutdown", self.DOWN1), ("boot", self.BOOT2))
        r = self.run_cmd("last", "-2", "-y")
        self.assertEqual("%-42s Tue Dec  3 2024 11:01\n%-42s Tue Dec  3 2024 11:00\n\n"
                         "utx.log begins Tue Dec  3 10:00:00 UTC 2024\n" % ("boot time", "shutdown time"), r.stdout)
        r = self.run_cmd("last", "shutdown")
        self.assertTrue(r.stdout.startswith("%-42s Tue Dec  3 11:00\n\n" % "shutdown time"), r.stdout)


if __name__ == "__main__":
    unittest.main()
