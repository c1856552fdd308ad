package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.modules.registry.ModuleRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tasks reach the FreeBSD modules by short name, by community.general's FQCN and by jprov.freebsd's. */
class RegisteredNamesTest {
    @ParameterizedTest
    @CsvSource({"zfs,ZfsModule", "community.general.zfs,ZfsModule", "jprov.freebsd.zfs,ZfsModule",
            "zfs_snapshot,ZfsSnapshotModule", "jprov.freebsd.zfs_snapshot,ZfsSnapshotModule",
            "sysrc,SysrcModule", "community.general.sysrc,SysrcModule", "jprov.freebsd.sysrc,SysrcModule",
            "pkg,PkgModule", "pkgng,PkgModule", "community.general.pkgng,PkgModule", "jprov.freebsd.pkg,PkgModule",
            "service,ServiceModule", "ansible.builtin.service,ServiceModule", "jprov.freebsd.service,ServiceModule",
            "freebsd_update,FreebsdUpdateModule", "jprov.freebsd.freebsd_update,FreebsdUpdateModule",
            "jail_facts,JailFactsModule", "jprov.freebsd.jail_facts,JailFactsModule"})
    void resolves(String name, String module) {
        assertEquals(module, ModuleRegistry.builtin().get(name).getClass().getSimpleName());
    }
}
