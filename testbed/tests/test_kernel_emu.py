"""Tests of the emulated kernel of a fresh FreeBSD 14.3 host: kldload/kldstat/
kldunload, the loader (emu_loader), and the kernel state pfctl, rctl, sysctl
and ifconfig depend on.  The real command files run with EMU_ROOT set to a
temporary directory holding a fresh install's /boot files.  Each test names the
FreeBSD source (freebsd/freebsd-src) its expectations come from.

Run: cd testbed/tests && python3 -m unittest -v test_kernel_emu
"""
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
EMU = os.path.join(os.path.dirname(HERE), "emu")
BIN = os.path.join(EMU, "bin")
LIB = os.path.join(EMU, "lib")
KERNEL = "/var/db/emu/kernel"
PF_CONF = "set skip on lo0\nblock in all\npass in quick proto tcp to port 22\npass out all keep state\n"


class KernelCase(unittest.TestCase):
    """A fresh host: the /boot files of init.d/10-boot-files, nothing booted."""

    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="emu-kernel-")
        self.addCleanup(shutil.rmtree, self.root, True)
        self.env = dict(os.environ, EMU_ROOT=self.root, EMU_PF_ENFORCE="0",
                        PATH=BIN + ":" + os.environ.get("PATH", "/usr/bin:/bin"))
        subprocess.run([os.path.join(EMU, "init.d", "10-boot-files"), "k1"], env=self.env, check=True)

    def run_cmd(self, *argv):
        return subprocess.run([os.path.join(BIN, argv[0])] + list(argv[1:]), capture_output=True,
                              text=True, env=self.env, stdin=subprocess.DEVNULL, timeout=60)

    def ok(self, *argv):
        r = self.run_cmd(*argv)
        self.assertEqual(r.returncode, 0, "%s: %s%s" % (argv, r.stdout, r.stderr))
        return r.stdout

    def fails(self, argv, code, stderr):
        r = self.run_cmd(*argv)
        self.assertEqual((r.returncode, r.stderr), (code, stderr), argv)
        return r

    def path(self, p):
        return self.root + p

    def write(self, p, text):
        os.makedirs(os.path.dirname(self.path(p)), exist_ok=True)
        with open(self.path(p), "w") as f:
            f.write(text)

    def boot(self):
        """What a boot (testbed/lib/host-boot) does to the kernel state: wipe, boottime, loader."""
        shutil.rmtree(self.path(KERNEL), ignore_errors=True)
        os.makedirs(self.path(KERNEL))
        self.write(KERNEL + "/boottime", "1733200000 123456\n")
        subprocess.run([os.path.join(LIB, "emu_loader")], env=self.env, check=True)

    def loaded_files(self):
        return [line.split()[4] for line in self.ok("kldstat").splitlines()[1:]]


