package dev.jprov.plan;

import java.time.Duration;
import java.util.Optional;

/** One thing to do on a host to make a change. Steps of a host are batched into one script by the executor. */
public sealed interface Step permits Step.Exec, Step.WriteFile, Step.Reconfirm, Step.Reboot {

    /** What a reviewer reads for this step (a command line, or "write /etc/rc.conf (1.2 KiB, 0644 root:wheel)"). */
    String display();

    /**
     * Run shell text built with {@link Cmd}/{@link ShellScript}. Its exit code decides success unless
     * {@code mayFail}: then the module judges the result (command's rc, failed_when).
     */
    record Exec(String script, String display, boolean mayFail) implements Step {
        public static Exec of(Cmd cmd) {
            return new Exec(cmd.toShell(), cmd.toShell(), false);
        }

        public static Exec of(ShellScript script, String display) {
            return new Exec(script.text(), display, false);
        }
    }

    /**
     * Write a whole file atomically: temp file in the same directory, mode and owner set on it, then rename over
     * the target. {@code mode}/{@code owner}/{@code group} empty means keep what the target has (or the default
     * for a new file). {@code validate} is a command with %s for the temp file that must succeed before the rename.
     * {@code backupSuffix}, when present, keeps the old file as target+suffix first.
     */
    record WriteFile(String path, byte[] content, Optional<String> mode, Optional<String> owner,
                     Optional<String> group, Optional<String> validate, Optional<String> backupSuffix)
            implements Step {
        public static WriteFile of(String path, byte[] content) {
            return new WriteFile(path, content, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }

        @Override
        public String display() {
            StringBuilder s = new StringBuilder("write ").append(path).append(" (").append(content.length)
                    .append(" bytes");
            mode.ifPresent(m -> s.append(", mode ").append(m));
            if (owner.isPresent() || group.isPresent()) {
                s.append(", ").append(owner.orElse("")).append(':').append(group.orElse(""));
            }
            return s.append(')').toString();
        }
    }

    /**
     * Proves the host is still reachable after the steps before it, by running {@code script} over a NEW
     * connection (pf's confirm-or-revert: the script disarms the revert timer that an earlier step armed). When the
     * new connection cannot be made or the script fails, this step fails and the host's timer undoes the change.
     * The executor runs it; modules only plan it, so they still never open connections.
     */
    record Reconfirm(String script, String display) implements Step {}

    /**
     * Reboots the machine and waits for it to come back, as Ansible's reboot action does: runs {@code command}
     * (shell text; the session may drop while it runs, which is not a failure), waits {@code postRebootDelay},
     * then, over a new connection (made with {@code connectTimeout} when given), runs {@code bootTimeCommand} until
     * its output is not empty and differs from {@code previousBootTime}, then {@code testCommand} until it exits 0,
     * each for at most {@code timeout}. The executor runs it alone in its round trip, after every step queued
     * before it; afterwards every answer about the machine and its jails is stale.
     * <p>Its {@code StepResult}: stdout is the whole seconds elapsed since the reboot command returned; exit 0
     * when the host came back, {@link #COMMAND_FAILED} when the reboot command failed, {@link #TIMED_OUT} when
     * the host did not come back (or the test command kept failing) in time; stderr then says which, in Ansible's
     * words.
     */
    record Reboot(String command, String bootTimeCommand, String previousBootTime, String testCommand,
                  Duration timeout, Optional<Duration> connectTimeout, Duration postRebootDelay) implements Step {
        public static final int COMMAND_FAILED = 1;
        public static final int TIMED_OUT = 2;

        @Override
        public String display() {
            return command;
        }
    }
}
