package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.StepResult;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import dev.jprov.transport.JailName;
import dev.jprov.transport.JailShell;
import dev.jprov.transport.ReopenableShell;
import dev.jprov.transport.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's side of a reboot, on a machine that really drops its sessions and refuses connections while it
 * boots (FakeMachine), with a clock that moves only when the engine sleeps: queued changes are made first, the
 * host's one connection is opened again and its jails follow it, every answer about the machine is asked again,
 * and a host that does not come back fails with Ansible's message.
 */
class HostSessionRebootTest {
    private static final Probe.Shell BOOT = new Probe.Shell("sysctl kern.boottime", List.of());

    @TempDir
    Path dir;

    private final FakeMachine.VirtualTiming timing = new FakeMachine.VirtualTiming();

    private record Setup(FakeMachine fake, ReopenableShell connection, Machine machine, HostSession host,
                         HostSession jail) {}

    private Setup setup(int refusals, boolean comesBack) throws TransportException {
        FakeMachine fake = new FakeMachine(dir, refusals, comesBack);
        ReopenableShell connection = ReopenableShell.open("fake", fake::open);
        Machine machine = Machine.reachedBy(connection, timing);
        HostSession host = new HostSession("host", connection, "~", machine);
        HostSession jail = new HostSession("web", JailShell.on(connection, new JailName("web")), "~",
                machine.insideJail("web"));
        return new Setup(fake, connection, machine, host, jail);
    }

    private static String ask(HostSession s, Probe.Shell probe) throws Exception {
        return ((ProbeAnswer) s.answers(List.of(probe), List::of).get(probe)).stdout();
    }

    private static Step.Reboot reboot(String command, String previous, Duration timeout) {
        return new Step.Reboot(command, "sysctl kern.boottime", previous.strip(), "whoami", timeout,
                Optional.of(Duration.ofSeconds(3)), Duration.ZERO);
    }

    /** A reboot queued as a task of its own, writing anything (Resource.ANY), as the reboot module plans it. */
    private static PendingChanges.Ticket enqueue(HostSession session, Step.Reboot reboot) {
        return session.enqueue(session.nextTask(), List.of(reboot), List.of(Resource.ANY), Map.of());
    }

