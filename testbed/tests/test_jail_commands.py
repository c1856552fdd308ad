"""Tests of the emulated FreeBSD commands of jails and networking (jail, jls, jexec, ifconfig,
devfs, pfctl, rctl): the real command files run with EMU_ROOT set to a
temporary directory.  Expected texts come from FreeBSD's sources and manual
pages (jail.conf(5), jls.c, devfs.rules, rctl(8), pf.conf(5)) and the seeds.

Run: python3 -m unittest discover -s testbed/tests -p 'test_jail_commands.py'
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
EMU = os.path.join(os.path.dirname(HERE), "emu")
BIN = os.path.join(EMU, "bin")
sys.path.insert(0, os.path.join(EMU, "lib"))

BUSYBOX = shutil.which("busybox") or "/bin/busybox"

SEED000_JAIL = r'''
mailserver {
    # Filesystem and process isolation
    path = "/jails/mailserver";
    host.hostname = "mailserver";
    enforce_statfs = 2;
    mount.devfs;
    devfs_ruleset = 4;
    exec.clean;              # reset environment before executing jail commands

    # Standard start/stop
    exec.start = '/bin/sh /etc/rc';
    exec.stop = '/bin/sh /etc/rc.shutdown';
    exec.consolelog = /var/log/jails/mailserver_console.log;

    # VNET networking
    vnet;
    vnet.interface = "e0b_mailserver";

    # Create epair, rename, bridge - runs on the host before jail starts
    exec.prestart += "epair0=\$(ifconfig epair create) && ifconfig \${epair0} up name e0a_mailserver && ifconfig \${epair0%a}b up name e0b_mailserver";
    exec.prestart += "ifconfig bridge0 addm e0a_mailserver";
    exec.prestart += "ifconfig e0a_mailserver description \"vnet0 host interface for Jail mailserver\"";

    # Clean up - runs on the host after jail stops
    exec.poststop += "ifconfig e0a_mailserver destroy";
    mount += "/var/vmail /jails/mailserver/var/vmail nullfs rw 0 0";
}
'''

SEED003_JAIL = r'''# /etc/jail.conf
# defaults applied to every jail unless overridden
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown";
exec.clean;
mount.devfs;
allow.raw_sockets;
host.hostname = "$name";
# unbound — VNET jail with its own epair link to the LAN bridge
unbound {
vnet;
vnet.interface = "epair0b";
exec.prestart = "ifconfig epair0 create up; \
ifconfig bridge0 addm epair0a up; \
ifconfig epair0b vnet unbound";
exec.poststop = "ifconfig epair0a destroy";
path = "/jails/unbound";
persist;
}
# wireguard — VNET jail, separate epair, on the WAN-facing bridge
wireguard {
vnet;
vnet.interface = "epair1b";
exec.prestart = "ifconfig epair1 create up; \
ifconfig bridge1 addm epair1a up; \
ifconfig epair1b vnet wireguard";
exec.poststop = "ifconfig epair1a destroy";
path = "/jails/wireguard";
persist;
}
'''

SEED000_PF = r'''ext_if = "vtnet0"
jail_net = "10.0.0.0/24"
jail_net6 = "2001:db8:1234:5678::/64"
mail_ipv4 = "10.0.0.11"
mail_ipv6 = "2001:db8:1234:5678::11"

# NAT jail traffic going to the internet
nat on $ext_if inet from $jail_net to any -> ($ext_if)

# SMTP from anywhere
rdr pass on $ext_if inet proto tcp from any to ($ext_if) port 25 -> $mail_ipv4

# IMAP and submission
rdr pass on $ext_if inet proto tcp from any to ($ext_if) \
    port {143, 587, 4190} -> $mail_ipv4

pass in quick on $ext_if inet6 proto tcp from any to $mail_ipv6 \
    port 25 flags S/SA keep state
pass in quick on $ext_if inet6 proto tcp from any to $mail_ipv6 \
    port {143, 587, 4190} flags S/SA keep state

# Allow jails to reach the internet, but not each other's private range
pass in quick on bridge0 from $jail_net to ! $jail_net keep state
pass in quick on bridge0 inet6 from $jail_net6 to ! $jail_net6 keep state
'''

SEED003_PF = r'''ext_if = "vtnet0"
lan_if = "bridge0"
lan_net = "10.10.10.0/24"
# Allow LAN clients to reach the unbound jail's IP on port 53
pass in on $lan_if proto { tcp udp } \
  from $lan_net to 10.10.10.53 port domain keep state
# Allow the unbound jail outbound to root servers
pass out on $ext_if from 10.10.10.53 to any port domain keep state
'''


def copy_libs(binary, root):
    """A dynamically linked busybox needs its loader and libraries in the chroot."""
    r = subprocess.run(["ldd", binary], capture_output=True, text=True)
    for line in r.stdout.splitlines():
        parts = line.split()
        for p in parts:
            if p.startswith("/") and os.path.exists(p):
                dst = os.path.join(root, p.lstrip("/"))
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copy(p, dst)


class EmuCase(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="emu-jail-")
        for d in ("etc", "root", "var/log/jails", "var/vmail"):
            os.makedirs(os.path.join(self.root, d), exist_ok=True)
        self.env = dict(os.environ, EMU_ROOT=self.root, PATH=BIN + ":" + os.environ.get("PATH", ""))

    def tearDown(self):
        # Stop whatever jails a test left running (their processes are ours).
        state = os.path.join(self.root, "var/db/emu/kernel/jails.json")
        if os.path.exists(state):
            subprocess.run([os.path.join(BIN, "jail"), "-R", "*"], env=self.env, capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def run_cmd(self, *argv, stdin=None):
        cmd = list(argv)
        if not cmd[0].startswith("/"):
            cmd[0] = os.path.join(BIN, cmd[0])
        return subprocess.run(cmd, env=self.env, capture_output=True, text=True, input=stdin)

    def write(self, path, text, mode=0o644):
        p = os.path.join(self.root, path.lstrip("/"))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(text)
        os.chmod(p, mode)
        return p

    def make_jail_root(self, name, rc="sleep 600 &\n"):
        base = os.path.join(self.root, "jails", name)
        for d in ("bin", "etc", "root", "dev", "var/vmail", "tmp"):
            os.makedirs(os.path.join(base, d), exist_ok=True)
        shutil.copy(BUSYBOX, os.path.join(base, "bin/busybox"))
        copy_libs(BUSYBOX, base)
        for c in ("sh", "echo", "cat", "hostname", "sleep", "ls", "env", "pwd"):
            os.symlink("busybox", os.path.join(base, "bin", c))
        self.write("/jails/%s/etc/rc" % name, 'echo "rc in $(hostname)"\n' + rc)
        self.write("/jails/%s/etc/rc.shutdown" % name, "echo rc.shutdown\n")
        self.write("/jails/%s/etc/passwd" % name, "root:*:0:0:Charlie &:/root:/bin/sh\n")
        return base


class JailConfTest(unittest.TestCase):
    """jail.conf(5) parsing, errors as jail(8) prints them."""

    def load(self, text, name="/etc/jail.conf"):
        import emu_jailconf as jc
        return {j.name: j for j in jc.load_text(text, name)}

    def test_seed000_stanza(self):
        j = self.load(SEED000_JAIL)["mailserver"]
        self.assertEqual(j.string("path"), "/jails/mailserver")
        self.assertTrue(j.bool("mount.devfs"))
        self.assertTrue(j.bool("vnet"))
        self.assertEqual(j.values("exec.prestart"), [
            "epair0=$(ifconfig epair create) && ifconfig ${epair0} up name e0a_mailserver"
            " && ifconfig ${epair0%a}b up name e0b_mailserver",
            "ifconfig bridge0 addm e0a_mailserver",
            'ifconfig e0a_mailserver description "vnet0 host interface for Jail mailserver"'])
        self.assertEqual(j.string("exec.consolelog"), "/var/log/jails/mailserver_console.log")
        self.assertEqual(j.string("exec.start"), "/bin/sh /etc/rc")

    def test_seed003_defaults_variables_continuations(self):
        js = self.load(SEED003_JAIL)
        self.assertEqual(sorted(js), ["unbound", "wireguard"])
        u = js["unbound"]
        self.assertEqual(u.string("host.hostname"), "unbound")
        self.assertEqual(js["wireguard"].string("host.hostname"), "wireguard")
        self.assertEqual(u.values("exec.prestart"), [
            "ifconfig epair0 create up; ifconfig bridge0 addm epair0a up; ifconfig epair0b vnet unbound"])
        self.assertTrue(u.bool("persist"))
        self.assertTrue(u.bool("allow.raw_sockets"))

    def test_manual_page_example(self):
        js = self.load(textwrap.dedent('''\
            # Typical static defaults:
            exec.start = "/bin/sh /etc/rc";
            exec.stop = "/bin/sh /etc/rc.shutdown jail";
            exec.clean;
            mount.devfs;
            path = "/var/jail/$name";
            foo {
            \thost.hostname = "foo.com";
            \tip4.addr = 10.1.1.1, 10.1.1.2, 10.1.1.3;
            }
            bar {
            \texec.start = '';
            \texec.stop = '';
            \tpath = /;
            \tmount.nodevfs;
            \tpersist;\t// Required because there are no processes
            }
            '''))
        self.assertEqual(js["foo"].string("path"), "/var/jail/foo")
        self.assertEqual(js["foo"].values("ip4.addr"), ["10.1.1.1", "10.1.1.2", "10.1.1.3"])
        self.assertEqual(js["bar"].string("path"), "/")
        self.assertFalse(js["bar"].bool("mount.devfs"))
        self.assertEqual(js["bar"].string("exec.start"), "")

    def test_append_wildcard_quoting_comments(self):
        js = self.load(textwrap.dedent('''\
            /* C comment
               over lines */
            $base = "/j";
            exec.prestart = "echo one";
            a { exec.prestart += 'echo $two'; path = "${base}/$name"; nopersist; }
            * { persist; }
            b { path = x\\ y; host.hostname = "tab\\there"; }
            '''))
        self.assertEqual(js["a"].values("exec.prestart"), ["echo one", "echo $two"])
        self.assertEqual(js["a"].string("path"), "/j/a")
        self.assertTrue(js["a"].bool("persist"))      # the later wildcard wins
        self.assertEqual(js["b"].string("path"), "x y")
        self.assertEqual(js["b"].string("host.hostname"), "tab\there")

    def test_include(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "etc/jail.conf.d"))
            with open(os.path.join(d, "etc/jail.conf.d/w.conf"), "w") as f:
                f.write('w { path = /jails/w; }\n')
            import emu_common
            saved = (emu_common.ROOT, emu_common.REAL_ROOT)
            emu_common.ROOT, emu_common.REAL_ROOT = d, False
            try:
                js = self.load('.include "/etc/jail.conf.d/*.conf";\n')
            finally:
                emu_common.ROOT, emu_common.REAL_ROOT = saved
        self.assertEqual(js["w"].string("path"), "/jails/w")

    def test_errors(self):
        import emu_jailconf as jc
        cases = [
            ("foo {\n  path = /x\n}\n", "/etc/jail.conf line 3: }: syntax error"),
            ("foo { path = /x; ", "/etc/jail.conf: unexpected EOF"),
            ('foo {\n path = "abc;\n}\n', "/etc/jail.conf line 2: unterminated string"),
            ("/* open", "/etc/jail.conf line 1: unterminated comment"),
        ]
        for text, msg in cases:
            with self.subTest(text=text):
                with self.assertRaises(jc.ConfError) as cm:
                    jc.load_text(text, "/etc/jail.conf")
                self.assertEqual(str(cm.exception), msg)
        j = jc.load_text("x { path = $nope; }")[0]
        self.assertEqual(j.errors, ['path: variable "nope" not found'])
        self.assertEqual(jc.load_text(""), [])   # no-op: an empty file is valid


class JailLifecycleTest(EmuCase):
    def setUp(self):
        super().setUp()
        if os.geteuid() != 0:
            self.skipTest("jail(8) emulation needs root for chroot(2)")

    def test_seed000_jail_start_jls_jexec_stop(self):
        self.make_jail_root("mailserver")
        self.write("/etc/jail.conf", SEED000_JAIL)
        self.assertEqual(self.run_cmd("ifconfig", "bridge", "create").stdout, "bridge0\n")
        r = self.run_cmd("jail", "-c", "mailserver")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "e0a_mailserver\ne0b_mailserver\nmailserver: created\n")
        r = self.run_cmd("jls")
        self.assertEqual(r.stdout,
                         "   JID  IP Address      Hostname                      Path\n"
                         "     1                  mailserver                    /jails/mailserver\n")
        self.assertEqual(self.run_cmd("jls", "-j", "mailserver", "jid").stdout, "1\n")
        self.assertEqual(self.run_cmd("jls", "-n", "-j", "mailserver", "name", "vnet", "persist").stdout,
                         "name=mailserver vnet=new nopersist\n")
        self.assertEqual(self.run_cmd("jexec", "mailserver", "hostname").stdout, "mailserver\n")
        self.assertEqual(self.run_cmd("jexec", "mailserver", "/bin/sh", "-c", "pwd; cat /etc/rc.shutdown").stdout,
                         "/\necho rc.shutdown\n")
        # the jail's vnet: its lo0 and the moved epair end, not the host's
        self.assertEqual(self.run_cmd("jexec", "mailserver", "ifconfig", "-l").stdout, "lo0 e0b_mailserver\n")
        self.assertEqual(self.run_cmd("ifconfig", "-l").stdout, "vtnet0 lo0 bridge0 e0a_mailserver\n")
        out = self.run_cmd("ifconfig", "e0a_mailserver").stdout
        self.assertIn("\tdescription: vnet0 host interface for Jail mailserver\n", out)
        self.assertIn("member: e0a_mailserver flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>",
                      self.run_cmd("ifconfig", "bridge0").stdout)
        with open(os.path.join(self.root, "var/log/jails/mailserver_console.log")) as f:
            self.assertEqual(f.read(), "rc in mailserver\n")
        r = self.run_cmd("jail", "-c", "mailserver")
        self.assertEqual((r.returncode, r.stderr), (1, 'jail: "mailserver" already exists\n'))
        r = self.run_cmd("jail", "-r", "mailserver")
        self.assertEqual((r.returncode, r.stdout), (0, "mailserver: removed\n"), r.stderr)
        self.assertEqual(self.run_cmd("ifconfig", "-l").stdout, "vtnet0 lo0 bridge0\n")
        self.assertEqual(self.run_cmd("jls").stdout, "   JID  IP Address      Hostname                      Path\n")
        r = self.run_cmd("jexec", "mailserver", "hostname")
        self.assertEqual((r.returncode, r.stderr), (1, 'jexec: jail "mailserver" not found\n'))
        r = self.run_cmd("jls", "-j", "mailserver")
        self.assertEqual((r.returncode, r.stderr.splitlines()[-1]), (1, 'jls: jail "mailserver" not found'))

    def test_failing_prestart_creates_nothing(self):
        self.make_jail_root("x")
        self.write("/etc/jail.conf", 'x { path = /jails/x; persist; exec.prestart = "true"; exec.prestart += "false"; }\n')
        r = self.run_cmd("jail", "-c", "x")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "jail: x: false: failed\n")
        self.assertEqual(self.run_cmd("jls", "name").stdout, "")

    def test_seed003_prestart_fails_as_on_freebsd(self):
        # "ifconfig epair0b vnet unbound" runs before the jail exists.
        self.make_jail_root("unbound")
        self.write("/etc/jail.conf", SEED003_JAIL)
        self.run_cmd("ifconfig", "bridge0", "create")
        r = self.run_cmd("jail", "-c", "unbound")
        self.assertEqual(r.returncode, 1)
        self.assertIn('ifconfig: jail "unbound" not found\n', r.stderr)
        self.assertIn("jail: unbound: /bin/sh -c ifconfig epair0 create up; ", r.stderr)

    def test_missing_consolelog_dir_fails(self):
        self.make_jail_root("c")
        self.write("/etc/jail.conf", 'c { path = /jails/c; exec.start = "/bin/sh /etc/rc"; '
                   'exec.consolelog = /var/log/nodir/c.log; }\n')
        r = self.run_cmd("jail", "-c", "c")
        self.assertEqual(r.returncode, 1)
        self.assertIn("jail: c: open /var/log/nodir/c.log: No such file or directory", r.stderr)
        self.assertEqual(self.run_cmd("jls", "name").stdout, "")

    def test_command_line_jail_and_not_found(self):
        self.make_jail_root("p")
        r = self.run_cmd("jail", "-c", "name=p", "path=/jails/p", "host.hostname=p.lan", "persist")
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)
        self.assertEqual(self.run_cmd("jls", "-N").stdout.splitlines()[1].split(), ["p", "p.lan", "/jails/p"])
        r = self.run_cmd("jail", "-r", "nosuch")
        self.assertEqual((r.returncode, r.stderr), (1, 'jail: "nosuch" not found\n'))


class IfconfigTest(EmuCase):
    def test_epair_bridge_inet(self):
        self.assertEqual(self.run_cmd("ifconfig", "epair", "create").stdout, "epair0a\n")
        self.assertEqual(self.run_cmd("ifconfig", "epair", "create").stdout, "epair1a\n")
        self.assertEqual(self.run_cmd("ifconfig", "-l").stdout, "vtnet0 lo0 epair0a epair0b epair1a epair1b\n")
        r = self.run_cmd("ifconfig", "epair0b", "destroy")     # either end destroys both
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        self.assertEqual(self.run_cmd("ifconfig", "-l").stdout, "vtnet0 lo0 epair1a epair1b\n")
        self.assertEqual(self.run_cmd("ifconfig", "bridge0", "create").stdout, "bridge0\n")
        self.run_cmd("ifconfig", "bridge0", "inet", "10.0.0.1", "netmask", "255.255.255.0")
        self.run_cmd("ifconfig", "bridge0", "inet6", "2001:db8:1234:5678::1/64")
        out = self.run_cmd("ifconfig", "bridge0").stdout.splitlines()
        self.assertEqual(out[0], "bridge0: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500")
        self.assertIn("\tinet 10.0.0.1 netmask 0xffffff00 broadcast 10.0.0.255", out)
        self.assertIn("\tinet6 2001:db8:1234:5678::1 prefixlen 64", out)
        self.assertEqual(out[-2:], ["\tgroups: bridge", "\tnd6 options=1<PERFORMNUD>"])
        r = self.run_cmd("ifconfig", "nosuch0", "up")
        self.assertEqual((r.returncode, r.stderr), (1, "ifconfig: interface nosuch0 does not exist\n"))
        r = self.run_cmd("ifconfig", "bridge0", "addm", "nosuch0")
        self.assertEqual(r.stderr, "ifconfig: BRDGADD nosuch0: No such file or directory\n")
        self.assertEqual(self.run_cmd("ifconfig", "epair1a", "name", "e0a_x").stdout, "e0a_x\n")
        self.assertEqual(self.run_cmd("ifconfig", "-l").stdout, "vtnet0 lo0 e0a_x epair1b bridge0\n")

    def test_host_defaults(self):
        out = self.run_cmd("ifconfig", "lo0").stdout
        self.assertEqual(out, "lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384\n"
                              "\toptions=680003<RXCSUM,TXCSUM,LINKSTATE,RXCSUM_IPV6,TXCSUM_IPV6>\n"
                              "\tinet 127.0.0.1 netmask 0xff000000\n"
                              "\tinet6 ::1 prefixlen 128\n"
                              "\tinet6 fe80::1%lo0 prefixlen 64 scopeid 0x2\n"
                              "\tgroups: lo\n"
                              "\tnd6 options=21<PERFORMNUD,AUTO_LINKLOCAL>\n")


class PfctlTest(EmuCase):
    def setUp(self):
        super().setUp()
        # A fresh 14.3 host has no pf.ko loaded: pfctl cannot open /dev/pf (sbin/pfctl/pfctl.c) until
        # `kldload pf` (sbin/kldload/kldload.c), as test_kernel_emu's PfctlTest checks.
        r = self.run_cmd("kldload", "pf")
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_seed000_parses_and_prints(self):
        self.write("/etc/pf.conf", SEED000_PF)
        r = self.run_cmd("pfctl", "-nf", "/etc/pf.conf")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(self.run_cmd("pfctl", "-f", "/etc/pf.conf").returncode, 0)
        self.assertEqual(self.run_cmd("pfctl", "-s", "nat").stdout.splitlines(), [
            "nat on vtnet0 inet from 10.0.0.0/24 to any -> (vtnet0) round-robin",
            "rdr pass on vtnet0 inet proto tcp from any to (vtnet0) port = smtp -> 10.0.0.11",
            "rdr pass on vtnet0 inet proto tcp from any to (vtnet0) port = imap -> 10.0.0.11",
            "rdr pass on vtnet0 inet proto tcp from any to (vtnet0) port = submission -> 10.0.0.11",
            "rdr pass on vtnet0 inet proto tcp from any to (vtnet0) port = sieve -> 10.0.0.11"])
        rules = self.run_cmd("pfctl", "-sr").stdout.splitlines()
        self.assertEqual(rules[0], "pass in quick on vtnet0 inet6 proto tcp from any to "
                                   "2001:db8:1234:5678::11 port = smtp flags S/SA keep state")
        self.assertEqual(rules[-2], "pass in quick on bridge0 from 10.0.0.0/24 to ! 10.0.0.0/24 flags S/SA keep state")
        self.assertEqual(len(rules), 6)

    def test_seed003_port_without_proto_is_rejected(self):
        self.write("/etc/pf.conf", SEED003_PF)
        r = self.run_cmd("pfctl", "-nf", "/etc/pf.conf")
        self.assertEqual((r.returncode, r.stderr), (1, "/etc/pf.conf:8: port only applies to tcp/udp\n"))

    def test_syntax_error_and_enable(self):
        self.write("/etc/pf.conf", "set skip on lo0\npass in all\nblock in proto tcp frm any\n")
        r = self.run_cmd("pfctl", "-f", "/etc/pf.conf")
        self.assertEqual((r.returncode, r.stderr), (1, "/etc/pf.conf:3: syntax error\n"
                                                      "pfctl: Syntax error in config file: pf rules not loaded\n"))
        r = self.run_cmd("pfctl", "-nf", "/etc/pf.conf")
        self.assertEqual(r.stderr, "/etc/pf.conf:3: syntax error\n")
        self.assertEqual(self.run_cmd("pfctl", "-sr").stdout, "")    # nothing was loaded
        r = self.run_cmd("pfctl", "-e")
        self.assertEqual((r.returncode, r.stderr), (0, "pf enabled\n"))
        r = self.run_cmd("pfctl", "-e")
        self.assertEqual((r.returncode, r.stderr), (1, "pfctl: pf already enabled\n"))
        self.assertTrue(self.run_cmd("pfctl", "-si").stdout.startswith("Status: Enabled for 0 days 00:00:0"))
        self.assertEqual(self.run_cmd("pfctl", "-d").stderr, "pf disabled\n")
        self.assertEqual(self.run_cmd("pfctl", "-d").stderr, "pfctl: pf not enabled\n")
        self.write("/etc/empty.conf", "")
        r = self.run_cmd("pfctl", "-nf", "/etc/empty.conf")      # no-op: an empty ruleset is valid
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_macro_not_defined(self):
        self.write("/etc/pf.conf", "pass in on $nope all\n")
        r = self.run_cmd("pfctl", "-nf", "/etc/pf.conf")
        self.assertEqual(r.stderr, "/etc/pf.conf:1: macro 'nope' not defined\n/etc/pf.conf:1: syntax error\n")


@unittest.skipUnless(os.geteuid() == 0 and shutil.which("nft") and shutil.which("ip") and shutil.which("unshare"),
                     "needs root, nft, ip and unshare")
class PfEnforcementTest(unittest.TestCase):
    """A loaded and enabled ruleset really filters inbound TCP (throwaway netns)."""

    def test_block_port_really_blocks(self):
        ns = "emu-jail-pf-%d" % os.getpid()
        if subprocess.run(["ip", "netns", "add", ns], capture_output=True).returncode != 0:
            self.skipTest("cannot create a network namespace here")
        try:
            conf = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
            conf.write("block return in quick proto tcp to port 2222\npass in all\n")
            conf.close()
            script = textwrap.dedent('''\
                set -e
                ip link set lo up
                mount -t tmpfs emu /var
                export PATH=%(bin)s:$PATH EMU_ROOT=/
                kldload -n pf
                python3 -c '
                import socket, sys, time
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("127.0.0.1", 2222)); s.listen(5)
                def probe():
                    c = socket.socket(); c.settimeout(2)
                    try:
                        c.connect(("127.0.0.1", 2222)); return "open"
                    except OSError as e:
                        return "blocked"
                    finally:
                        c.close()
                import subprocess
                print(probe())
                subprocess.run(["pfctl", "-f", "%(conf)s"], check=True)
                print(probe())
                subprocess.run(["pfctl", "-e"], check=True)
                print(probe())
                subprocess.run(["pfctl", "-d"], check=True)
                print(probe())
                '
                ''') % {"bin": BIN, "conf": conf.name}
            r = subprocess.run(["ip", "netns", "exec", ns, "unshare", "-m", "sh", "-c", script],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(r.stdout.split(), ["open", "open", "blocked", "open"], r.stderr)
        finally:
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)
            os.unlink(conf.name)


class RctlTest(EmuCase):
    """rctl(8) on a host booted with RACCT on: GENERIC has kern.racct.enable=0 (a loader tunable), so the host's
    /boot/loader.conf sets kern.racct.enable="1" and the host boots (stand/defaults/loader.conf; emu_loader)."""

    def setUp(self):
        super().setUp()
        self.boot_with_racct("1")

    def boot_with_racct(self, value):
        """Set kern.racct.enable in /boot/loader.conf and forget the kernel state, so the next command boots the
        host (the loader reads loader.conf only at boot; a missing /var/db/emu/kernel is a fresh boot)."""
        self.write("/boot/loader.conf", 'kern.racct.enable="%s"\n' % value)
        shutil.rmtree(os.path.join(self.root, "var/db/emu/kernel"), ignore_errors=True)

    def test_seed003_rules(self):
        rules = ["jail:unbound:memoryuse:deny=512M", "jail:unbound:maxproc:deny=64",
                 "jail:wireguard:memoryuse:deny=128M", "jail:wireguard:maxproc:deny=32"]
        self.assertEqual(self.run_cmd("rctl").stdout, "")          # no-op: no rules yet
        r = self.run_cmd("rctl", "-a", *rules)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(self.run_cmd("rctl").stdout, "jail:unbound:memoryuse:deny=536870912\n"
                                                      "jail:unbound:maxproc:deny=64\n"
                                                      "jail:wireguard:memoryuse:deny=134217728\n"
                                                      "jail:wireguard:maxproc:deny=32\n")
        self.assertEqual(self.run_cmd("rctl", "-h", "jail:unbound").stdout,
                         "jail:unbound:memoryuse:deny=512M\njail:unbound:maxproc:deny=64\n")
        self.run_cmd("rctl", "-a", "j:unbound:memoryuse:deny=256M")   # replaces, alias subject
        self.assertEqual(self.run_cmd("rctl", "jail:unbound:memoryuse").stdout,
                         "jail:unbound:memoryuse:deny=268435456\n")
        self.assertEqual(self.run_cmd("rctl", "-r", "jail:wireguard").returncode, 0)
        self.assertNotIn("wireguard", self.run_cmd("rctl").stdout)

    def test_errors(self):
        cases = [
            ("jail:x:nosuch:deny=1", "rctl: failed to add rule 'jail:x:nosuch:deny=1': Invalid argument\n"),
            ("jail:x:cputime:deny=1", "rctl: failed to add rule 'jail:x:cputime:deny=1': Operation not supported\n"),
            ("jail:x:memoryuse:deny=12Q", "rctl: malformed rule 'jail:x:memoryuse:deny=12Q': invalid numeric value '12Q'\n"),
            ("x", "rctl: malformed rule 'x': missing subject\n"),
        ]
        for rule, msg in cases:
            with self.subTest(rule=rule):
                r = self.run_cmd("rctl", "-a", rule)
                self.assertEqual((r.returncode, r.stderr), (1, msg))

    def test_racct_disabled(self):
        # usr.bin/rctl/rctl.c enosys(): with kern.racct.enable=0 from the loader every call fails
        self.boot_with_racct("0")
        r = self.run_cmd("rctl")
        self.assertEqual((r.returncode, r.stderr),
                         (1, "rctl: RACCT/RCTL present, but disabled; enable using kern.racct.enable=1 tunable\n"))

    def test_rc_script_loads_rctl_conf(self):
        self.write("/etc/rctl.conf", "# /etc/rctl.conf\njail:unbound:memoryuse:deny=512M\n\njail:unbound:maxproc:deny=64\n")
        subprocess.run(["sh", os.path.join(EMU, "lib/emu_install_rc.sh"), self.root, "host"], check=True)
        r = self.run_cmd("service", "rctl", "start")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.run_cmd("rctl").stdout,
                         "jail:unbound:memoryuse:deny=536870912\njail:unbound:maxproc:deny=64\n")


class DevfsTest(EmuCase):
    def test_default_and_custom_rulesets(self):
        self.assertEqual(self.run_cmd("devfs", "rule", "-s", "4", "show").stdout,
                         "100 include 1\n200 include 2\n300 include 3\n400 path fuse unhide\n500 path zfs unhide\n")
        self.assertEqual(self.run_cmd("devfs", "rule", "showsets").stdout, "1\n2\n3\n4\n5\n")
        self.write("/etc/devfs.rules", "[devfsrules_jail_with_pf=100]\nadd include $devfsrules_hide_all\n"
                   "add include $devfsrules_unhide_basic\nadd include $devfsrules_unhide_login\n"
                   "add path 'bpf*' unhide\nadd path pf unhide\n")
        subprocess.run(["sh", os.path.join(EMU, "lib/emu_install_rc.sh"), self.root, "host"], check=True)
        r = self.run_cmd("service", "devfs", "restart")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.run_cmd("devfs", "rule", "-s", "100", "show").stdout,
                         "100 include 1\n200 include 2\n300 include 3\n400 path bpf* unhide\n500 path pf unhide\n")
        self.run_cmd("devfs", "rule", "-s", "10", "add", "path", "null", "unhide")
        self.assertEqual(self.run_cmd("devfs", "rule", "-s", "10", "show").stdout, "100 path null unhide\n")
        r = self.run_cmd("devfs", "rule", "-s", "10", "add", "path", "x", "frob")
        self.assertEqual((r.returncode, r.stderr), (1, "devfs rule: unknown argument: frob\n"))
        self.assertEqual(self.run_cmd("devfs", "-m", "/jails/x/dev", "rule", "-s", "4", "applyset").returncode, 0)


if __name__ == "__main__":
    unittest.main()
