"""pw(8), pwd_mkdb(8) and getent(1) of the testbed against FreeBSD's sources:
usr.sbin/pw/pw_user.c (useradd/usermod/userdel, pw_uidpolicy, pw_gidpolicy, pw_checkname, the base home kludge,
copymkdir), usr.sbin/pw/pw_group.c, usr.sbin/pw/bitmap.c, usr.sbin/pwd_mkdb/pwd_mkdb.c, usr.bin/getent/getent.c.
Each runs under dash and busybox sh (jail roots run the same scripts with busybox)."""
import os, shutil, stat, unittest
from emu_support import EmuCase, EMU, SHELLS

LIB = os.path.join(EMU, "lib")


class AccountsCase(EmuCase):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("/etc"))
        os.makedirs(self.path("/var/mail"))
        os.makedirs(self.path("/bin"))
        for sh in ("sh", "csh"):
            self.write("/bin/" + sh, "", 0o755)
        shutil.copytree(os.path.join(LIB, "skel"), self.path("/usr/share/skel"))
        shutil.copy(os.path.join(LIB, "emu_group"), self.path("/etc/group"))
        shutil.copy(os.path.join(LIB, "emu_master.passwd"), self.path("/etc/master.passwd.init"))
        self.ok("pwd_mkdb", "-p", "-d", "/etc", "/etc/master.passwd.init")

    def entry(self, name, file="/etc/master.passwd"):
        for line in self.read(file).splitlines():
            if line.split(":")[0] == name:
                return line
        return None

    def fails(self, code, stderr, *argv, **kw):
        r = self.run_cmd(*argv, **kw)
        self.assertEqual((r.returncode, r.stderr), (code, stderr), argv)


class PwdMkdbTest(AccountsCase):
    def test_passwd_is_the_v7_view_of_master_passwd(self):
        # pwd_mkdb.c: "%s:*:%d:%d:%s:%s:%s\n" for every entry, comments copied
        self.assertEqual(self.read("/etc/passwd").splitlines()[:3],
                         ["#", "root:*:0:0:Charlie &:/root:/bin/sh", "toor:*:0:0:Bourne-again Superuser:/root:"])
        self.assertEqual(stat.S_IMODE(os.stat(self.path("/etc/master.passwd")).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(self.path("/etc/passwd")).st_mode), 0o644)
        self.assertFalse(os.path.exists(self.path("/etc/master.passwd.init")))

    def test_a_short_entry_is_refused(self):
        self.write("/etc/mp", "root::0:0::0:0:Charlie &:/root:/bin/sh\nbad:*:1:1\n")
        self.fails(1, "pwd_mkdb: /etc/mp: corrupted entry\npwd_mkdb: at line #2\n", "pwd_mkdb", "-p", "/etc/mp")


class PwUserTest(AccountsCase):
    def test_useradd_as_a_fresh_freebsd_does(self):
        for shell in [None] + SHELLS:
            with self.subTest(shell=shell):
                self.setUp()
                self.ok("pw", "useradd", "-n", "alice", "-c", "Alice A", "-m", "-G", "wheel", shell=shell)
                # bitmap.c bm_lastset is 0 on an empty map: the first uid is 1001; the own group gets gid == uid
                self.assertEqual(self.entry("alice"), "alice:*:1001:1001::0:0:Alice A:/home/alice:/bin/sh")
                self.assertEqual(self.entry("alice", "/etc/passwd"), "alice:*:1001:1001:Alice A:/home/alice:/bin/sh")
                self.assertEqual(self.entry("alice", "/etc/group"), "alice:*:1001:")
                self.assertEqual(self.entry("wheel", "/etc/group"), "wheel:*:0:root,alice")
                # /home did not exist: pw makes /usr/home and the link /home -> usr/home
                self.assertEqual(os.readlink(self.path("/home")), "usr/home")
                home = self.path("/usr/home/alice")
                self.assertEqual(sorted(os.listdir(home)), [".cshrc", ".login", ".login_conf", ".mail_aliases",
                                                            ".mailrc", ".profile", ".shrc"])
                self.assertTrue(os.path.isfile(self.path("/var/mail/alice")))
                self.ok("pw", "useradd", "bob", shell=shell)   # the name as first operand, gecos "User &"
                self.assertEqual(self.entry("bob"), "bob:*:1002:1002::0:0:User &:/home/bob:/bin/sh")
                self.assertFalse(os.path.exists(self.path("/usr/home/bob")))

    def test_errors_and_exit_codes(self):
        self.ok("pw", "useradd", "alice")
        self.fails(65, "pw: login name `alice' already exists\n", "pw", "useradd", "alice")
        self.fails(65, "pw: uid `0' has already been allocated\n", "pw", "useradd", "x", "-u", "0")
        self.fails(67, "pw: group `nosuch' does not exist\n", "pw", "useradd", "x", "-g", "nosuch")
        self.fails(67, "pw: no such user `nosuch'\n", "pw", "usermod", "nosuch", "-c", "x")
        self.fails(65, "pw: invalid character `:' at position 1 in userid/group name\n", "pw", "useradd", "a:b")
        self.fails(65, "pw: cannot remove user 'root'\n", "pw", "userdel", "root")
        self.fails(72, "pw: shell `zsh' does not exist\n", "pw", "useradd", "y", "-s", "zsh")
        self.fails(65, "pw: user 'alice' is not locked\n", "pw", "unlock", "alice")

    def test_usermod_and_the_encrypted_password_on_stdin(self):
        self.ok("pw", "useradd", "alice", "-u", "2000", "-G", "wheel,operator")
        self.ok("pw", "usermod", "-n", "alice", "-H", "0", stdin="$6$salt$hash\n")
        self.ok("pw", "usermod", "alice", "-c", "Alice", "-s", "csh", "-L", "staff", "-e", "1767225600", "-G", "operator")
        self.assertEqual(self.entry("alice"), "alice:$6$salt$hash:2000:2000:staff:0:1767225600:Alice:/home/alice:/bin/csh")
        self.assertEqual(self.entry("wheel", "/etc/group"), "wheel:*:0:root")
        self.assertEqual(self.entry("operator", "/etc/group"), "operator:*:5:root,alice")
        self.assertEqual(self.entry("alice", "/etc/passwd"), "alice:*:2000:2000:Alice:/home/alice:/bin/csh")
        self.fails(65, "pw: empty password read on file descriptor 0\n", "pw", "usermod", "alice", "-H", "0", stdin="\n")
        self.ok("pw", "lock", "alice")
        self.assertTrue(self.entry("alice").startswith("alice:*LOCKED*$6$salt$hash:"))
        self.assertEqual(self.ok("pw", "usershow", "alice", "-7"), "alice:*LOCKED*$6$salt$hash:2000:2000:Alice:/home/alice:/bin/csh\n")

    def test_userdel_removes_the_own_group_and_with_r_the_home(self):
        self.ok("pw", "useradd", "alice", "-m", "-G", "wheel")
        self.ok("pw", "userdel", "-n", "alice", "-r")
        self.assertIsNone(self.entry("alice"))
        self.assertIsNone(self.entry("alice", "/etc/passwd"))
        self.assertIsNone(self.entry("alice", "/etc/group"))
        self.assertEqual(self.entry("wheel", "/etc/group"), "wheel:*:0:root")
        self.assertFalse(os.path.exists(self.path("/usr/home/alice")))
        self.assertFalse(os.path.exists(self.path("/var/mail/alice")))