class KldTest(KernelCase):
    def test_fresh_host_has_kernel_and_loader_conf_modules(self):
        # sbin/kldstat/kldstat.c: header and "%2d %4d %p %-8zx %s"; bsdinstall's
        # zfsboot loader.conf preloads zfs (and cryptodev), pf is not loaded.
        out = self.ok("kldstat").splitlines()
        self.assertEqual(out[0], "Id Refs Address            Size     Name")
        self.assertRegex(out[1], r"^ 1 +\d+ 0xffffffff80200000 [0-9a-f]+ +kernel$")
        self.assertEqual(self.loaded_files(), ["kernel", "cryptodev.ko", "zfs.ko"])

    def test_kldstat_m_and_q(self):
        # sbin/kldstat/kldstat.c main(): -m prints "Id  Refs Name", -q only the
        # exit code, a missing module is warn("can't find module %s"), exit 1.
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "pf").returncode, 1)
        self.fails(["kldstat", "-m", "pf"], 1, "kldstat: can't find module pf: No such file or directory\n")
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "zfs").returncode, 0)
        self.assertEqual(self.ok("kldstat", "-q", "-m", "zfs"), "")
        out = self.ok("kldstat", "-m", "if_lo").splitlines()
        self.assertEqual(out[0], "Id  Refs Name")
        self.assertRegex(out[1], r"^ +\d+ +1 if_lo$")

    def test_kldstat_n_and_v(self):
        # kldstat.c: -n FILE via kldfind (name with or without .ko), err(1) when
        # missing; -v adds the path and "Contains modules:".
        self.fails(["kldstat", "-n", "pf"], 1, "kldstat: can't find file pf: No such file or directory\n")
        out = self.ok("kldstat", "-v", "-n", "zfs").splitlines()
        self.assertRegex(out[1], r"^ 3 +1 0x[0-9a-f]{16} [0-9a-f]+ +zfs.ko \(/boot/kernel/zfs.ko\)$")
        self.assertEqual(out[2:4], ["\tContains modules:", "\t\tId Name"])
        self.assertIn("zfs", [line.split()[-1] for line in out[4:]])

    def test_kldload_messages_and_exit_codes(self):
        # sbin/kldload/kldload.c main(): -v "Loaded %s, id=%d"; EEXIST without -n
        # "can't load %s: module already loaded or in kernel" (exit 1); with -n
        # silent success ("%s is already loaded" only with -v); -q silences.
        self.assertEqual(self.ok("kldload", "-v", "pf"), "Loaded pf, id=4\n")
        self.fails(["kldload", "pf"], 1, "kldload: can't load pf: module already loaded or in kernel\n")
        self.assertEqual(self.ok("kldload", "-n", "pf"), "")
        self.assertEqual(self.ok("kldload", "-nv", "pf"), "pf is already loaded\n")
        self.fails(["kldload", "-q", "pf"], 1, "")
        self.fails(["kldload", "nosuchmod"], 1, "kldload: can't load nosuchmod: No such file or directory\n")
        self.fails(["kldload"], 1, "usage: kldload [-nqv] file ...\n")

    def test_kldload_of_a_module_in_the_kernel_is_eexist(self):
        # kern_linker.c kern_kldload(): a bare name is a module name; one
        # compiled into GENERIC (if_lo) already exists.  rc.subr's
        # `kldstat -q -m MOD || kldload -nq MOD` is a no-op for it.
        self.fails(["kldload", "if_lo"], 1, "kldload: can't load if_lo: module already loaded or in kernel\n")
        self.assertEqual(self.ok("kldload", "-nq", "if_lo"), "")
        self.assertEqual(self.ok("kldload", "-n", "zfs"), "")

    def test_kldload_file_names_and_dependencies(self):
        # kldload accepts NAME.ko and /boot/kernel/NAME.ko; pflog's
        # MODULE_DEPEND(pflog, pf) loads pf.ko first, its only reference being
        # pflog's, so kern_kldunload() refuses it (userrefs 0).
        self.ok("kldload", "/boot/kernel/pflog.ko")
        self.assertEqual(self.loaded_files()[-2:], ["pf.ko", "pflog.ko"])
        refs = {line.split()[4]: int(line.split()[1]) for line in self.ok("kldstat").splitlines()[1:]}
        self.assertEqual(refs["pf.ko"], 1)
        self.fails(["kldunload", "pf"], 1, "kldunload: can't unload file: Device busy\n")
        self.fails(["kldload", "pflog.ko"], 1, "kldload: can't load pflog.ko: module already loaded or in kernel\n")

    def test_kldunload(self):
        # sbin/kldunload/kldunload.c: -v "Unloading %s, id=%d"; kldfind failure
        # errx "can't find file %s"; kldunloadf failure err "can't unload file".
        self.ok("kldload", "pf")
        self.assertEqual(self.ok("kldunload", "-v", "pf"), "Unloading pf.ko, id=4\n")
        self.assertNotIn("pf.ko", self.loaded_files())
        self.fails(["kldunload", "pf"], 1, "kldunload: can't find file pf\n")
        self.fails(["kldunload"], 64, "usage: kldunload [-fv] -i id ...\n       kldunload [-fv] [-n] name ...\n")

    def test_kldunload_of_a_file_others_depend_on(self):
        # kern_linker.c: kldunload of pf while pflog needs it only drops the
        # user's reference (refs > 1); the next try is EBUSY (userrefs 0);
        # unloading pflog then takes pf with it.
        self.ok("kldload", "pf")
        self.ok("kldload", "pflog")
        self.assertEqual(self.ok("kldunload", "pf"), "")
        self.assertIn("pf.ko", self.loaded_files())
        self.fails(["kldunload", "pf"], 1, "kldunload: can't unload file: Device busy\n")
        self.ok("kldunload", "pflog")
        self.assertNotIn("pf.ko", self.loaded_files())

    def test_kldunload_kernel_and_busy_zfs(self):
        self.fails(["kldunload", "kernel"], 1, "kldunload: can't unload file: Device busy\n")
        self.fails(["kldunload", "zfs"], 1, "kldunload: can't unload file: Device busy\n")

    def test_boot_forgets_loaded_modules(self):
        self.ok("kldload", "pf")
        self.boot()
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "pf").returncode, 1)


