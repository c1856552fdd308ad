package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.EmulatedFreeBsd;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each module against the testbed's emulated FreeBSD commands: check mode (plan only) leaves the host as it was
 * and counts the same changes as the real run, which then applies them; a second run plans nothing.
 */
class FreeBsdModulesOnEmulationTest {
    @TempDir
    Path tmp;
    EmulatedFreeBsd emu;
    ModuleHost host;

    @BeforeEach
    void setUp() throws IOException {
        emu = new EmulatedFreeBsd(tmp);
        host = emu.host();
    }

    @AfterEach
    void stopDaemons() {
        // Emulated package daemons are real processes: stop any this test started (by their pid files).
        host.exec("for f in \"$EMU_ROOT\"/var/run/*.pid; do [ -f \"$f\" ] && kill $(cat \"$f\") 2>/dev/null; done; true");
    }

    /** Check run, real run, second run; {@code state} is a command whose output shows the host's state. */
    private Planned cycle(Module module, Map<String, Object> args, String state) {
        Invocation inv = CannedAnswers.prepare(module, args);
        String before = host.exec(state).stdoutText();
        Planned check = host.plan(inv);
        assertEquals(Planned.Outcome.OK, check.outcome(), () -> check.result().toString());
        assertEquals(before, host.exec(state).stdoutText(), "check mode changed the host");
        ModuleHost.Applied run = host.attempt(inv);
        assertFalse(run.failed(), () -> run.steps().toString());
        assertEquals(changes(check), changes(run.planned()), "check mode and the real run differ");
        assertTrue(changes(run.planned()) > 0, "nothing to do in the first run");
        assertEquals(diffs(check), diffs(run.planned()));
        assertNotEquals(before, host.exec(state).stdoutText(), "the real run changed nothing");
        Planned again = host.plan(inv);
        assertEquals(0, changes(again), () -> "second run plans changes: " + again.changes());
        return run.planned();
    }

    private static long changes(Planned p) {
        return p.changes().stream().filter(Change::changes).count();
    }

    private static List<String> diffs(Planned p) {
        return p.changes().stream().map(c -> c.diff().before() + "=>" + c.diff().after()).toList();
    }

    @Test
    void zfsCreatesThenSetsProperties() {
        String state = "zfs get -H -p -o property,value quota,compression,jprov:role zroot/jails/mailserver 2>&1";
        Planned created = cycle(new ZfsModule(), args("name", "zroot/jails/mailserver", "state", "present",
                "extra_zfs_properties", args("compression", "lz4", "quota", "512M")), state);
        assertEquals("zroot/jails/mailserver (new dataset)\n  compression: lz4\n  quota: 512M\n",
                created.changes().get(0).diff().after());
        assertTrue(created.changes().get(0).writes().contains(dev.jprov.facts.Resource.path("/zroot/jails/mailserver")));
        Planned updated = cycle(new ZfsModule(), args("name", "zroot/jails/mailserver", "state", "present",
                "extra_zfs_properties", args("quota", "10G", "jprov:role", "mail", "compression", "lz4")), state);
        assertEquals("zroot/jails/mailserver: quota: 512M -> 10G\nzroot/jails/mailserver: jprov:role: - -> mail",
                updated.result().get("msg"));
        cycle(new ZfsModule(), args("name", "zroot/jails/mailserver", "state", "absent"), state);
    }

    @Test
    void zfsSnapshotCreatesAndRollsBack() {
        host.exec("zfs create -p zroot/jails/unbound && echo one > \"$EMU_ROOT/zroot/jails/unbound/file\"");
        String state = "zfs list -H -t snapshot -o name -r zroot/jails/unbound";
        cycle(new ZfsSnapshotModule(), args("dataset", "zroot/jails/unbound", "name", "pre-update-1"), state);
        host.exec("zfs snapshot zroot/jails/unbound@later");
        Planned rolled = cycle(new ZfsSnapshotModule(), args("dataset", "zroot/jails/unbound", "name", "pre-update-1",
                "state", "rolled_back"), state);
        assertEquals(List.of("zroot/jails/unbound@later"), rolled.result().get("destroyed_snapshots"));
        cycle(new ZfsSnapshotModule(), args("name", "zroot/jails/unbound@pre-update-1", "state", "absent"), state);
    }

