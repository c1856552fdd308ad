package dev.jprov.testbed;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waiting for a testbed host to come back from a reboot ({@link RebootableHost#awaitBoot}), for container and
 * namespace hosts alike: poll the host over SSH for its boot time
 * (/var/db/emu/kernel/boottime, "SEC USEC", written by the host's init before sshd starts) until it answers
 * with another boot than the one before, or the deadline passes. Polls, never sleeps a fixed time.
 */
final class BootWait {
    static final String BOOT_TIME_FILE = "/var/db/emu/kernel/boottime";
    static final String BOOT_TIME_COMMAND = "cat " + BOOT_TIME_FILE;

    private BootWait() {}

    /**
     * Polls {@code probe} (an SSH run of {@link #BOOT_TIME_COMMAND}) until it succeeds with a boot time other
     * than {@code previousBootTime}; returns that boot time. An AssertionError names the last answer when
     * {@code timeout} passes first.
     */
    static String awaitNewBoot(String host, Callable<ExecResult> probe, String previousBootTime, Duration timeout)
            throws Exception {
        ExecResult last = Polling.until(probe, r -> isNewBoot(r, previousBootTime), timeout);
        if (!isNewBoot(last, previousBootTime)) {
            throw new AssertionError(host + " did not come back from its reboot within " + timeout.toSeconds()
                    + " s (boot time before: " + previousBootTime + "); last answer: " + last);
        }
        return last.stdout().strip();
    }

    private static boolean isNewBoot(ExecResult answer, String previousBootTime) {
        String bootTime = answer.stdout().strip();
        return answer.succeeded() && !bootTime.isEmpty() && !bootTime.equals(previousBootTime);
    }
}
