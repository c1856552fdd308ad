package dev.jprov.modules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.registry.ModuleRegistry;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.facts.Resource;
import dev.jprov.modules.TestModuleContext;
import dev.jprov.plan.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** reboot plans as Ansible 2.14's reboot action decides (lib/ansible/plugins/action/reboot.py). */
class RebootModuleTest {
    private static final String BOOT = "kern.boottime: { sec = 1764000000, usec = 12 } Mon Nov 24 16:00:00 2025";

    private static Invocation prepare(Map<String, Object> args, Map<String, Object> vars) {
        TestModuleContext context = new TestModuleContext(Path.of("/"), false, 0, new LinkedHashMap<>(vars),
                c -> false);
        return new RebootModule().prepare(new Args("reboot", args), context);
    }

    private static Planned plan(Invocation inv, ProbeAnswer boot, ProbeAnswer lookup) {
        Map<Probe, Object> answers = new HashMap<>();
        List<Probe> probes = inv.probes();
        answers.put(probes.get(0), boot);
        if (probes.size() > 1) answers.put(probes.get(1), lookup);
        return inv.plan(new Facts(answers));
    }

    private static Step.Reboot onlyStep(Planned p) {
        assertEquals(1, p.changes().size());
        assertEquals(List.of(Resource.ANY), p.changes().get(0).writes(), "a reboot makes every answer stale");
        return (Step.Reboot) p.changes().get(0).steps().get(0);
    }

    @Test
    void defaultsAreAnsiblesForFreeBsd() {
        Invocation inv = prepare(Map.of(), Map.of());
        assertEquals(new Probe.Shell("/sbin/sysctl kern.boottime", List.of()), inv.probes().get(0));
        String lookup = ((Probe.Shell) inv.probes().get(1)).script();
        assertTrue(lookup.contains(" /sbin/shutdown /bin/shutdown /usr/sbin/shutdown /usr/bin/shutdown"
                + " /usr/local/sbin/shutdown;"), lookup);
        Planned p = plan(inv, new ProbeAnswer(0, BOOT + "\n", ""), new ProbeAnswer(0, "/sbin/shutdown\n", ""));
        assertEquals(Planned.Outcome.OK, p.outcome());
        Step.Reboot step = onlyStep(p);
        // SHUTDOWN_COMMAND_ARGS['freebsd'] = '-r +{delay_sec}s "{message}"'
        assertEquals("/sbin/shutdown -r +0s 'Reboot initiated by Ansible'", step.command());
        assertEquals(BOOT, step.previousBootTime());
        assertEquals("/sbin/sysctl kern.boottime", step.bootTimeCommand());
        assertEquals("whoami", step.testCommand());
        assertEquals(Duration.ofSeconds(600), step.timeout());
        assertEquals(Optional.empty(), step.connectTimeout());
        assertEquals(Duration.ZERO, step.postRebootDelay());
        // What check mode reports (Ansible: changed, elapsed 0, rebooted), before a real run fills it in.
        assertEquals(Map.of("elapsed", 0, "rebooted", true), p.result());
        assertTrue(p.changesHost());
    }

