package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * pf and rctl from a fresh FreeBSD 14.3 install on the strict testbed (issues 11 and 12): pf.ko is not loaded and
 * every pfctl call fails, kern.racct.enable is 0 and rctl refuses everything. The modules must get the host to
 * the asked state, say what needs a reboot, and after a reboot (rc.d/pf, rc.d/rctl, the loader's tunable) the
 * same calls are no-ops. One host, in order: revert on a fresh host, install, rctl before and after the boot.
 */
@IntegrationTest("a testbed container host (podman)")
@ExtendWith(TestbedExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PfRctlFromFreshHostTest {
    static ModuleHost host;

    @BeforeAll
    static void connect(Testbed testbed) {
        TestbedHost target = testbed.freshHost("pfrctl1");
        host = ModuleHost.overSsh(target.sshCommand("/bin/sh -s"));
    }

    static Invocation call(Module m, Map<String, Object> args) {
        return CannedAnswers.prepare(m, args);
    }

    static long changing(Planned p) {
        return p.changes().stream().filter(Change::changes).count();
    }

    static final Map<String, Object> PF = Map.of("content", PfModuleTest.SEED, "enabled", true, "pf_enable", true);

    @Test
    @Order(1)
    void anUnconfirmedRulesetOnAFreshHostRevertsToPfUnloaded() throws Exception {
        assertNotEquals(0, host.exec("kldstat -q -m pf").exitCode(), "a fresh host has pf.ko unloaded");
        host.applyWithoutConfirming(call(new PfModule(), Map.of("content", PfModuleTest.SEED, "enabled", true,
                "confirm_timeout", 10)));
        assertEquals(0, host.exec("kldstat -q -m pf").exitCode(), "loaded by the run");
        host.await("kldstat -q -m pf && echo loaded || echo unloaded", "unloaded\n"::equals, Duration.ofSeconds(60));
        assertEquals("absent\n", host.sh("[ -e /etc/pf.conf ] && echo present || echo absent"),
                "and removed the pf.conf that did not exist before");
    }

    @Test
    @Order(2)
    void pfFromAFreshHostDryRunThenRealRunThenNothing() {
        Planned dry = host.plan(call(new PfModule(), PF));
        assertEquals(Planned.Outcome.OK, dry.outcome(), () -> String.valueOf(dry.result()));
        assertEquals(false, dry.result().get("validated"));
        assertNotEquals(0, host.exec("kldstat -q -m pf").exitCode(), "the dry run loaded nothing");

        ModuleHost.Applied real = host.apply(call(new PfModule(), PF));
        assertEquals(changing(dry), changing(real.planned()), "check mode reports what the real run does");
        assertTrue(host.sh("pfctl -s info").startsWith("Status: Enabled"));
        assertTrue(host.sh("pfctl -s nat").contains("nat on vtnet0 inet from 10.0.0.0/24 to any -> (vtnet0)"));
        assertEquals("YES\n", host.sh("sysrc -n pf_enable"));
        assertEquals("none\n", host.sh("ls /var/run/jprov-pf-revert.pid /var/run/jprov-pf-loaded.conf "
                + "/etc/pf.conf.jprov-prev 2>/dev/null || echo none"));
        assertFalse(host.plan(call(new PfModule(), PF)).changesHost(), "second run: nothing to do");
    }

    static final Map<String, Object> RCTL = Map.of("rules", RctlModuleTest.SEED_RULES, "racct_enable", true);

    @Test
    @Order(3)
    void rctlWithAccountingOffWritesTheBootFilesAndSaysRebootNeeded() {
        Planned refused = host.plan(call(new RctlModule(), Map.of("rules", RctlModuleTest.SEED_RULES)));
        assertEquals(Planned.Outcome.FAILED, refused.outcome());
        String msg = String.valueOf(refused.result().get("msg"));
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.contains("racct_enable: true"), msg);

        Planned dry = host.plan(call(new RctlModule(), RCTL));
        assertEquals(true, dry.result().get("reboot_required"));
        ModuleHost.Applied real = host.apply(call(new RctlModule(), RCTL));
        assertEquals(changing(dry), changing(real.planned()));
        assertTrue(host.sh("cat /boot/loader.conf").contains("kern.racct.enable=\"1\"\n"));
        assertEquals(RctlModuleTest.SEED_CONF, host.sh("cat /etc/rctl.conf"));
        assertEquals("YES\n", host.sh("sysrc -n rctl_enable"));
        assertEquals("0\n", host.sh("sysctl -n kern.racct.enable"), "a tunable: only the boot changes it");
        Planned pending = host.plan(call(new RctlModule(), RCTL));
        assertTrue(pending.changesHost(), "until the reboot the task stays changed, so the handler is notified");
        assertEquals(List.of(), pending.changes().stream().flatMap(c -> c.steps().stream()).toList());
    }

    @Test
    @Order(4)
    void afterTheRebootAccountingIsOnTheRulesAreLiveAndPfIsBack() throws Exception {
        host.exec("shutdown -r now 'jprov test: kern.racct.enable'");
        // the host came back with the loader tunable (sshd answers only once rc(8) has run)
        host.await("sysctl -n kern.racct.enable", "1\n"::equals, Duration.ofSeconds(120));
        assertEquals(RctlModuleTest.SEED_LIVE, host.sh("rctl"), "rc.d/rctl loaded /etc/rctl.conf");
        assertTrue(host.sh("pfctl -s info").startsWith("Status: Enabled"), "rc.d/pf loaded and enabled pf");
        Planned rctl = host.plan(call(new RctlModule(), RCTL));
        assertFalse(rctl.changesHost(), () -> String.valueOf(rctl.changes()));
        assertEquals(false, rctl.result().get("reboot_required"));
        assertFalse(host.plan(call(new PfModule(), PF)).changesHost());
    }
}