    @Test
    void queuedChangesGoFirstThenEveryoneOnTheMachineSeesTheNewBoot() throws Exception {
        Setup s = setup(2, true);
        String before = ask(s.host(), BOOT);
        assertEquals(before, ask(s.jail(), BOOT));
        int tripsBefore = s.host().roundTrips();
        assertEquals(before, ask(s.host(), BOOT), "answered from the cache before the reboot");
        assertEquals(tripsBefore, s.host().roundTrips());

        int t1 = s.host().nextTask();
        PendingChanges.Ticket touch = s.host().enqueue(t1, List.of(new Step.Exec("touch \"$FAKE/marker\"",
                "touch marker", false)), List.of(Resource.path(s.fake().dir() + "/marker")), Map.of());
        PendingChanges.Ticket rebooted = enqueue(s.host(), reboot("shutdown -r +0s 'bye'", before,
                Duration.ofSeconds(600)));

        // A later task's probe: the queue (the change, then the reboot) is made first, the probe on the new boot.
        String after = ((ProbeAnswer) s.host().answers(List.of(BOOT), List::of, s.host().nextTask()).get(BOOT))
                .stdout();
        assertEquals(0, touch.results().get(0).exitCode());
        StepResult r = rebooted.results().get(0);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(s.fake().log().contains("shutdown -r +0s bye\nmarker was there\n"), s.fake().log());
        assertNotEquals(before, after);
        assertEquals(1, s.fake().boots());

        // Ansible's backoff while sshd refused twice (1 s, then 2 s, plus jitter); then the boot time changed.
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(2500)), timing.sleeps());
        assertEquals("4", r.stdout().strip(), "elapsed, in whole seconds of the run's clock");
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)),
                s.fake().connectTimeouts(), "each reconnection with connect_timeout");

        // The jail's session forgot its answer and asks over the new connection (the old one is dead).
        assertEquals(after, ask(s.jail(), BOOT));
        assertTrue(s.fake().log().endsWith("jexec web\n"), s.fake().log());
        assertTrue(s.connection().isOpen());
    }

    @Test
    void aFlushRebootsAfterTheQueueAndDropsTheHostsOwnAnswers() throws Exception {
        Setup s = setup(0, true);
        String before = ask(s.host(), BOOT);
        PendingChanges.Ticket t = enqueue(s.host(), reboot("shutdown -r +0s x", before, Duration.ofSeconds(60)));
        s.host().flush();
        assertEquals(0, t.results().get(0).exitCode());
        int trips = s.host().roundTrips();
        assertNotEquals(before, ask(s.host(), BOOT));
        assertEquals(trips + 1, s.host().roundTrips(), "asked the host again");
    }

    @Test
    void aHostThatDoesNotComeBackFailsWithAnsiblesMessageAndNothingAfterItRuns() throws Exception {
        Setup s = setup(0, false);
        String before = ask(s.host(), BOOT);
        PendingChanges.Ticket rebooted = enqueue(s.host(), reboot("shutdown -r +0s x", before, Duration.ofSeconds(30)));
        PendingChanges.Ticket later = s.host().enqueue(s.host().nextTask(), List.of(new Step.Exec("touch \"$FAKE/later\"",
                "touch later", false)), List.of(), Map.of());
        s.host().flush();
        StepResult r = rebooted.results().get(0);
        assertEquals(Step.Reboot.TIMED_OUT, r.exitCode());
        assertEquals("Timed out waiting for last boot time check (timeout=30)", r.stderr());
        long elapsed = Long.parseLong(r.stdout().strip());
        assertTrue(elapsed >= 30 && elapsed < 30 + 13, "elapsed " + elapsed);
        assertTrue(later.results().isEmpty(), "a later task's step does not run");
        assertFalse(s.fake().dir().resolve("later").toFile().exists());
        assertFalse(s.connection().isOpen());
        TransportException e = assertThrows(TransportException.class, () -> ask(s.host(), BOOT));
        assertTrue(e.getMessage().contains("closed for a reboot"), e.getMessage());
    }

    @Test
    void aProbeQueuedBehindAFailedRebootEndsTheAskingTaskNotTheConnection() throws Exception {
        Setup s = setup(0, false);
        String before = ask(s.host(), BOOT);
        enqueue(s.host(), reboot("shutdown -r +0s x", before, Duration.ofSeconds(5)));
        assertThrows(PendingFailure.class, () -> s.host().answers(List.of(BOOT), List::of, s.host().nextTask()));
    }

    @Test
    void aRefusedRebootCommandFailsAndTheHostKeepsItsConnectionAndAnswers() throws Exception {
        Setup s = setup(0, true);
        String before = ask(s.host(), BOOT);
        PendingChanges.Ticket t = enqueue(s.host(), reboot("refusing-shutdown -r +0s x", before,
                Duration.ofSeconds(60)));
        s.host().flush();
        StepResult r = t.results().get(0);
        assertEquals(Step.Reboot.COMMAND_FAILED, r.exitCode());
        assertEquals("Reboot command failed. Error was: ', shutdown: NOT super-user'", r.stderr());
        assertEquals(0, s.machine().boots());
        assertTrue(s.connection().isOpen());
        assertEquals(before, ask(s.host(), BOOT));
        assertEquals(List.of(), timing.sleeps());
    }

    @Test
    void aJailIsNotRebooted() throws Exception {
        Setup s = setup(0, true);
        PendingChanges.Ticket t = enqueue(s.jail(), reboot("shutdown -r +0s x", "", Duration.ofSeconds(60)));
        s.jail().flush();
        assertEquals(Step.Reboot.COMMAND_FAILED, t.results().get(0).exitCode());
        assertTrue(t.results().get(0).stderr().contains("jprov reboots only hosts"), t.results().get(0).stderr());
        assertEquals(0, s.fake().boots());
    }

    @Test
    void theTestCommandIsRetriedUntilItSucceeds() throws Exception {
        Setup s = setup(0, true);
        String before = ask(s.host(), BOOT);
        // Fails until the second boot-time read has happened: the host is up but not ready.
        Step.Reboot step = new Step.Reboot("shutdown -r now", "sysctl kern.boottime", before.strip(),
                "n=$(cat \"$FAKE/tries\" 2>/dev/null || echo 0); echo $((n+1)) > \"$FAKE/tries\"; [ $n -ge 1 ]",
                Duration.ofSeconds(60), Optional.empty(), Duration.ofSeconds(5));
        PendingChanges.Ticket t = enqueue(s.host(), step);
        s.host().flush();
        assertEquals(0, t.results().get(0).exitCode(), t.results().get(0).stderr());
        // post_reboot_delay first, then one pause after the failed test command.
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMillis(1500)), timing.sleeps());
        assertEquals("6", t.results().get(0).stdout());
    }
}
