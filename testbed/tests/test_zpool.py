"""zpool(8) of the testbed against sys/contrib/openzfs/cmd/zpool/zpool_main.c (zpool_do_create, zpool_do_add,
zpool_do_remove, zpool_do_set, zpool_do_get, zpool_do_list, status_callback), cmd/zpool/zpool_vdev.c
(make_leaf_vdev, SPA_MINDEVSIZE) and module/zcommon/zpool_prop.c (defaults, read-only properties); the jail-side
zfs/zpool against zone_dataset_visible() (nothing delegated: nothing visible)."""
import os, unittest
from emu_support import EmuCase, SHELLS


class ZpoolTest(EmuCase):
    def setUp(self):
        super().setUp()
        os.makedirs(self.path("/var/tmp"))
        for i in range(4):
            with open(self.path("/var/tmp/d%d" % i), "wb") as f:
                f.truncate(128 << 20)
        with open(self.path("/var/tmp/small"), "wb") as f:
            f.truncate(1 << 20)

    def zpool(self, *a):
        return self.ok("zpool", *a)

    def fails(self, *a):
        r = self.run_cmd("zpool", *a)
        self.assertNotEqual(r.returncode, 0, a)
        return r.stderr

    def test_create_on_file_vdevs_with_properties(self):
        self.zpool("create", "-o", "autoexpand=on", "-O", "compression=zstd", "-m", "/srv/tank", "tank",
                   "mirror", "/var/tmp/d0", "/var/tmp/d1")
        self.assertEqual(self.zpool("list", "-H", "-o", "name,size,health"), "tank\t128M\tONLINE\nzroot\t20G\tONLINE\n")
        self.assertEqual(self.zpool("get", "-H", "-o", "name,property,value,source", "autoexpand,failmode", "tank"),
                         "tank\tautoexpand\ton\tlocal\ntank\tfailmode\twait\tdefault\n")
        self.assertEqual(self.ok("zfs", "get", "-H", "-o", "value,source", "compression,mountpoint", "tank"),
                         "zstd\tlocal\n/srv/tank\tlocal\n")
        self.assertTrue(os.path.isdir(self.path("/srv/tank")))
        self.assertEqual(self.fails("create", "tank", "/var/tmp/d2"), "cannot create 'tank': pool already exists\n")

    def test_status_shows_the_layout_as_zpool_status_P(self):
        self.zpool("create", "tank", "mirror", "/var/tmp/d0", "/var/tmp/d1", "log", "/var/tmp/d2", "cache",
                   "/var/tmp/d3")
        self.assertEqual(self.zpool("status", "-P", "-L", "tank"),
                         "  pool: tank\n state: ONLINE\nconfig:\n\n"
                         "\tNAME             STATE     READ WRITE CKSUM\n"
                         "\ttank             ONLINE       0     0     0\n"
                         "\t  mirror-0       ONLINE       0     0     0\n"
                         "\t    /var/tmp/d0  ONLINE       0     0     0\n"
                         "\t    /var/tmp/d1  ONLINE       0     0     0\n"
                         "\tlogs\n"
                         "\t  /var/tmp/d2    ONLINE       0     0     0\n"
                         "\tcache\n"
                         "\t  /var/tmp/d3    ONLINE       0     0     0\n"
                         "\nerrors: No known data errors\n")

    def test_vdev_errors_as_zpool_vdev_c(self):
        self.assertEqual(self.fails("create", "tank", "/var/tmp/small"),
                         "cannot create 'tank': one or more devices is less than the minimum size (64M)\n")
        self.assertEqual(self.fails("create", "tank", "/var/tmp/nope"),
                         "cannot open '/var/tmp/nope': No such file or directory\n")
        self.assertIn("cannot open 'ada1': no such device in /dev", self.fails("create", "tank", "ada1"))
        self.assertEqual(self.fails("create", "1tank", "/var/tmp/d0"),
                         "cannot create '1tank': name must begin with a letter\n")
        self.assertIn("mismatched replication level", self.fails("create", "tank", "/var/tmp/d2", "mirror",
                                                                 "/var/tmp/d0", "/var/tmp/d1"))
        self.zpool("create", "tank", "/var/tmp/d0")
        self.assertIn("/var/tmp/d0 is part of active pool 'tank'", self.fails("create", "other", "/var/tmp/d0"))

    def test_add_remove_and_replication_level(self):
        self.zpool("create", "tank", "mirror", "/var/tmp/d0", "/var/tmp/d1")
        self.assertIn("mismatched replication level: pool uses mirror and new vdev is disk",
                      self.fails("add", "tank", "/var/tmp/d2"))
        self.assertEqual(self.zpool("add", "-n", "tank", "mirror", "/var/tmp/d2", "/var/tmp/d3"),
                         "would update 'tank' to the following configuration:\n\n\ttank\n\t  mirror\n"
                         "\t    /var/tmp/d0\n\t    /var/tmp/d1\n\t  mirror\n\t    /var/tmp/d2\n\t    /var/tmp/d3\n")
        self.zpool("add", "tank", "mirror", "/var/tmp/d2", "/var/tmp/d3")
        self.assertEqual(self.zpool("get", "-Hp", "-o", "value", "size", "tank"), "%d\n" % (256 << 20))
        self.zpool("remove", "tank", "mirror-1")
        self.assertNotIn("mirror-1", self.zpool("status", "tank"))
        self.assertEqual(self.fails("remove", "tank", "mirror-0"),
                         "cannot remove mirror-0: operation not supported on this type of pool\n")

    def test_set_validates_and_a_default_value_reads_default(self):
        self.zpool("create", "tank", "/var/tmp/d0")
        self.zpool("set", "comment=lab", "tank")
        self.zpool("set", "autotrim=on", "tank")
        self.zpool("set", "autotrim=off", "tank")
        self.assertEqual(self.zpool("get", "-H", "-o", "property,value,source", "comment,autotrim", "tank"),
                         "comment\tlab\tlocal\nautotrim\toff\tdefault\n")
        self.assertEqual(self.fails("set", "size=1G", "tank"),
                         "cannot set property for 'tank': property 'size' is readonly\n")
        self.assertEqual(self.fails("set", "autotrim=maybe", "tank"),
                         "cannot set property for 'tank': 'autotrim' must be one of 'on | off'\n")
        self.assertEqual(self.fails("set", "bogus=1", "tank"),
                         "cannot set property for 'tank': property 'bogus' is not a valid pool or vdev property\n")
        self.assertEqual(self.fails("get", "all", "nope"), "cannot open 'nope': no such pool\n")

    def test_get_all_lists_zpool_prop_c_in_order_then_features(self):
        self.zpool("create", "-d", "tank", "/var/tmp/d0")
        props = [l.split("\t")[0] for l in self.zpool("get", "-H", "-o", "property", "all", "tank").splitlines()]
        self.assertEqual(props[:6], ["size", "capacity", "altroot", "health", "guid", "version"])
        self.assertIn("feature@lz4_compress", props)
        self.assertNotIn("name", props)
        self.assertEqual(self.zpool("get", "-H", "-o", "value", "feature@lz4_compress", "tank"), "disabled\n")

    def test_destroy_removes_the_datasets_and_their_files(self):
        self.zpool("create", "tank", "/var/tmp/d0")
        self.ok("zfs", "create", "tank/data")
        self.write("/tank/data/f", "x")
        self.zpool("destroy", "tank")
        self.assertFalse(os.path.exists(self.path("/tank/data/f")))
        self.assertEqual(self.zpool("list", "-H", "-o", "name"), "zroot\n")
        self.assertNotIn("tank", self.ok("zfs", "list", "-H", "-o", "name"))
        self.assertIn("could not destroy 'zroot'", self.fails("destroy", "zroot"))

    def test_state_persists_in_state_json(self):
        self.zpool("create", "-o", "comment=kept", "tank", "/var/tmp/d0")
        # a reboot keeps /var/db/emu/zfs (zpool.cache's role): a new process reads the same pool
        self.assertEqual(self.zpool("get", "-H", "-o", "value", "comment", "tank"), "kept\n")


class InJailTest(EmuCase):
    def test_a_jail_without_delegated_datasets_sees_nothing(self):
        for sh in SHELLS:
            r = self.run_cmd("zfs-in-jail", "list", "zroot", shell=sh)
            self.assertEqual((r.returncode, r.stderr), (1, "cannot open 'zroot': dataset does not exist\n"))
            r = self.run_cmd("zfs-in-jail", "get", "-H", "-o", "name,property,value", "-t", "all", "all", "zroot",
                             shell=sh)
            self.assertEqual(r.returncode, 1)
            r = self.run_cmd("zpool-in-jail", "get", "-H", "-o", "name,property,value", "all", shell=sh)
            self.assertEqual((r.returncode, r.stdout), (0, ""))
            r = self.run_cmd("zpool-in-jail", "list", "zroot", shell=sh)
            self.assertEqual((r.returncode, r.stderr), (1, "cannot open 'zroot': no such pool\n"))


if __name__ == "__main__":
    unittest.main()