class PwGroupTest(AccountsCase):
    def test_groupadd_mod_del(self):
        for shell in [None] + SHELLS:
            with self.subTest(shell=shell):
                self.setUp()
                self.ok("pw", "groupadd", "ops", shell=shell)
                self.assertEqual(self.entry("ops", "/etc/group"), "ops:*:1001:")   # gr_gidpolicy as pw_uidpolicy
                self.ok("pw", "groupadd", "devs", "-g", "3000", shell=shell)
                self.fails(65, "pw: gid `3000' has already been allocated\n", "pw", "groupadd", "x", "-g", "3000")
                self.fails(65, "pw: group name `ops' already exists\n", "pw", "groupadd", "ops")
                self.ok("pw", "groupmod", "ops", "-g", "3001", shell=shell)
                self.assertEqual(self.entry("ops", "/etc/group"), "ops:*:3001:")
                self.ok("pw", "groupdel", "ops", shell=shell)
                self.assertIsNone(self.entry("ops", "/etc/group"))
                self.fails(65, "pw: unknown group `ops'\n", "pw", "groupdel", "ops")


class GetentTest(AccountsCase):
    def test_formats_of_getent_c(self):
        self.write("/etc/services", "ssh\t\t 22/tcp\t   # Secure Shell\nssh\t\t 22/udp\nhttp\t\t 80/tcp\t   www www-http\n")
        self.write("/etc/hosts", "::1\t\t\tlocalhost localhost.my.domain\n127.0.0.1\t\tlocalhost localhost.my.domain\n")
        for shell in [None] + SHELLS:
            with self.subTest(shell=shell):
                self.assertEqual(self.ok("getent", "passwd", "www", shell=shell),
                                 "www:*:80:80:World Wide Web Owner:/nonexistent:/usr/sbin/nologin\n")
                self.assertEqual(self.ok("getent", "group", "0", shell=shell), "wheel:*:0:root\n")
                self.assertEqual(self.ok("getent", "services", "http", shell=shell), "http                 80/tcp  www www-http\n")
                self.assertEqual(self.ok("getent", "services", "22/udp", shell=shell), "ssh                  22/udp\n")
                self.assertEqual(self.ok("getent", "hosts", "localhost", shell=shell),
                                 "::1               localhost  localhost.my.domain\n")
                self.assertEqual(self.ok("getent", "shells", shell=shell), "")
        self.assertEqual(self.run_cmd("getent", "passwd", "root", "nosuch").returncode, 2)
        self.assertEqual(self.run_cmd("getent", "ethers").returncode, 3)
        r = self.run_cmd("getent", "shadow")
        self.assertEqual((r.returncode, r.stderr.splitlines()[0]), (1, "Unknown database: shadow"))


if __name__ == "__main__":
    unittest.main()