    @Test
    void sysrcManyVariablesOfOneFile() throws IOException {
        Path jailRoot = emu.shared().resolve("jails/mailserver");
        Files.createDirectories(jailRoot.resolve("etc"));
        Files.writeString(jailRoot.resolve("etc/rc.conf"), "# seed\nsyslogd_flags=\"-s\"\nsendmail_enable=\"YES\"\n");
        String state = "cat " + jailRoot.resolve("etc/rc.conf");
        Map<String, Object> vars = args("ifconfig_e0b_mailserver_name", "vnet0",
                "ifconfig_vnet0", "inet 10.0.0.11 netmask 255.255.255.0", "defaultrouter", "10.0.0.1",
                "syslogd_flags", "-ss", "sendmail_enable", false, "cron_flags", "-J 60", "postfix_enable", true);
        for (var e : vars.entrySet()) {
            Planned p = cycle(new SysrcModule(), args("name", e.getKey(), "value", e.getValue(),
                    "root", jailRoot.toString()), state);
            assertTrue(p.changes().get(0).diff().after().startsWith(e.getKey() + "=\""));
        }
        String text = Files.readString(jailRoot.resolve("etc/rc.conf"));
        assertTrue(text.contains("syslogd_flags=\"-ss\"\n"), text);
        assertTrue(text.contains("sendmail_enable=\"NO\"\n"), text);
        assertTrue(text.contains("postfix_enable=\"YES\"\n"), text);
        // All seven tasks read the file through one and the same probe.
        assertEquals(1, vars.keySet().stream().map(n -> CannedAnswers.prepare(new SysrcModule(), args("name", n,
                "value", "x", "root", jailRoot.toString())).probes().get(0)).distinct().count());
        cycle(new SysrcModule(), args("name", "cloned_interfaces", "value", "bridge1", "state", "value_present",
                "path", jailRoot.resolve("etc/rc.conf").toString()), state);
        cycle(new SysrcModule(), args("name", "sendmail_enable", "state", "absent",
                "path", jailRoot.resolve("etc/rc.conf").toString()), state);
    }

