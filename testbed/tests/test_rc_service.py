"""service(8) of FreeBSD 14.3 (usr.sbin/service/service.sh) over the base rc.d scripts (libexec/rc/rc.d) and
rc.subr's run_rc_command (libexec/rc/rc.subr), on a fresh host root and a fresh jail root."""
import os, unittest
from emu_rc_support import RcCase

# What FreeBSD 14.3 enables by default (libexec/rc/rc.conf, the rcvar lines of libexec/rc/rc.d), for a root whose
# rc.conf is empty: service -e lists, in rcorder -s nostart (-s nojail in a jail) order, the scripts with a
# `^rcvar` line whose rcvar checkyesno accepts.  bsdinstall's rc.conf (zfs_enable, sshd_enable, ...) is not part
# of these roots.
HOST_DEFAULTS = {"hostid", "hostid_save", "kldxref", "devmatch", "var_run", "cleanvar", "rctl", "ip6addrctl",
                 "mixer", "netif", "resolv", "devd", "motd", "os-release", "virecover", "dmesg", "gptboot",
                 "newsyslog", "syslogd", "savecore", "cron", "bgfsck"}
# In a jail -s nojail drops hostid, hostid_save, kldxref, devmatch, rctl, mixer, resolv, devd, dmesg, gptboot,
# savecore, bgfsck (their KEYWORD lines); nojailvnet is not skipped by service -e (only by rc).
JAIL_DEFAULTS = {"var_run", "cleanvar", "ip6addrctl", "netif", "motd", "os-release", "virecover", "newsyslog",
                 "syslogd", "cron"}
# REQUIRE/BEFORE chains among them that fix their relative order
ORDER = [("hostid", "hostid_save"), ("var_run", "cleanvar"), ("cleanvar", "netif"), ("ip6addrctl", "netif"),
         ("netif", "syslogd"), ("newsyslog", "syslogd"), ("syslogd", "cron"), ("cron", "bgfsck")]


class ServiceListTest(RcCase):
    def enabled(self):
        out = self.ok("service", "-e").split()
        self.assertTrue(all(p.startswith("/etc/rc.d/") for p in out), out)
        return [p[len("/etc/rc.d/"):] for p in out]

    def assert_order(self, names):
        for first, then in ORDER:
            if first in names and then in names:
                self.assertLess(names.index(first), names.index(then), (first, then))

    def test_fresh_host(self):
        names = self.enabled()
        self.assertEqual(set(names), HOST_DEFAULTS)
        self.assert_order(names)

    def test_fresh_jail_root(self):
        self.jailed()
        names = self.enabled()
        self.assertEqual(set(names), JAIL_DEFAULTS)
        self.assert_order(names)

    def test_rc_conf_and_rc_conf_d_and_local_startup(self):
        self.jailed()
        self.write("/etc/rc.conf", 'sshd_enable="YES"\ncron_enable="NO"\n')
        self.write("/etc/rc.conf.d/syslogd", 'syslogd_enable="NO"\n')
        self.write("/usr/local/etc/rc.d/nginx", '#!/bin/sh\n# PROVIDE: nginx\n# REQUIRE: LOGIN\n. /etc/rc.subr\n'
                   'name="nginx"\nrcvar=nginx_enable\nload_rc_config $name\nrun_rc_command "$1"\n', 0o755)
        self.write("/usr/local/etc/rc.d/nginx.sample", "# PROVIDE: sample\n", 0o755)
        self.ok("sysrc", "nginx_enable=YES")
        names = self.ok("service", "-e").split()
        self.assertIn("/etc/rc.d/sshd", names)
        self.assertNotIn("/etc/rc.d/cron", names)
        self.assertNotIn("/etc/rc.d/syslogd", names)
        self.assertIn("/usr/local/etc/rc.d/nginx", names)  # after LOGIN, with sshd: their order is rcorder's qsort's
        self.assertLess(names.index("/etc/rc.d/netif"), names.index("/usr/local/etc/rc.d/nginx"))

    def test_list_and_rcorder(self):
        listing = self.ok("service", "-l").split()
        self.assertIn("cleanvar", listing)
        self.assertEqual(len(listing), len(os.listdir(self.path("/etc/rc.d"))))
        self.assertEqual(self.ok("service", "-v", "-l").splitlines()[0], "From /etc/rc.d:")
        order = self.ok("service", "-v", "-r").splitlines()
        self.assertEqual(order[order.index("/etc/rc.d/FILESYSTEMS") + 1], "========= Early/Late Divider =========")

    def test_jail_option_runs_jexec(self):
        self.recorder("jexec")
        self.ok("service", "-j", "web", "-e")
        self.ok("service", "-j", "web", "-v", "cron", "status")
        self.assertEqual(self.recorded("jexec"), ["-l web /usr/sbin/service -e",
                                                  "-l web /usr/sbin/service -v cron status"])


