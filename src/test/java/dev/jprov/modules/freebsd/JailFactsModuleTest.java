package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JailFactsModuleTest {
    @Test
    void parsesOneProbeIntoFacts() {
        Planned p = CannedAnswers.plan(new JailFactsModule(), args("datasets", "zroot/jails"), CannedAnswers.ok("""
                userland=14.2-RELEASE-p1
                kernel=14.2-RELEASE
                arch=amd64
                hostname=mailhost
                racct=1
                pf=Enabled
                @pools
                zroot
                @datasets
                zroot/jails\t/jails\t196608
                zroot/jails/mailserver\t/jails/mailserver\t98304
                @jails
                JID  Name  Path  Hostname
                1 mailserver /jails/mailserver mailserver.example
                @configured
                mailserver
                webmail
                @end
                """));
        assertEquals(List.of(), p.changes());
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) p.result().get("ansible_facts");
        assertEquals("14.2-RELEASE-p1", f.get("freebsd_userland"));
        assertEquals(List.of("zroot"), f.get("zfs_pools"));
        assertEquals(true, f.get("pf_enabled"));
        assertEquals(true, f.get("rctl_enabled"));
        List<?> jails = (List<?>) f.get("jails");
        assertEquals(2, jails.size());
        assertEquals(Map.of("name", "mailserver", "jid", 1, "path", "/jails/mailserver",
                "hostname", "mailserver.example", "state", "running"), jails.get(0));
        assertEquals("stopped", ((Map<?, ?>) jails.get(1)).get("state"));
        assertEquals(2, ((List<?>) f.get("zfs_datasets")).size());
    }
}
