import os, unittest
from emu_support import EmuCase


class ZfsTest(EmuCase):
    def zfs(self, *a):
        return self.ok("zfs", *a)

    def fails(self, *a):
        r = self.run_cmd("zfs", *a)
        self.assertNotEqual(r.returncode, 0, a)
        return r.stderr

    def test_default_pool_layout(self):
        names = self.zfs("list", "-H", "-o", "name").split()
        for n in ("zroot", "zroot/ROOT", "zroot/ROOT/default", "zroot/usr", "zroot/var", "zroot/tmp", "zroot/var/log"):
            self.assertIn(n, names)
        self.assertEqual(self.zfs("get", "-H", "-o", "value", "mountpoint", "zroot"), "/zroot\n")
        self.assertEqual(self.zfs("list", "-H", "-o", "name,mountpoint", "zroot/ROOT/default"), "zroot/ROOT/default\t/\n")
        self.assertEqual(self.ok("zpool", "list", "-H", "-o", "name,health"), "zroot\tONLINE\n")
        self.assertEqual(self.zfs("list").splitlines()[0].split(), ["NAME", "USED", "AVAIL", "REFER", "MOUNTPOINT"])

    def test_create_inherit_mountpoints_and_directories(self):
        self.zfs("create", "-o", "mountpoint=/jails", "zroot/jails")
        self.zfs("create", "zroot/jails/mail")
        self.assertTrue(os.path.isdir(self.path("/jails/mail")))
        self.assertEqual(self.zfs("get", "-H", "-o", "name,property,value,source", "mountpoint", "zroot/jails/mail"),
                         "zroot/jails/mail\tmountpoint\t/jails/mail\tinherited from zroot/jails\n")
        self.assertEqual(self.zfs("get", "-H", "-o", "value,source", "compression", "zroot/jails"), "lz4\tinherited from zroot\n")
        self.assertIn("dataset already exists", self.fails("create", "zroot/jails/mail"))
        self.zfs("create", "-p", "zroot/jails/mail")  # -p: an existing dataset is no error (no-op)
        self.assertEqual(self.fails("create", "zroot/a/b"), "cannot create 'zroot/a/b': parent does not exist\n")
        self.zfs("create", "-p", "zroot/a/b")
        self.assertTrue(os.path.isdir(self.path("/zroot/a/b")))
        self.assertEqual(self.fails("list", "zroot/nope"), "cannot open 'zroot/nope': dataset does not exist\n")
        self.assertEqual(self.zfs("list", "-H", "-o", "name", "-r", "zroot/jails"), "zroot/jails\nzroot/jails/mail\n")
        self.assertEqual(self.zfs("list", "-H", "-o", "name", "-d", "0", "zroot/jails"), "zroot/jails\n")

    def test_set_get_inherit_and_validation(self):
        self.zfs("create", "-o", "quota=10G", "-o", "org.jprov:role=mail", "zroot/m")
        self.assertEqual(self.zfs("get", "-Hp", "-o", "property,value,source", "quota,reservation,org.jprov:role", "zroot/m"),
                         "quota\t10737418240\tlocal\nreservation\t0\tdefault\norg.jprov:role\tmail\tlocal\n")
        self.assertEqual(self.zfs("get", "-H", "-o", "value", "quota", "zroot/m"), "10G\n")
        self.zfs("set", "compression=zstd", "recordsize=1M", "zroot/m")
        self.assertEqual(self.zfs("get", "-H", "-s", "local", "-o", "property,value", "all", "zroot/m"),
                         "quota\t10G\nrecordsize\t1M\ncompression\tzstd\norg.jprov:role\tmail\n")
        self.zfs("inherit", "compression", "zroot/m")
        self.assertEqual(self.zfs("get", "-H", "-o", "value,source", "compression", "zroot/m"), "lz4\tinherited from zroot\n")
        self.assertIn("'compression' must be one of", self.fails("set", "compression=fast", "zroot/m"))
        self.assertIn("'recordsize' must be power of 2", self.fails("set", "recordsize=3K", "zroot/m"))
        self.assertIn("bad numeric value", self.fails("set", "quota=lots", "zroot/m"))
        self.assertIn("invalid property 'nosuch'", self.fails("set", "nosuch=1", "zroot/m"))
        self.assertEqual(self.zfs("get", "-H", "-o", "value,source", "org.jprov:other", "zroot/m"), "-\t-\n")
        self.zfs("set", "quota=none", "zroot/m")
        self.assertEqual(self.zfs("get", "-H", "-o", "value", "quota", "zroot/m"), "none\n")

    def test_mountpoint_change_moves_content(self):
        self.zfs("create", "zroot/data")
        self.write("/zroot/data/x", "1")
        self.zfs("set", "mountpoint=/srv/data", "zroot/data")
        self.assertEqual(self.read("/srv/data/x"), "1")

    def test_snapshot_rollback_really_restores(self):
        self.zfs("create", "-o", "mountpoint=/jails", "zroot/jails")
        self.zfs("create", "zroot/jails/u")
        self.zfs("create", "zroot/jails/u/sub")
        self.write("/jails/u/etc/rc.conf", "before\n")
        self.write("/jails/u/sub/keep", "child dataset\n")
        self.zfs("snapshot", "zroot/jails/u@one")
        self.write("/jails/u/etc/rc.conf", "after\n")
        self.write("/jails/u/new", "x")
        self.zfs("snapshot", "zroot/jails/u@two")
        err = self.fails("rollback", "zroot/jails/u@one")
        self.assertEqual(err, "cannot rollback to 'zroot/jails/u@one': more recent snapshots or bookmarks exist\n"
                              "use '-r' to force deletion of the following snapshots and bookmarks:\nzroot/jails/u@two\n")
        self.zfs("rollback", "-r", "zroot/jails/u@one")
        self.assertEqual(self.read("/jails/u/etc/rc.conf"), "before\n")
        self.assertFalse(os.path.exists(self.path("/jails/u/new")))
        self.assertEqual(self.read("/jails/u/sub/keep"), "child dataset\n")  # another dataset: untouched
        self.assertEqual(self.zfs("list", "-H", "-t", "snapshot", "-o", "name"), "zroot/jails/u@one\n")
        self.assertIn("dataset already exists", self.fails("snapshot", "zroot/jails/u@one"))
        self.zfs("snapshot", "-r", "zroot/jails@r")
        self.assertEqual(sorted(self.zfs("list", "-H", "-t", "snapshot", "-o", "name", "-r", "zroot/jails").split()),
                         ["zroot/jails/u/sub@r", "zroot/jails/u@one", "zroot/jails/u@r", "zroot/jails@r"])

    def test_destroy(self):
        self.zfs("create", "-p", "zroot/j/a")
        self.zfs("snapshot", "zroot/j@s")
        err = self.fails("destroy", "zroot/j")
        self.assertEqual(err, "cannot destroy 'zroot/j': filesystem has children\n"
                              "use '-r' to destroy the following datasets:\nzroot/j/a\nzroot/j@s\n")
        self.zfs("destroy", "zroot/j@s")
        self.assertIn("could not find any snapshots to destroy", self.fails("destroy", "zroot/j@s"))
        self.zfs("destroy", "-r", "zroot/j")
        self.assertIn("dataset does not exist", self.fails("list", "zroot/j"))
        self.assertIn("operation does not apply to pools", self.fails("destroy", "zroot"))

    def test_human_sizes(self):
        import emu_zfs_path  # noqa: F401
        import emu_zfs as Z
        for n, s in [(0, "0B"), (512, "512B"), (1024, "1K"), (98304, "96K"), (1536, "1.50K"),
                     (12345678, "11.8M"), (10 * 1024 ** 3, "10G"), (21474836480 - 1372160, "20.0G")]:
            self.assertEqual(Z.nicenum(n), s)


if __name__ == "__main__":
    unittest.main()
