package dev.jprov.engine;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteScript;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.ReopenableShell;
import dev.jprov.transport.TransportException;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes a {@link Step.Reboot} on a machine, following Ansible 2.14's reboot action
 * (lib/ansible/plugins/action/reboot.py): run the reboot command (a session that drops is the host going down,
 * not an error), wait post_reboot_delay, then poll the boot time over a new connection until it changed, then the
 * test command until it succeeds, each with Ansible's backoff (2^n s plus jitter, at most 12 s) for at most
 * reboot_timeout. The commands run in the rebooting session's shell, so its become applies, and that shell is built
 * on the machine's {@link ReopenableShell}: reopening it moves the session, its jails and its become variants to the
 * new connection at once.
 */
final class MachineReboot {
    /** Ansible's max_fail_sleep. */
    private static final double MAX_PAUSE_SECONDS = 12;

    private final Machine machine;
    private final RemoteShell shell;
    private final Timing timing;

    MachineReboot(Machine machine, RemoteShell shell) {
        this.machine = machine;
        this.shell = shell;
        this.timing = machine.timing();
    }

    StepResult run(Step.Reboot step) {
        if (machine.connection().isEmpty()) {
            return new StepResult(Step.Reboot.COMMAND_FAILED, "0", "reboot: this target is not reached over a"
                    + " connection of its own (a jail, or the controller): jprov reboots only hosts");
        }
        ReopenableShell connection = machine.connection().get();
        try {
            ExecResult r = shell.run(new RemoteScript.ChangeScript(step.command()));
            // A shell killed by a signal is the host going down under it, as a dropped session is: Ansible's ssh
            // connection reports both as a connection failure, which its reboot action carries on from.
            if (r.exitCode() != 0 && r.signal().isEmpty()) {
                return new StepResult(Step.Reboot.COMMAND_FAILED, "0", "Reboot command failed. Error was: '"
                        + r.stdoutText().strip() + ", " + r.stderrText().strip() + "'");
            }
        } catch (TransportException e) {
            // The session dropped while the host went down: the reboot was made.
        }
        Instant start = timing.now();
        machine.booted();
        // The old connection is gone or about to be: every later command goes over a new one.
        connection.drop();
        try {
            if (!step.postRebootDelay().isZero()) timing.sleep(step.postRebootDelay());
            boolean back = untilSuccess(() -> bootTimeChanged(step), step, connection);
            machine.booted(); // answers gathered by other sessions while the host was going down are stale too
            if (!back) return timedOut("last boot time check", step, start);
            if (!untilSuccess(() -> testCommandSucceeds(step), step, connection)) {
                return timedOut("post-reboot test command", step, start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepResult(Step.Reboot.TIMED_OUT, elapsed(start), "interrupted while waiting for the reboot");
        }
        return new StepResult(0, elapsed(start), "");
    }

    /** One attempt of a wait: returns normally when done, throws when not yet. */
    @FunctionalInterface
    private interface Attempt {
        void run() throws TransportException, NotYet;
    }

    /** The host answered, but not what the wait is for (the old boot time, a failing test command). */
    private static final class NotYet extends Exception {
        NotYet(String why) {
            super(why, null, false, false);
        }
    }

    /** Ansible's do_until_success_or_timeout: reconnects when the connection failed, backs off, gives up at the end. */
    private boolean untilSuccess(Attempt attempt, Step.Reboot step, ReopenableShell connection)
            throws InterruptedException {
        Instant end = timing.now().plus(step.timeout());
        int fails = 0;
        while (timing.now().isBefore(end)) {
            try {
                if (!connection.isOpen()) connection.reopen(step.connectTimeout());
                attempt.run();
                return true;
            } catch (TransportException e) {
                connection.drop(); // refused, timed out, or broke: the next attempt connects anew
            } catch (NotYet e) {
                // asked again after the pause
            }
            double jitter = timing.jitter();
            double pause = Math.pow(2, fails) + jitter;
            if (pause > MAX_PAUSE_SECONDS) pause = MAX_PAUSE_SECONDS + jitter;
            fails++;
            timing.sleep(Duration.ofMillis((long) (pause * 1000)));
        }
        return false;
    }

    private void bootTimeChanged(Step.Reboot step) throws TransportException, NotYet {
        ExecResult r = shell.run(new RemoteScript.ProbeScript(step.bootTimeCommand()));
        if (r.exitCode() != 0) throw new NotYet("failed to get host boot time info, rc: " + r.exitCode());
        String now = r.stdoutText().strip();
        // Ansible: FreeBSD prints an empty boot time right before it reboots; that is not a new boot either.
        if (now.isEmpty() || now.equals(step.previousBootTime())) throw new NotYet("boot time has not changed");
    }

    private void testCommandSucceeds(Step.Reboot step) throws TransportException, NotYet {
        ExecResult r = shell.run(new RemoteScript.ProbeScript(step.testCommand()));
        if (r.exitCode() != 0) {
            throw new NotYet("Test command failed: " + r.stderrText() + " " + r.stdoutText());
        }
    }

    private StepResult timedOut(String what, Step.Reboot step, Instant start) {
        return new StepResult(Step.Reboot.TIMED_OUT, elapsed(start), "Timed out waiting for " + what + " (timeout="
                + step.timeout().toSeconds() + ")");
    }

    private String elapsed(Instant start) {
        return Long.toString(Duration.between(start, timing.now()).toSeconds());
    }
}
