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
    private static final Duration POLL = Duration.ofMillis(200);

    private BootWait() {}

    /**
     * Polls {@code probe} (an SSH run of {@link #BOOT_TIME_COMMAND}) until it succeeds with a boot time other
     * than {@code previousBootTime}; returns that boot time. An AssertionError names the last answer when
     * {@code timeout} passes first.
     */
    static String awaitNewBoot(String host, Callable<ExecResult> probe, String previousBootTime, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecResult last = null;
        while (System.nanoTime() < deadline) {
            last = probe.call();
            String bootTime = last.stdout().strip();
            if (last.succeeded() && !bootTime.isEmpty() && !bootTime.equals(previousBootTime)) {
                return bootTime;
            }
            Thread.sleep(POLL);
        }
        throw new AssertionError(host + " did not come back from its reboot within " + timeout.toSeconds()
                + " s (boot time before: " + previousBootTime + "); last answer: " + last);
    }
}