class LoaderTest(KernelCase):
    def test_loader_conf_files_in_order(self):
        # stand/lua/config.lua readConfFiles: loader.conf, then
        # loader.conf.d/*.conf, then loader.conf.local (later wins);
        # X_load="YES" preloads X.ko, X_name renames the file; everything else
        # becomes the kernel environment.
        self.write("/boot/loader.conf", self.read_boot("/boot/loader.conf") + 'pf_load="YES"\nfoo.bar="1"\n')
        self.write("/boot/loader.conf.d/10-a.conf", 'foo.bar="2"\nnullfs_load="YES"\n')
        self.write("/boot/loader.conf.local", 'foo.bar=3  # comment\nmybridge_load="YES"\nmybridge_name="if_bridge"\n')
        self.boot()
        kenv = self.read_boot(KERNEL + "/kenv")
        self.assertIn("foo.bar=3\n", kenv)
        self.assertIn("kern.geom.label.gptid.enable=0\n", kenv)
        self.assertNotIn("pf_load", kenv)
        files = self.loaded_files()
        for f in ("zfs.ko", "pf.ko", "nullfs.ko", "if_bridge.ko", "bridgestp.ko"):
            self.assertIn(f, files)

    def test_loader_conf_load_no_and_unknown_modules(self):
        self.write("/boot/loader.conf", 'pf_load="NO"\nnosuch_load="YES"\n')
        self.boot()
        self.assertEqual(self.loaded_files(), ["kernel"])

    def test_loader_conf_files_reset_inside_a_file(self):
        # config.lua: a file that sets loader_conf_files has the new list read.
        self.write("/boot/loader.conf", 'loader_conf_files="/boot/extra.conf"\n')
        self.write("/boot/extra.conf", 'kern.racct.enable="1"\n')
        self.boot()
        self.assertEqual(self.ok("sysctl", "-n", "kern.racct.enable"), "1\n")

    def read_boot(self, p):
        with open(self.path(p)) as f:
            return f.read()