    /**
     * The package repository the testbed's mirror serves, built into the test's tree and named by a file:// URL in
     * /usr/local/etc/pkg/repos/FreeBSD.conf, as the shipped pkg_repository role names the mirror's.
     */
    private void useTestbedPackageRepository() throws IOException, InterruptedException {
        Path out = tmp.resolve("mirror");
        Process build = new ProcessBuilder(EmulatedFreeBsd.EMU.resolveSibling("mirror/build-pkg-repo").toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes());
        assertEquals(0, build.waitFor(), log);
        Path conf = emu.root().resolve("usr/local/etc/pkg/repos/FreeBSD.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "FreeBSD: { url: \"file://" + out + "/pkg/${ABI}/latest\", mirror_type: \"none\", "
                + "signature_type: \"none\" }\n");
    }

    @Test
    void pkgBootstrapsThenInstallsUpgradesRemoves() throws Exception {
        useTestbedPackageRepository();
        String state = "pkg -N 2>&1; test -x \"$EMU_ROOT/usr/local/sbin/pkg\" && pkg query '%n %v' postfix dovecot nginx";
        // a fresh host: pkg is the bootstrap stub, bootstrapped by the first install (check mode counts it too)
        Planned first = cycle(new PkgModule(), args("name", List.of("postfix")), state);
        assertTrue(Plans.steps(first).startsWith("pkg bootstrap -y\n"), Plans.steps(first));
        host.exec("pkg install -y nginx-1.24.0_14,3");
        Planned installed = cycle(new PkgModule(), args("name", List.of("postfix", "dovecot", "nginx")), state);
        assertEquals("pkg install -y dovecot", Plans.steps(installed));
        Planned latest = cycle(new PkgModule(), args("name", List.of("nginx", "postfix"), "state", "latest"), state);
        assertEquals("nginx-1.24.0_14,3\npostfix-3.9.1,1\n", Plans.before(latest));
        assertEquals("nginx-1.26.2,3\npostfix-3.9.1,1\n", Plans.after(latest));
        cycle(new PkgModule(), args("name", "dovecot", "state", "absent"), state);
    }

    @Test
    void serviceEnabledAndStarted() throws Exception {
        useTestbedPackageRepository();
        assertEquals(0, host.exec("pkg bootstrap -y && pkg install -y postfix").exitCode());
        String state = "service postfix onestatus; sysrc -n postfix_enable";
        Planned p = cycle(new ServiceModule(), args("name", "postfix", "state", "started", "enabled", true), state);
        assertEquals("enabled: postfix_enable=NO\nstate: stopped\n", Plans.before(p));
        assertTrue(host.exec("cat \"$EMU_ROOT/etc/rc.conf\"").stdoutText().contains("postfix_enable=\"YES\""));
        cycle(new ServiceModule(), args("name", "postfix", "state", "stopped"), state);
    }

    @Test
    void freebsdUpdateSnapshotsAndRollsBackAFailedInstall() throws IOException {
        Path jailRoot = emu.shared().resolve("jails/unbound");
        host.exec("zfs create -p -o mountpoint=" + jailRoot + " zroot/jails/unbound");
        Files.createDirectories(jailRoot.resolve("bin"));
        Files.copy(EmulatedFreeBsd.EMU.resolve("bin/freebsd-version"), jailRoot.resolve("bin/freebsd-version"));
        // The work directory is on the host (by default /var/db/freebsd-update/root-...): keep it in the test's tree.
        Map<String, Object> args = args("basedir", jailRoot.toString(), "snapshot_dataset", "zroot/jails/unbound",
                "workdir", emu.shared().resolve("freebsd-update").toString());
        String state = "sed -n 's/^USERLAND_VERSION=//p' " + jailRoot.resolve("bin/freebsd-version");

        // A failing install: the version file is half rewritten, then the step rolls the dataset back.
        Files.createDirectories(jailRoot.resolve("var/db/emu"));
        Files.writeString(jailRoot.resolve("var/db/emu/freebsd-update.fail"), "");
        String before = host.exec(state).stdoutText();
        ModuleHost.Applied failed = host.attempt(CannedAnswers.prepare(new FreebsdUpdateModule(), args));
        assertTrue(failed.failed());
        assertEquals(before, host.exec(state).stdoutText(), "the failed install was not rolled back");
        assertTrue(failed.steps().get(0).stderr().contains("rolling back zroot/jails/unbound"));
        Files.delete(jailRoot.resolve("var/db/emu/freebsd-update.fail"));

        Planned p = cycle(new FreebsdUpdateModule(), args, state);
        assertEquals("14.3-RELEASE", p.result().get("before"));
        assertEquals("14.3-RELEASE-p1", p.result().get("after"));
        assertTrue(Plans.after(p).startsWith("userland: 14.3-RELEASE-p1\n  updated: /bin/freebsd-version\n"));
        assertTrue(host.exec("zfs list -H -t snapshot -o name -r zroot/jails/unbound").stdoutText()
                .contains("zroot/jails/unbound@jprov-update-20240102-030405"));
    }

    @Test
    void jailFactsInOneProbe() {
        host.exec("zfs create -p zroot/jails/mailserver");
        Planned p = host.plan(CannedAnswers.prepare(new JailFactsModule(), args("datasets", "zroot/jails")));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) p.result().get("ansible_facts");
        assertEquals("14.3-RELEASE", f.get("freebsd_userland"));
        assertEquals(List.of("zroot"), f.get("zfs_pools"));
        assertEquals(2, ((List<?>) f.get("zfs_datasets")).size());
        assertEquals(false, f.get("pf_enabled"));
        assertEquals(false, f.get("rctl_enabled"), "a fresh install's kernel has kern.racct.enable=0");
    }
}
