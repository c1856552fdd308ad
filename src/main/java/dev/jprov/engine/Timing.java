package dev.jprov.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the pauses of waits the engine makes on its own (a reboot's polling): one place, so that tests
 * can run a ten-minute timeout in no time with a clock that moves only when something sleeps.
 */
interface Timing {

    Instant now();

    void sleep(Duration pause) throws InterruptedException;

    /** A wait of the host's own (a retry's delay, an async poll): an interrupt stops the host's play. */
    default void pause(Duration pause) {
        try {
            sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostStopped();
        }
    }

    /** A number in [0, 1) added to backoffs, so that hosts rebooted together do not poll in step. */
    double jitter();

    Timing SYSTEM = new Timing() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration pause) throws InterruptedException {
            if (!pause.isNegative() && !pause.isZero()) Thread.sleep(pause);
        }

        @Override
        public double jitter() {
            return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        }
    };
}
