package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.ExecResult;
import dev.jprov.testbed.NamespaceHost;
import dev.jprov.testbed.NamespaceTestbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipped inventory, roles and playbooks on two simulated hosts that start as a fresh FreeBSD 14.3 install
 * (testbed/up in a temporary directory: pf not loaded, RACCT off, pkg the bootstrap stub): a dry run first (nothing
 * changes, same count as the real run, the reboot it would do named), site.yaml leaves the files the seed articles
 * show (src/test/resources/seeds) after rebooting the router once for RACCT, the jails run with their epairs on the
 * bridges, a second run changes nothing; then both hosts are rebooted and come back as the seeds describe with no
 * jprov run; jail-update.yaml updates every jail, then rolls a forced failure back and stops the rollout.
 * The tests run in order on the same two hosts. JPROV_TESTBED_HOME picks another testbed directory.
 */
@IntegrationTest("namespace testbed hosts from testbed/up (root)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedHostsTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path SEEDS = REPO.resolve("src/test/resources/seeds");
    private static final Map<String, List<String>> JAILS = Map.of(
            "mailhost", List.of("mailserver", "webmail", "monitor"),
            "router", List.of("unbound", "wireguard"));
    private static final List<String> HOSTS = List.of("mailhost", "router");

    private NamespaceTestbed testbed;
    private final Map<String, Integer> checkChanged = new HashMap<>();

    @BeforeAll
    void up() throws Exception {
        testbed = NamespaceTestbed.inTempDir("jprov-seed-hosts");
        testbed.up(HOSTS.toArray(String[]::new));
    }

    @AfterAll
    void down() throws Exception {
        if (testbed != null) testbed.down();
    }

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    private NamespaceHost host(String name) {
        return testbed.host(name);
    }

    private String bootTime(String name) {
        try {
            return host(name).bootTime();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Jprov.Run apply(String playbook, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "-i", "inventory/hosts.yaml",
                "-i", testbed.inventory().toString(), "playbooks/" + playbook));
        args.addAll(List.of(more));
        return Jprov.run(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void dryRunOnFreshHostsChangesNothing() throws Exception {
        for (String h : HOSTS) {
            // a fresh 14.3 install, as the testbed starts it: the state the shipped roles must cope with
            assertFalse(ssh(h, "kldstat -q -m pf").succeeded(), h + ": pf loaded on a fresh host");
            assertEquals("0", ssh(h, "sysctl -n kern.racct.enable").stdout().strip(), h);
            assertFalse(ssh(h, "pkg -N").succeeded(), h + ": pkg bootstrapped on a fresh host");
        }
        String routerBoot = bootTime("router");
        Jprov.Run check = apply("site.yaml", "--check", "--diff");
        assertEquals(0, check.exitCode(), check.toString());
        for (String h : HOSTS) {
            checkChanged.put(h, check.changed(h));
            assertTrue(check.changed(h) > 10, check.toString());
            assertFalse(ssh(h, "test -e /etc/jail.conf || test -e /jails || zfs list zroot/jails").succeeded(), h);
            assertEquals("", ssh(h, "jls -N name").stdout().strip(), h);
            assertFalse(ssh(h, "kldstat -q -m pf").succeeded(), h + ": a dry run loaded pf");
            assertFalse(ssh(h, "test -e /usr/local/sbin/pkg").succeeded(), h + ": a dry run bootstrapped pkg");
        }
        assertEquals(routerBoot, bootTime("router"), "a dry run rebooted the router");
        assertTrue(check.out().contains("RUNNING HANDLER [rctl_limits : reboot host]"), check.toString());
        assertTrue(check.out().matches("(?s).*RUNNING HANDLER \\[rctl_limits : reboot host\\][^\\n]*\\nchanged: \\[router\\].*"),
                "the dry run says the router would reboot\n" + check);
    }

    @Test
    @Order(2)
    void siteLeavesTheSeedsFiles() throws Exception {
        Map<String, String> boots = new HashMap<>();
        for (String h : HOSTS) boots.put(h, bootTime(h));
        Jprov.Run site = apply("site.yaml");
        assertEquals(0, site.exitCode(), site.toString());
        // RACCT is a loader tunable: the router (rctl limits) was rebooted by the run's handler, the mailhost not
        assertFalse(boots.get("router").equals(bootTime("router")), "the router was not rebooted\n" + site);
        assertEquals(boots.get("mailhost"), bootTime("mailhost"), "the mailhost was rebooted\n" + site);
        for (String h : HOSTS) {
            for (String f : List.of("jail.conf", "pf.conf", "devfs.rules")) {
                assertEquals(seed(h, f), ssh(h, "cat /etc/" + f).stdout(), h + ":/etc/" + f);
            }
            for (String j : JAILS.get(h)) {
                assertEquals(seed(h, j + ".rc.conf"), ssh(h, "cat /jails/" + j + "/etc/rc.conf").stdout(), h + ":" + j);
            }
            List<String> rcConf = List.of(ssh(h, "cat /etc/rc.conf").stdout().split("\n"));
            int at = 0;
            for (String line : seed(h, "rc.conf").split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int found = rcConf.subList(at, rcConf.size()).indexOf(line);
                assertTrue(found >= 0, h + ": /etc/rc.conf lacks (in order) " + line + "\n" + rcConf);
                at += found + 1;
            }
        }
        assertEquals(seed("router", "rctl.conf"), ssh("router", "cat /etc/rctl.conf").stdout());
        for (String h : HOSTS) {
            assertEquals(checkChanged.get(h), site.changed(h), "the dry run's count on " + h + "\n" + site);
        }
    }

    @Test
    @Order(3)
    void jailsRunWithTheirEpairsOnTheBridges() {
        assertSeedHostsRun();
    }

    /** What the seeds' hosts run: jails on their bridges, their services, pf, rctl and devfs rules live. */
    private void assertSeedHostsRun() {
        for (String h : HOSTS) {
            assertTrue(ssh(h, "pfctl -s info").stdout().startsWith("Status: Enabled"), h + ": pf enabled");
            assertTrue(ssh(h, "devfs rule -s 100 show").stdout().contains("pf unhide"), h + ": devfs ruleset 100");
        }
        assertTrue(ssh("mailhost", "pfctl -s nat").stdout().contains("rdr pass on vtnet0 inet proto tcp from any to (vtnet0) port = smtp -> 10.0.0.11"));
        assertEquals("jail:unbound:memoryuse:deny=536870912\njail:unbound:maxproc:deny=64\n"
                + "jail:wireguard:memoryuse:deny=134217728\njail:wireguard:maxproc:deny=32\n", ssh("router", "rctl").stdout());
        for (String h : HOSTS) {
            assertEquals(String.join("\n", JAILS.get(h)), ssh(h, "jls -N name").stdout().strip().replace(" ", ""), h);
        }
        String bridge0 = ssh("mailhost", "ifconfig bridge0").stdout();
        for (String j : JAILS.get("mailhost")) assertTrue(bridge0.contains("member: e0a_" + j + " "), bridge0);
        assertTrue(ssh("router", "ifconfig bridge0").stdout().contains("member: e0a_unbound "));
        assertTrue(ssh("router", "ifconfig bridge1").stdout().contains("member: e0a_wireguard "));
        String inJail = ssh("mailhost", "ifconfig -j mailserver -l").stdout();
        assertTrue(inJail.contains("e0b_mailserver") || inJail.contains("vnet0"), "moved into the jail: " + inJail);
        for (String s : List.of("postfix", "dovecot", "rspamd")) {
            assertTrue(ssh("mailhost", "service -j mailserver " + s + " status").succeeded(), s);
        }
        assertTrue(ssh("router", "service -j wireguard wireguard status").succeeded());
    }

    @Test
    @Order(4)
    void secondRunChangesNothing() {
        Jprov.Run again = apply("site.yaml");
        assertEquals(0, again.exitCode(), again.toString());
        for (String h : HOSTS) assertEquals(0, again.changed(h), again.toString());
    }

    @Test
    @Order(5)
    void afterARebootTheHostsAreStillTheSeeds() throws Exception {
        Map<String, String> boots = new HashMap<>();
        for (String h : HOSTS) {   // both at once, as a fleet reboots
            boots.put(h, host(h).bootTime());
            assertTrue(host(h).ssh("shutdown -r now").succeeded(), h);
        }
        for (String h : HOSTS) host(h).awaitBoot(boots.get(h), BOOT_TIMEOUT);
        assertSeedHostsRun();   // brought back by rc(8) alone, from what the run persisted
        Jprov.Run again = apply("site.yaml");
        assertEquals(0, again.exitCode(), again.toString());
        for (String h : HOSTS) assertEquals(0, again.changed(h), again.toString());
    }

    @Test
    @Order(6)
    void jailUpdateUpdatesEveryJail() {
        Jprov.Run update = apply("jail-update.yaml");
        assertEquals(0, update.exitCode(), update.toString());
        for (String h : HOSTS) {
            for (String j : JAILS.get(h)) assertEquals("14.3-RELEASE-p1", version(h, j), h + ":" + j);
            assertEquals(JAILS.get(h).size(), ssh(h, "jls -N name").stdout().strip().split("\n").length, h);
        }
        Jprov.Run again = apply("jail-update.yaml");
        for (String h : HOSTS) assertEquals(0, again.changed(h), again.toString());
    }

    @Test
    @Order(7)
    void aFailedJailUpdateIsRolledBackAndStopsTheRollout() {
        for (String h : HOSTS) {
            for (String j : JAILS.get(h)) {
                assertTrue(ssh(h, "mkdir -p /jails/" + j + "/var/db/emu && echo 14.3-RELEASE-p5 > /jails/" + j
                        + "/var/db/emu/freebsd-update.latest").succeeded());
            }
        }
        assertTrue(ssh("mailhost", "touch /jails/webmail/var/db/emu/freebsd-update.fail").succeeded());
        Jprov.Run update = apply("jail-update.yaml");
        assertEquals(2, update.exitCode(), update.toString());
        assertEquals("14.3-RELEASE-p5", version("mailhost", "mailserver"), "updated before the failure");
        assertEquals("14.3-RELEASE-p1", version("mailhost", "webmail"), "rolled back");
        assertEquals("14.3-RELEASE-p1", version("mailhost", "monitor"), "after the failure: not updated");
        assertEquals("14.3-RELEASE-p1", version("router", "unbound"), "later host: not updated");
        assertEquals("14.3-RELEASE-p1", version("router", "wireguard"), "later host: not updated");
        assertTrue(ssh("mailhost", "jls -j webmail jid").succeeded(), "webmail started again after the rollback");
        assertEquals(1, update.failed("mailhost"));
    }

    private String version(String host, String jail) {
        return ssh(host, "sed -n 's/^USERLAND_VERSION=\"\\(.*\\)\"$/\\1/p' /jails/" + jail + "/bin/freebsd-version")
                .stdout().strip();
    }

    private static String seed(String host, String file) throws IOException {
        return Files.readString(SEEDS.resolve(host).resolve(file));
    }

    private ExecResult ssh(String host, String command) {
        try {
            return host(host).ssh(command);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
