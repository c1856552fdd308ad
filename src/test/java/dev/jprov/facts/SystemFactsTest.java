package dev.jprov.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FreeBSD facts as ansible-core 2.14's module_utils/facts compute them from the probe's answers: distribution
 * (get_distribution_FreeBSD) and virtualization (virtual/freebsd.py with virtual/sysctl.py).
 */
class SystemFactsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hardware (no-op)   | 14.3-RELEASE | none     |                 | 0 | Intel CPU |   | ''|''|[]|14.3|14
            kvm guest          | 14.3-RELEASE | kvm      |                 | 0 | QEMU      |   | kvm|guest|[kvm]|14.3|14
            bhyve guest        | 14.2-RELEASE-p1 | bhyve |                 | 0 | BHYVE     |   | ''|''|[]|14.2|14
            jailed             | 14.3-RELEASE | none     |                 | 1 | Intel CPU |   | ''|''|[jails]|14.3|14
            qemu model only    | 15.0-CURRENT | none     |                 | 0 | QEMU      |   | kvm|guest|[kvm]|15.0|15
            xenstore           | 14.3-RELEASE | xen      | XenPV           | 0 | Intel CPU | 1 | xen|guest|[xen]|14.3|14
            vmware             | 13.4-STABLE  | vmware   | VMware          | 0 | Intel CPU |   | ''|''|[VMware]|13.4|13
            hyper-v            | 14.3-RELEASE | hv       | Hyper-V         | 0 | Intel CPU |   | ''|''|[Hyper-V]|14.3|14
            """)
    void freebsdFacts(String what, String release, String vmGuest, String hvVendor, String jailed, String model,
                      String xenstore, String type, String role, String guest, String version, String major) {
        String out = String.join("\n",
                "system=FreeBSD", "nodename=web1.example.org", "kernel=" + release, "machine=amd64",
                "uid=0", "gid=0", "euid=0", "egid=0", "user=root", "passwd=root:*:0:0:Charlie &:/root:/bin/sh",
                "sysctl.kern.vm_guest=" + vmGuest, "sysctl.hw.hv_vendor=" + (hvVendor == null ? "" : hvVendor),
                "sysctl.security.jail.jailed=" + jailed, "sysctl.hw.model=" + model, "sysctl.hw.ncpu=2",
                "sysctl.hw.physmem=2147483648", "sysctl.hw.pagesize=4096", "sysctl.vm.stats.vm.v_free_count=262144",
                xenstore == null ? "" : "xenstore=1", "env.PATH=/sbin:/bin", "env.HOME=/root");
        Map<String, Object> f = SystemFacts.parse(new ProbeAnswer(0, out, ""));
        assertEquals(type + "|" + role + "|" + f.get("ansible_virtualization_tech_guest").toString().replace(" ", "")
                        + "|" + version + "|" + major,
                f.get("ansible_virtualization_type") + "|" + f.get("ansible_virtualization_role") + "|"
                        + f.get("ansible_virtualization_tech_guest").toString().replace(" ", "") + "|"
                        + f.get("ansible_distribution_version") + "|" + f.get("ansible_distribution_major_version"));
        assertEquals(guest, f.get("ansible_virtualization_tech_guest").toString().replace(" ", ""));
        assertEquals("FreeBSD", f.get("ansible_os_family"));
        assertEquals(release, f.get("ansible_distribution_release"));
        assertEquals("web1", f.get("ansible_hostname"));
        assertEquals("/root", f.get("ansible_user_dir"));
        assertEquals("/bin/sh", f.get("ansible_user_shell"));
        assertEquals(2, f.get("ansible_processor_vcpus"));
        assertEquals(2048L, f.get("ansible_memtotal_mb"));
        assertEquals(Map.of("HOME", "/root", "PATH", "/sbin:/bin"), f.get("ansible_env"));
    }
}
