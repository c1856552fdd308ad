package dev.jprov.engine;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import java.time.Duration;
import java.util.Optional;

/**
 * Values for the result-assembly tests, built directly: steps and their results, so that the tests need no
 * shell.
 */
final class ResultFixtures {
    static final String TIMED_OUT = "Timed out waiting for last boot time check (timeout=600)";

    private ResultFixtures() {
    }

    static Step.Exec step(String display) {
        return new Step.Exec(display, display, false);
    }

    /** A step whose exit code the module judges (command's). */
    static Step.Exec mayFail(String display) {
        return new Step.Exec(display, display, true);
    }

    static Step.Reboot reboot() {
        return new Step.Reboot("shutdown -r now", "sysctl kern.boottime", "1", "whoami", Duration.ofSeconds(600),
                Optional.empty(), Duration.ZERO);
    }

    static StepResult ok() {
        return new StepResult(0, "", "");
    }

    static StepResult exit(int rc, String stdout, String stderr) {
        return new StepResult(rc, stdout, stderr);
    }
}
