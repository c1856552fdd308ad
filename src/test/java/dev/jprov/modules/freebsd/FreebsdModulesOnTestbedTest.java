package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;

/**
 * The FreeBSD modules (base bootstrap, jail, devfs, rctl, pf) against a running simulated FreeBSD host: apply, apply again (no change), check mode
 * (plan only: the host stays as it was) and bad input (nothing changes). Runs on a container host of the testbed.
 */
@IntegrationTest("a testbed container host (podman)")
@ExtendWith(TestbedExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreebsdModulesOnTestbedTest {
    static ModuleHost host;
    static String mirror;

    @BeforeAll
    static void connect(Testbed testbed) throws Exception {
        TestbedHost target = testbed.freshHost("fbsdmod1");
        host = ModuleHost.overSsh(target.sshCommand("/bin/sh -s"));
        mirror = testbed.mirrorUrl();
        // RACCT on, as the rctl module needs it (turning it on from a fresh host: PfRctlFromFreshHostTest)
        target.writeFile("/boot/loader.conf.d/racct.conf", "kern.racct.enable=\"1\"\n");
        target.reboot(Duration.ofSeconds(120));
        host.sh("rm -rf /jails/it1 /jails/it2 /var/cache/jprov /etc/jail.conf /var/log/jails /etc/devfs.rules "
                + "/etc/rctl.conf /etc/pf.conf /etc/pf.conf.jprov-prev /var/run/jprov-pf-loaded.conf; "
                + "rctl -r : 2>/dev/null; "
                + "ifconfig bridge0 >/dev/null 2>&1 || ifconfig bridge0 create; "
                + "printf 'exec.clean;\\nhost.hostname = \"$name\";\\n' > /etc/jail.conf; true");
    }

    static Invocation call(Module m, Map<String, Object> args) {
        return CannedAnswers.prepare(m, args);
    }

    static List<Action> actions(Planned p) {
        return p.changes().stream().map(Change::action).toList();
    }

    /** Applies, then the same call must plan nothing. */
    static Planned applyTwice(Module m, Map<String, Object> args) {
        ModuleHost.Applied first = host.apply(call(m, args));
        assertEquals(Planned.Outcome.OK, first.planned().outcome(), () -> String.valueOf(first.planned().result()));
        assertTrue(first.planned().changesHost(), "first run changes");
        Planned again = host.plan(call(m, args));
        assertEquals(List.of(Action.NONE), actions(again), () -> "second run: " + again.changes());
        return first.planned();
    }

    @Test
    @Order(1)
    void freebsdBaseBootstrapsOnceAndReusesTheCache() {
        Map<String, Object> args = Map.of("release", "14.2-RELEASE", "dest", "/jails/it1", "mirror", mirror + "/releases");
        Planned check = host.plan(call(new FreebsdBaseModule(), Map.of("release", "14.2-RELEASE", "dest", "/jails/it2",
                "mirror", mirror + "/releases")));
        assertEquals(List.of(Action.CREATE, Action.UPDATE), actions(check));
        ModuleHost.Applied first = host.apply(call(new FreebsdBaseModule(), args));
        assertEquals(Planned.Outcome.OK, first.planned().outcome(), () -> String.valueOf(first.planned().result()));
        Map<String, Object> result = first.planned().afterApply().result(first.planned().result(), first.steps());
        assertEquals(List.of("base.txz"), result.get("sets_fetched"));
        assertEquals(List.of(Action.NONE), actions(host.plan(call(new FreebsdBaseModule(), args))));
        assertEquals("14.2-RELEASE\n", host.sh("sed -n 's/^release=//p' /jails/it1/var/db/jprov-base"));
        assertEquals("no\n", host.sh("[ -e /jails/it2 ] && echo yes || echo no"), "planning it2 created nothing");
        // A second root from the same cache: MANIFEST is fetched again, base.txz is not.
        ModuleHost.Applied second = host.apply(call(new FreebsdBaseModule(), Map.of("release", "14.2-RELEASE",
                "dest", "/jails/it2", "mirror", mirror + "/releases")));
        Map<String, Object> r2 = second.planned().afterApply().result(second.planned().result(), second.steps());
        assertEquals(true, r2.get("cache_reused"), r2::toString);
    }

    @Test
    @Order(2)
    void freebsdBaseStopsOnAChecksumMismatchBeforeExtracting() {
        host.sh("printf 'corrupt' > /var/cache/jprov/freebsd/14.3-RELEASE-x; true");
        Map<String, Object> args = Map.of("release", "14.3-RELEASE", "dest", "/jails/it3", "mirror", mirror + "/releases",
                "manifest_sha256", "0".repeat(64));
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> host.apply(call(new FreebsdBaseModule(), args)));
        assertTrue(e.getMessage().contains("MANIFEST sha256 is"), e.getMessage());
        assertEquals("no\n", host.sh("[ -e /jails/it3 ] && echo yes || echo no"));
    }

    static Map<String, Object> jailArgs(int devfsRuleset, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", "/jails/it1");
        params.put("host.hostname", "it1");
        params.put("enforce_statfs", 2);
        params.put("mount.devfs", true);
        params.put("devfs_ruleset", devfsRuleset);
        params.put("persist", true);
        params.put("exec.consolelog", "/var/log/jails/it1_console.log");
        Map<String, Object> args = new LinkedHashMap<>(Map.of("name", "it1", "params", params,
                "vnet", Map.of("bridge", "bridge0")));
        args.putAll(extra);
        return args;
    }

    @Test
    @Order(3)
    void jailDefinitionStartRestartAndRemoval() {
        String before = host.sh("cat /etc/jail.conf");
        Planned check = host.plan(call(new JailModule(), jailArgs(4, Map.of("state", "started"))));
        assertEquals(List.of(Action.CREATE, Action.CREATE, Action.UPDATE), actions(check));
        assertEquals(before, host.sh("cat /etc/jail.conf"), "check mode leaves jail.conf as it was");

        applyTwice(new JailModule(), jailArgs(4, Map.of("state", "started")));
        assertTrue(host.sh("jls -j it1 name").contains("it1"));
        assertTrue(host.sh("ifconfig bridge0").contains("member: e0a_it1"), host.sh("ifconfig bridge0"));

        Planned pending = host.apply(call(new JailModule(), jailArgs(5, Map.of("state", "started")))).planned();
        assertEquals(true, pending.result().get("restart_pending"));
        assertEquals(false, pending.result().get("restart"));
        String jid = host.sh("jls -j it1 jid");
        Planned restarted = host.apply(call(new JailModule(), jailArgs(4, Map.of("state", "started",
                "restart_on_change", true)))).planned();
        assertEquals(true, restarted.result().get("restart"));
        assertTrue(!jid.equals(host.sh("jls -j it1 jid")), "a new jid after the restart");
        assertEquals(List.of(Action.NONE), actions(host.plan(call(new JailModule(), jailArgs(4, Map.of("state", "started"))))));

        ModuleHost.Applied gone = host.apply(call(new JailModule(), Map.of("name", "it1", "state", "absent")));
        assertEquals(List.of(Action.UPDATE, Action.DELETE), actions(gone.planned()));
        assertEquals(before, host.sh("cat /etc/jail.conf"), "only the stanza was removed");
        assertEquals("gone\n", host.sh("jls -j it1 jid 2>/dev/null || echo gone"));
        assertTrue(!host.sh("ifconfig -l").contains("e0a_it1"), "poststop destroyed the epair");
    }

    @Test
    @Order(4)
    void devfsRulesetOfSeed000() {
        Map<String, Object> args = Map.of("name", "devfsrules_jail_with_pf", "number", 100,
                "rules", DevfsRulesetModuleTest.SEED_RULES);
        applyTwice(new DevfsRulesetModule(), args);
        assertEquals(DevfsRulesetModuleTest.LIVE, host.sh("devfs rule -s 100 show"));
        assertEquals(DevfsRulesetModuleTest.SECTION, host.sh("cat /etc/devfs.rules"));
    }

    @Test
    @Order(5)
    void rctlLimitsOfSeed003() {
        applyTwice(new RctlModule(), Map.of("rules", RctlModuleTest.SEED_RULES));
        assertEquals(RctlModuleTest.SEED_LIVE, host.sh("rctl"));
        assertEquals(RctlModuleTest.SEED_CONF, host.sh("cat /etc/rctl.conf"));
        assertEquals("YES\n", host.sh("sysrc -n rctl_enable"));
        applyTwice(new RctlModule(), Map.of("rules", List.of("jail:unbound:memoryuse:deny=256M"), "exclusive", true));
        assertEquals("jail:unbound:memoryuse:deny=268435456\n", host.sh("rctl"));
    }

    @Test
    @Order(6)
    void pfLoadsWithConfirmAndRefusesARulesetThatDoesNotParse() {
        Planned p = applyTwice(new PfModule(), Map.of("content", PfModuleTest.SEED, "enabled", true));
        assertEquals(3, p.changes().size(), () -> "pf.ko loaded, pf.conf written, ruleset loaded: " + p.changes());
        assertEquals(PfModuleTest.SEED, host.sh("cat /etc/pf.conf"));
        assertTrue(host.sh("pfctl -s nat").contains("nat on vtnet0 inet from 10.0.0.0/24 to any -> (vtnet0)"));
        assertEquals("none\n", host.sh("ls /var/run/jprov-pf-revert.pid /etc/pf.conf.jprov-prev 2>/dev/null || echo none"),
                "the confirmation disarmed the timer and removed the saved copy");
        Planned bad = host.plan(call(new PfModule(), Map.of("content", "pass out from any to any port domain\n")));
        assertEquals(Planned.Outcome.FAILED, bad.outcome());
        assertEquals("pfctl -nf rejected the new /etc/pf.conf: /etc/pf.conf (new):1: port only applies to tcp/udp; "
                + "nothing was changed", bad.result().get("msg"));
        assertEquals(PfModuleTest.SEED, host.sh("cat /etc/pf.conf"));
    }

    @Test
    @Order(7)
    void anUnconfirmedRulesetIsRevertedByTheHost() throws Exception {
        String unconfirmed = "pass all\nblock in proto tcp from any to any port 9999\n";
        host.applyWithoutConfirming(call(new PfModule(), Map.of("content", unconfirmed, "confirm_timeout", 10)));
        assertEquals(unconfirmed, host.sh("cat /etc/pf.conf"));
        assertTrue(host.sh("pfctl -s rules").contains("port = 9999"));
        host.await("cat /etc/pf.conf", PfModuleTest.SEED::equals, Duration.ofSeconds(60));   // the timer restored it
        assertTrue(!host.sh("pfctl -s rules").contains("9999"), "and loaded it");
    }
}