    @Test
    void optionsReachTheStep() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("reboot_timeout", 30);
        args.put("connect_timeout", "5");
        args.put("pre_reboot_delay", 7);
        args.put("post_reboot_delay", -3); // Ansible: negative delays are 0
        args.put("msg", "kernel tunables; it's time");
        args.put("test_command", "service sshd status");
        args.put("boot_time_command", "uptime");
        Planned p = plan(prepare(args, Map.of()), new ProbeAnswer(0, "up 3 days", ""),
                new ProbeAnswer(0, "/sbin/shutdown\n", ""));
        Step.Reboot step = onlyStep(p);
        assertEquals("/sbin/shutdown -r +7s 'kernel tunables; it'\\''s time'", step.command());
        assertEquals("uptime", step.bootTimeCommand());
        assertEquals("service sshd status", step.testCommand());
        assertEquals(Duration.ofSeconds(30), step.timeout());
        assertEquals(Optional.of(Duration.ofSeconds(5)), step.connectTimeout());
        assertEquals(Duration.ZERO, step.postRebootDelay());
    }

    @Test
    void searchPathsAreTheOnlyPlacesLookedIn() {
        Invocation inv = prepare(Map.of("search_paths", List.of("/lib/molly-guard", "/sbin/")), Map.of());
        Probe.Shell lookup = (Probe.Shell) inv.probes().get(1);
        assertTrue(lookup.script().contains("/lib/molly-guard/shutdown /sbin/shutdown"), lookup.script());
        Planned missing = plan(inv, new ProbeAnswer(0, BOOT, ""), new ProbeAnswer(0, "", ""));
        assertEquals(Planned.Outcome.FAILED, missing.outcome());
        assertEquals("Unable to find command \"shutdown\" in search paths: ['/lib/molly-guard', '/sbin/']",
                missing.result().get("msg"));
        assertEquals(false, missing.result().get("rebooted"));
    }

    @Test
    void rebootCommandRunsAsWrittenAndAnAbsoluteOneIsNotLookedUp() {
        Invocation inv = prepare(Map.of("reboot_command", "/sbin/reboot -q"), Map.of());
        assertEquals(1, inv.probes().size());
        assertEquals("/sbin/reboot -q", onlyStep(plan(inv, new ProbeAnswer(0, BOOT, ""), null)).command());
        Invocation found = prepare(Map.of("reboot_command", "reboot"), Map.of());
        assertTrue(((Probe.Shell) found.probes().get(1)).script().contains(" /sbin/reboot /bin/reboot"));
        assertEquals("/sbin/reboot", onlyStep(plan(found, new ProbeAnswer(0, BOOT, ""),
                new ProbeAnswer(0, "/sbin/reboot\n", ""))).command());
    }

    @Test
    void aBootTimeThatCannotBeReadFailsBeforeRebooting() {
        Planned p = plan(prepare(Map.of(), Map.of()), new ProbeAnswer(127, "", "sysctl: not found"),
                new ProbeAnswer(0, "/sbin/shutdown", ""));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("reboot: failed to get host boot time info, rc: 127, stdout: , stderr: sysctl: not found",
                p.result().get("msg"));
        assertEquals(List.of(), p.changes());
    }

    @Test
    void localAndJailConnectionsAreRefusedWithoutAskingTheHost() {
        Invocation local = prepare(Map.of(), Map.of("ansible_connection", "local"));
        assertEquals(List.of(), local.probes());
        Planned p = local.plan(new Facts(Map.of()));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("Running reboot with local connection would reboot the control node.", p.result().get("msg"));
        assertEquals(false, p.result().get("rebooted"));

        Planned jail = prepare(Map.of(), Map.of("ansible_connection", "jail")).plan(new Facts(Map.of()));
        assertEquals(Planned.Outcome.FAILED, jail.outcome());
        assertTrue(String.valueOf(jail.result().get("msg")).contains("jail module (state: restarted)"),
                String.valueOf(jail.result().get("msg")));
    }

    @Test
    void unknownOptionsGetAnsiblesMessage() {
        ArgsException e = assertThrows(ArgsException.class, () -> prepare(Map.of("timeout", 5, "force", true),
                Map.of()));
        assertEquals("Invalid options for reboot: force,timeout", e.getMessage());
    }

    @Test
    void theResultSaysWhatTheRebootDid() {
        Planned p = plan(prepare(Map.of(), Map.of()), new ProbeAnswer(0, BOOT, ""), new ProbeAnswer(0, "/sbin/shutdown", ""));
        assertEquals(Map.of("elapsed", 12L, "rebooted", true),
                p.afterApply().result(p.result(), List.of(new StepResult(0, "12", ""))));
        assertEquals(Map.of("elapsed", 600L, "rebooted", true), p.afterApply().result(p.result(),
                List.of(new StepResult(Step.Reboot.TIMED_OUT, "600", "Timed out waiting for last boot time check"))));
        assertEquals(Map.of("elapsed", 0L, "rebooted", false), p.afterApply().result(p.result(),
                List.of(new StepResult(Step.Reboot.COMMAND_FAILED, "0", "Reboot command failed."))));
    }

    @Test
    void registeredUnderBothNames() {
        assertTrue(ModuleRegistry.builtin().isModule("reboot"));
        assertTrue(ModuleRegistry.builtin().isModule("ansible.builtin.reboot"));
    }
}