class SysctlTest(KernelCase):
    def test_racct_tunable_defaults_to_0_and_refuses_a_value(self):
        # sbin/sysctl/sysctl.c parse(): !CTLFLAG_WR && CTLFLAG_TUN -> two warnx
        # lines, return 1.  GENERIC 14.3: kern.racct.enable=0.
        self.assertEqual(self.ok("sysctl", "kern.racct.enable"), "kern.racct.enable: 0\n")
        self.fails(["sysctl", "kern.racct.enable=1"], 1,
                   "sysctl: oid 'kern.racct.enable' is a read only tunable\n"
                   "sysctl: Tunable values are set in /boot/loader.conf\n")
        self.assertEqual(self.ok("sysctl", "-n", "kern.racct.enable"), "0\n")

    def test_racct_tunable_from_loader_conf_after_boot(self):
        self.write("/boot/loader.conf.d/racct.conf", 'kern.racct.enable="1"\n')
        self.assertEqual(self.ok("sysctl", "-n", "kern.racct.enable"), "1\n")  # first command boots
        self.write("/boot/loader.conf.d/racct.conf", 'kern.racct.enable="0"\n')
        self.assertEqual(self.ok("sysctl", "-n", "kern.racct.enable"), "1\n")  # only at boot
        self.boot()
        self.assertEqual(self.ok("sysctl", "-n", "kern.racct.enable"), "0\n")

    def test_boottime(self):
        # sysctl.c S_timeval(): "{ sec = %jd, usec = %ld } " + ctime(3).
        self.boot()
        self.assertEqual(self.ok("sysctl", "kern.boottime"),
                         "kern.boottime: { sec = 1733200000, usec = 123456 } Tue Dec  3 04:26:40 2024\n")
        self.assertEqual(self.ok("sysctl", "-n", "kern.boottime"),
                         "{ sec = 1733200000, usec = 123456 } Tue Dec  3 04:26:40 2024\n")

    def test_live_values_are_kernel_state(self):
        # net.inet.ip.forwarding starts at the kernel's 0; a live change is lost
        # at boot (rc.d/routing sets it again from gateway_enable).
        self.assertEqual(self.ok("sysctl", "net.inet.ip.forwarding=1"), "net.inet.ip.forwarding: 0 -> 1\n")
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding"), "1\n")
        self.boot()
        self.assertEqual(self.ok("sysctl", "-n", "net.inet.ip.forwarding"), "0\n")

    def test_flags(self):
        # sysctl.c: -e name=value, -N names, -q/-i for unknown oids.
        self.assertEqual(self.ok("sysctl", "-e", "kern.racct.enable"), "kern.racct.enable=0\n")
        self.assertEqual(self.ok("sysctl", "-N", "kern.racct.enable"), "kern.racct.enable\n")
        self.fails(["sysctl", "-q", "no.such"], 1, "")
        self.assertEqual(self.ok("sysctl", "-i", "no.such"), "")


class PfctlTest(KernelCase):
    def test_every_pfctl_call_fails_while_pf_is_not_loaded(self):
        # sbin/pfctl/pfctl.c main(): open(pf_device) fails -> err(1, "%s", pf_device).
        self.write("/etc/pf.conf", PF_CONF)
        for argv in (["-s", "info"], ["-e"], ["-d"], ["-f", "/etc/pf.conf"], ["-s", "rules"],
                     ["-F", "all"], ["-t", "x", "-T", "show"]):
            self.fails(["pfctl"] + argv, 1, "pfctl: /dev/pf: No such file or directory\n")

    def test_parse_only_needs_pf_too(self):
        # pfctl.c main(): with -n, open(O_RDONLY) may fail, but pfctl_open() (lib/libpfctl/libpfctl.c) opens
        # O_RDWR, fails, and its close(-1) leaves EBADF for err(1, "Failed to open netlink").
        self.write("/etc/pf.conf", PF_CONF)
        self.fails(["pfctl", "-nf", "/etc/pf.conf"], 1, "pfctl: Failed to open netlink: Bad file descriptor\n")
        self.ok("kldload", "pf")
        self.assertEqual(self.ok("pfctl", "-nf", "/etc/pf.conf"), "")
        self.write("/etc/bad.conf", "pass in frobnicate\n")
        self.fails(["pfctl", "-nf", "/etc/bad.conf"], 1, "/etc/bad.conf:1: syntax error\n")

    def test_after_kldload_pf_is_disabled_and_empty(self):
        self.ok("kldload", "pf")
        self.assertTrue(self.ok("pfctl", "-s", "info").startswith("Status: Disabled"))
        self.assertEqual(self.ok("pfctl", "-s", "rules"), "")
        self.write("/etc/pf.conf", PF_CONF)
        self.ok("pfctl", "-f", "/etc/pf.conf")
        self.ok("pfctl", "-e")
        self.assertTrue(self.ok("pfctl", "-s", "info").startswith("Status: Enabled"))
        self.assertIn("block drop in all", self.ok("pfctl", "-s", "rules"))

    def test_kldunload_and_boot_forget_the_ruleset(self):
        # sys/netpfil/pf/pf_ioctl.c pf_unload(): rules and state go with the module.
        self.write("/etc/pf.conf", PF_CONF)
        self.ok("kldload", "pf")
        self.ok("pfctl", "-f", "/etc/pf.conf")
        self.ok("pfctl", "-e")
        self.ok("kldunload", "pf")
        self.fails(["pfctl", "-s", "rules"], 1, "pfctl: /dev/pf: No such file or directory\n")
        self.ok("kldload", "pf")
        self.assertEqual(self.ok("pfctl", "-s", "rules"), "")
        self.ok("pfctl", "-f", "/etc/pf.conf")
        self.boot()
        self.fails(["pfctl", "-s", "rules"], 1, "pfctl: /dev/pf: No such file or directory\n")

    def test_log_rules_load_without_pflog(self):
        # pf does not check that pflog0 exists: a `log` rule loads without pflog.
        self.write("/etc/pf.conf", "block in log all\n")
        self.ok("kldload", "pf")
        self.assertEqual(self.run_cmd("pfctl", "-f", "/etc/pf.conf").returncode, 0)
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "pflog").returncode, 1)


