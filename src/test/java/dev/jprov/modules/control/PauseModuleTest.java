package dev.jprov.modules.control;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.ControllerPause;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pause: what the engine waits and the result it gets back, with times given by a test clock. */
class PauseModuleTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 7, 11, 0, 0, 123_456_000);

    private static ControllerPause pause(Object... args) {
        return assertInstanceOf(ControllerPause.class, CannedAnswers.prepare(new PauseModule(), args(args)));
    }

    @Test
    void waitsWhatIsAskedAndAtLeastASecond() {
        assertEquals(Duration.ofSeconds(90), pause("seconds", 90).length());
        assertEquals(Duration.ofMinutes(2), pause("minutes", "2").length());
        assertEquals(Duration.ofSeconds(1), pause("seconds", 0).length());
        assertEquals(Duration.ofSeconds(3), pause("seconds", 3.7).length()); // Ansible's int() truncates
        assertEquals(Duration.ofSeconds(5), pause("seconds", 5, "prompt", "Waiting for the service").length());
    }

    @Test
    void resultIsAnsibles() {
        Duration took = Duration.ofMillis(5012);
        Map<String, Object> r = pause("seconds", 5).paused(START, START.plus(took), took).result();
        assertEquals(Map.of("changed", false, "rc", 0, "stderr", "", "stdout", "Paused for 5.01 seconds",
                "start", "2026-12-07 11:00:00.123456", "stop", "2026-12-07 11:00:05.135456", "delta", 5L,
                "echo", true, "user_input", ""), r);
        Map<String, Object> m = pause("minutes", 1, "echo", false).paused(START, START.plusSeconds(60),
                Duration.ofSeconds(60)).result();
        assertEquals("Paused for 1.0 minutes", m.get("stdout"));
        assertEquals(false, m.get("echo"));
    }

    @Test
    void runsOncePerPlay() {
        assertInstanceOf(dev.jprov.modules.BypassesHostLoop.class, new PauseModule());
    }
}
