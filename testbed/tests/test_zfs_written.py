"""zfs `written` (testbed/emu/lib/emu_zfs.py): the space written since the previous snapshot (OpenZFS
zfsprops(7) "written"), approximated by the changed files' sizes against the previous snapshot's copy;
`referenced` when there is no earlier snapshot."""
import os, unittest
from emu_support import EmuCase


class ZfsWrittenTest(EmuCase):
    def setUp(self):
        super().setUp()
        self.ok("zfs", "create", "-p", "-o", "mountpoint=/jails", "zroot/jails")
        self.ok("zfs", "create", "zroot/jails/a")

    def written(self, name):
        return int(self.ok("zfs", "get", "-Hp", "-o", "value", "written", name))

    def write_bytes(self, path, n):
        with open(self.path(path), "wb") as f:
            f.write(os.urandom(n))

    def test_no_snapshot_is_referenced(self):
        referenced = int(self.ok("zfs", "get", "-Hp", "-o", "value", "referenced", "zroot/jails/a"))
        self.assertEqual(self.written("zroot/jails/a"), referenced)

    def test_unchanged_since_snapshot_is_zero(self):
        self.write_bytes("/jails/a/f1", 10000)
        self.ok("zfs", "snapshot", "zroot/jails/a@s1")
        self.assertEqual(self.written("zroot/jails/a"), 0)

    def test_changed_files_count(self):
        self.write_bytes("/jails/a/f1", 10000)
        self.ok("zfs", "snapshot", "zroot/jails/a@s1")
        self.write_bytes("/jails/a/f2", 3000)          # new: 3072 (512-byte blocks)
        self.write_bytes("/jails/a/f1", 10000)         # rewritten: 10240
        self.assertEqual(self.written("zroot/jails/a"), 3072 + 10240)
        self.ok("zfs", "snapshot", "zroot/jails/a@s2")
        self.assertEqual(self.written("zroot/jails/a@s2"), 3072 + 10240)
        self.assertEqual(self.written("zroot/jails/a"), 0)
        os.unlink(self.path("/jails/a/f2"))             # a deletion writes nothing
        self.assertEqual(self.written("zroot/jails/a"), 0)


if __name__ == "__main__":
    unittest.main()