class RctlTest(KernelCase):
    MSG = "rctl: RACCT/RCTL present, but disabled; enable using kern.racct.enable=1 tunable\n"

    def test_rctl_fails_while_racct_is_disabled(self):
        # usr.bin/rctl/rctl.c enosys(): errx(1, ...) when kern.racct.enable is 0.
        for argv in ([], ["-a", "jail:www:maxproc:deny=100"], ["-r", "jail:www"], ["-u", "jail:www"],
                     ["-l", "jail:www"], ["jail:www"]):
            self.fails(["rctl"] + argv, 1, self.MSG)

    def test_client_side_errors_come_first(self):
        # rctl.c: expand_rule() complains before any syscall; usage before both.
        self.fails(["rctl", "-a", "x"], 1, "rctl: malformed rule 'x': missing subject\n")
        self.fails(["rctl", "-a"], 1,
                   "usage: rctl [ -h ] [-a rule | -l filter | -r filter | -u filter | filter]\n")

    def test_rctl_works_after_boot_with_racct_enabled(self):
        self.write("/boot/loader.conf.d/racct.conf", 'kern.racct.enable="1"\n')
        self.boot()
        self.assertEqual(self.ok("rctl", "-a", "jail:www:maxproc:deny=100"), "")
        self.assertEqual(self.ok("rctl"), "jail:www:maxproc:deny=100\n")
        self.boot()  # rules are kernel state
        self.assertEqual(self.ok("rctl"), "")


class IfconfigTest(KernelCase):
    def test_create_autoloads_cloner_modules(self):
        # sbin/ifconfig/ifconfig.c ifmaybeload(): if_<kind> is loaded before
        # the interface is looked up or created.
        self.assertEqual(self.ok("ifconfig", "bridge0", "create"), "bridge0\n")
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "if_bridge").returncode, 0)
        self.assertIn("bridgestp.ko", self.loaded_files())
        self.assertEqual(self.ok("ifconfig", "epair", "create"), "epair0a\n")
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "if_epair").returncode, 0)

    def test_a_looked_up_interface_loads_its_module_too(self):
        r = self.run_cmd("ifconfig", "bridge5")
        self.assertEqual((r.returncode, r.stderr), (1, "ifconfig: interface bridge5 does not exist\n"))
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "if_bridge").returncode, 0)

    def test_noload_flag(self):
        # ifconfig.c: -n sets noload; ifmaybeload() returns at once and
        # without if_bridge there is no cloner (SIOCIFCREATE2: EINVAL).
        r = self.run_cmd("ifconfig", "-n", "bridge0", "create")
        self.assertEqual((r.returncode, r.stderr), (1, "ifconfig: SIOCIFCREATE2 (bridge0): Invalid argument\n"))
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "if_bridge").returncode, 1)

    def test_no_module_for_builtin_interfaces(self):
        before = self.loaded_files()
        self.ok("ifconfig", "lo0")
        self.assertEqual(self.loaded_files(), before)

    def test_boot_forgets_interfaces(self):
        self.ok("ifconfig", "bridge0", "create")
        self.boot()
        self.assertEqual(self.ok("ifconfig", "-l"), "vtnet0 lo0\n")
        self.assertEqual(self.run_cmd("kldstat", "-q", "-m", "if_bridge").returncode, 1)


if __name__ == "__main__":
    unittest.main()
