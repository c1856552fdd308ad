"""/etc/rc and /etc/rc.shutdown of FreeBSD 14.3 (libexec/rc/rc, libexec/rc/rc.shutdown) over the base rc.d
scripts (libexec/rc/rc.d/{netif,routing,pf,pflog,devfs,rctl,jail,sysctl,hostname,cleanvar,syslogd,cron}), run
against a fresh root as the testbed's init runs them at boot (`/bin/sh /etc/rc autoboot`) and as a jail's
exec.start / exec.stop do."""
import os, re, unittest
from emu_rc_support import RcCase


class HostBootTest(RcCase):
    def boot(self, rc_conf="", **files):
        self.write("/etc/rc.conf", 'hostname="web1"\n' + rc_conf)
        for name, text in files.items():
            self.write("/etc/" + name.replace("_", "."), text)
        r = self.rc("autoboot")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return r

    @staticmethod
    def gone(pid):
        """The process has exited (a zombie waiting for init counts as gone)."""
        try:
            with open("/proc/%d/stat" % pid) as f:
                return f.read().rsplit(") ", 1)[1].startswith("Z")
        except OSError:
            return True

    def alive(self, pidfile):
        with open(self.path(pidfile)) as f:
            os.kill(int(f.read()), 0)

    def test_fresh_host(self):
        self.write("/var/run/stale.pid", "1\n")
        r = self.boot()
        self.assertEqual(r.stderr, "")  # no script it cannot emulate complains
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "Mounting local filesystems:.")  # rc.d/mountcritlocal, before FILESYSTEMS
        self.assertEqual(lines[1], "Setting hostname: web1.")
        self.assertIn("Starting syslogd.", lines)
        self.assertIn("Starting cron.", lines)
        self.assertLess(lines.index("Starting syslogd."), lines.index("Starting cron."))
        self.assertEqual(lines[-2], "")  # rc ends with echo '' and date(1)
        self.assertRegex(lines[-1], r"^\w{3} \w{3} +\d+ \d\d:\d\d:\d\d \w+ \d{4}$")
        self.assertFalse(os.path.exists(self.path("/var/run/stale.pid")))  # cleanvar
        self.assertTrue(os.path.exists(self.path("/var/run/clean_var")))
        self.alive("/var/run/cron.pid")
        self.alive("/var/run/syslog.pid")
        self.assertEqual(self.ok("hostname"), "web1\n")
        # lo0 gets 127.0.0.1/8 (network.subr ipv4_up), and netif shows it
        self.assertIn("Starting Network: lo0", r.stdout)
        self.assertIn("inet 127.0.0.1 netmask 0xff000000", self.ok("ifconfig", "lo0"))

    def test_cloned_interfaces_and_ifconfig_variables(self):
        r = self.boot('cloned_interfaces="bridge0 epair0"\n'
                      'ifconfig_bridge0="inet 10.0.0.1/24 addm epair0a up"\n'
                      'ifconfig_bridge0_descr="jail network"\n'
                      'ifconfig_bridge0_ipv6="inet6 fd00::1 prefixlen 64"\n'
                      'ifconfig_bridge0_alias0="inet 10.0.1.1/24"\n'
                      'ifconfig_epair0b_name="jail0"\n')
        self.assertIn("Created clone interfaces: bridge0 epair0a epair0b.\n", r.stdout)
        self.assertEqual(self.ok("ifconfig", "-l").split()[-3:], ["bridge0", "epair0a", "jail0"])
        out = self.ok("ifconfig", "bridge0")
        for expected in ("description: jail network", "inet 10.0.0.1 netmask 0xffffff00",
                         "inet 10.0.1.1 netmask 0xffffff00", "inet6 fd00::1 prefixlen 64", "member: epair0a"):
            self.assertIn(expected, out)
        self.assertRegex(out, r"^bridge0: flags=\w+<UP,")

    def test_gateway_enable_sets_forwarding(self):
        self.ok("sysctl", "net.inet6.ip6.forwarding=1")  # live only: rc.d/routing sets it from rc.conf
        r = self.boot('gateway_enable="YES"\n')
        self.assertIn("Additional inet routing options: gateway=YES.\n", r.stdout)
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding", "net.inet6.ip6.forwarding"), "1\n0\n")

    def test_sysctl_conf(self):
        self.boot(sysctl_conf="# comment\nnet.link.bridge.pfil_member=0 # trailing\n\n")
        self.assertEqual(self.ok("sysctl", "-n", "net.link.bridge.pfil_member"), "0\n")

    def test_pf(self):
        r = self.boot('pf_enable="YES"\n', pf_conf="pass all\n")
        self.assertIn("Enabling pf.\n", r.stdout)
        self.assertIn("Status: Enabled", self.ok("pfctl", "-s", "info"))

    def test_pflog(self):
        # pflog's prestart: load_kld pflog, `ifconfig pflog0` (created by pflog.ko) or `ifconfig pflog0 create`,
        # `ifconfig pflog0 up`; then pflogd (a stand-in here) with its pid file
        self.recorder("ifconfig")
        r = self.boot('pflog_enable="YES"\n')
        self.assertIn("Starting pflog.\n", r.stdout)
        self.assertEqual([l for l in self.recorded("ifconfig") if "pflog" in l], ["pflog0", "pflog0 up"])
        self.alive("/var/run/pflogd.pid")

    def test_pf_required_modules(self):
        # rc.subr check_required_after(): required_modules="pf" -> load_kld pf: kldstat -q -m pf || kldload pf;
        # pflog's prestart: load_kld pflog
        self.recorder("kldstat", rc=1)
        self.recorder("kldload")
        self.boot('pf_enable="YES"\npflog_enable="YES"\n', pf_conf="pass all\n")
        self.assertEqual(self.recorded("kldstat"), ["-q -m pflog", "-q -m pf"])
        self.assertEqual(self.recorded("kldload"), ["pflog", "pf"])

    def test_pf_without_rules_file(self):
        r = self.boot('pf_enable="YES"\n')
        self.assertRegex(r.stderr, r"etc/rc: WARNING: /etc/pf.conf is not readable.\n")
        self.assertNotIn("Enabling pf", r.stdout)

    def test_devfs_rules(self):
        self.boot(devfs_rules="[devfsrules_jail_vnet=5]\nadd include $devfsrules_hide_all\n"
                              "add path 'bpf*' unhide # tcpdump\nadd path pf unhide\n")
        self.assertEqual(self.ok("devfs", "rule", "-s", "5", "show").split("\n")[1:3],
                         ["200 path bpf* unhide", "300 path pf unhide"])

    def test_rctl_conf(self):
        # rctl_enable is YES in FreeBSD's defaults; rc.d/rctl passes the rule lines to rctl -a
        self.recorder("rctl")
        self.boot(rctl_conf="# limits\njail:web:memoryuse:deny=1g\n\njail:web:maxproc:deny=100 # procs\n")
        self.assertEqual(self.recorded("rctl"), ["-a jail:web:memoryuse:deny=1g jail:web:maxproc:deny=100"])

    def test_rctl_disabled_or_without_rules(self):
        self.recorder("rctl")
        self.boot()
        self.boot('rctl_enable="NO"\n', rctl_conf="jail:web:maxproc:deny=100\n")
        self.assertEqual(self.recorded("rctl"), [])

    def test_jail_enable_and_list(self):
        self.recorder("jail")
        self.fake("jls", "exit 1\n")  # no jail is running yet
        r = self.boot('jail_enable="YES"\njail_list="web db"\n')
        self.assertIn("Starting jails: web db.\n", r.stdout)
        self.assertEqual(self.recorded("jail"), ["-c web", "-c db"])

    def test_jail_disabled(self):
        self.recorder("jail")
        self.boot('jail_list="web"\n')
        self.assertEqual(self.recorded("jail"), [])

    def test_local_startup_after_the_early_scripts(self):
        log = self.path("/local.log")
        self.write("/usr/local/etc/rc.d/app", '#!/bin/sh\n# PROVIDE: app\n# REQUIRE: LOGIN\n. /etc/rc.subr\n'
                   'name=app\nrcvar=app_enable\nstart_cmd=app_start\n'
                   'app_start() { echo "$name $rc_arg $rc_fast $rc_quiet" >> %s; }\n'
                   'load_rc_config $name\nrun_rc_command "$1"\n' % log, 0o755)
        self.boot('app_enable="YES"\n')
        self.assertEqual(self.read("/local.log"), "app start yes yes\n")  # faststart: rc_fast and rc_quiet
        self.rc()
        self.assertEqual(self.read("/local.log"), "app start yes yes\napp start  yes\n")  # quietstart

    def test_firstboot_sentinel_is_removed(self):
        self.write("/firstboot", "")
        self.boot()
        self.assertFalse(os.path.exists(self.path("/firstboot")))

    def test_shutdown_stops_in_reverse_order(self):
        self.recorder("jail")
        self.fake("jls", 'case "$*" in "-j web jid"|"-j web") echo 1 ;; name) echo web ;; *) exit 1 ;; esac\n')
        self.boot('jail_enable="YES"\njail_list="web"\n')
        with open(self.path("/var/run/cron.pid")) as f:
            cron = int(f.read())
        r = self.rc("reboot", script="/etc/rc.shutdown")
        self.assertEqual(r.returncode, 0, r.stderr)
        # rcorder -k shutdown, reversed: jail (REQUIRE LOGIN, BEFORE securelevel) and cron stop before ...
        self.assertRegex(r.stdout, "Stopping cron.\n(Waiting for PIDS: %d.\n)?" % cron)
        self.assertIn("Stopping jails: web.\n", r.stdout)
        self.assertTrue(r.stdout.endswith(".\n"))
        self.assertIn("-r web", self.recorded("jail"))
        self.assertTrue(self.gone(cron))


class JailRootBootTest(RcCase):
    """A jail's exec.start "/bin/sh /etc/rc" (no autoboot: quietstart) in a jail root from base.txz."""
    kind = "jail"

    def test_jail_boot_and_shutdown(self):
        self.jailed()
        self.recorder("rctl")
        self.recorder("ifconfig")
        self.write("/etc/rc.conf", 'cloned_interfaces="lo1"\n')
        self.write("/etc/rctl.conf", "jail:web:maxproc:deny=100\n")
        r = self.rc()
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(r.stdout.splitlines()[:2], ["Starting syslogd.", "Starting cron."])
        # -s nojail: rctl, devfs ... do not run; -s nojailvnet (not a vnet jail): netif does not either
        self.assertEqual(self.recorded("rctl"), [])
        self.assertEqual(self.recorded("ifconfig"), [])
        with open(self.path("/var/run/cron.pid")) as f:
            cron = int(f.read())
        os.kill(cron, 0)  # the long-lived process that keeps a jail without persist up
        r = self.rc("jail", script="/etc/rc.shutdown")
        self.assertRegex(r.stdout, "^Stopping cron.\n(Waiting for PIDS: %d.\n)?.\n$" % cron)


if __name__ == "__main__":
    unittest.main()