class ServiceCommandTest(RcCase):
    def test_cleanvar_has_no_status(self):
        # rc.d/cleanvar sets neither command/procname nor status_cmd: run_rc_command keeps status out of its
        # keywords, prints "unknown directive" and rc_usage exits 1
        r = self.run_cmd("service", "cleanvar", "status")
        self.assertEqual((r.returncode, r.stdout), (1, ""))
        self.assertEqual(r.stderr, "/etc/rc.d/cleanvar: unknown directive 'status'.\n"
                         "Usage: /etc/rc.d/cleanvar [fast|force|one|quiet](start|stop|restart|rcvar|enable|"
                         "disable|delete|enabled|describe|extracommands|reload)\n")

    def test_status_where_rc_subr_gives_it(self):
        for name in ("cron", "sshd", "syslogd", "devd"):  # command= (procname): status and poll
            r = self.run_cmd("service", name, "status")
            self.assertEqual((r.returncode, r.stdout), (1, "%s is not running.\n" % name))
        r = self.run_cmd("service", "netif", "bogus")  # no command, no status_cmd
        self.assertEqual(r.stderr.splitlines()[1], "Usage: /etc/rc.d/netif [fast|force|one|quiet](start|stop|"
                         "restart|rcvar|enable|disable|delete|enabled|describe|extracommands|cloneup|clonedown|"
                         "clear|vnetup|vnetdown)")
        self.assertNotIn("status", self.run_cmd("service", "hostname", "status").stderr.splitlines()[1])

    def test_start_status_stop_cron(self):
        self.assertEqual(self.ok("service", "cron", "start"), "Starting cron.\n")
        pid = int(self.read("/var/run/cron.pid"))
        self.assertEqual(self.ok("service", "cron", "status"), "cron is running as pid %d.\n" % pid)
        r = self.run_cmd("service", "cron", "start")
        self.assertEqual((r.returncode, r.stderr), (1, "cron already running? (pid=%d).\n" % pid))
        self.assertEqual(self.ok("service", "cron", "stop"), "Stopping cron.\nWaiting for PIDS: %d.\n" % pid)

    def test_a_base_daemon_stand_in_runs_once_started(self):
        # rc.d/local_unbound (a stand-in generated from emu_rc.d.table): FreeBSD's local_unbound runs once started,
        # so `status` (rc.subr's, by pid file) answers as the jail_update role's health check expects
        self.assertEqual(self.ok("service", "local_unbound", "onestart"), "Starting local_unbound.\n")
        pid = int(self.read("/var/run/local_unbound.pid"))
        self.assertEqual(self.ok("service", "local_unbound", "onestatus"), "local_unbound is running as pid %d.\n" % pid)
        self.assertEqual(self.ok("service", "local_unbound", "onestop"),
                         "Stopping local_unbound.\nWaiting for PIDS: %d.\n" % pid)
        r = self.run_cmd("service", "local_unbound", "onestatus")
        self.assertEqual((r.returncode, r.stdout), (1, "local_unbound is not running.\n"))

    def test_disabled_and_one_prefix(self):
        r = self.run_cmd("service", "pflog", "start")
        self.assertEqual((r.returncode, r.stdout), (0, "Cannot 'start' pflog. Set pflog_enable to YES in "
                                                       "/etc/rc.conf or use 'onestart' instead of 'start'.\n"))
        self.assertEqual(self.run_cmd("service", "pflog", "enabled").returncode, 1)
        self.assertEqual(self.run_cmd("service", "netif", "enabled").returncode, 0)
        self.assertEqual(self.ok("service", "netif", "rcvar"),
                         '# netif : Network interface setup\n#\nnetif_enable="YES"\n#   (default: "")\n\n')

    def test_unknown_script_and_usage(self):
        r = self.run_cmd("service", "nosuch", "start")
        self.assertEqual((r.returncode, r.stdout), (1, "nosuch does not exist in /etc/rc.d or the local startup\n"
                                                       "directories (/usr/local/etc/rc.d), or is not executable\n"))
        r = self.run_cmd("service", "cron")
        self.assertEqual(r.returncode, 1)
        self.assertIn("service [-j <jail name or id>] -e\n", r.stdout)


if __name__ == "__main__":
    unittest.main()
