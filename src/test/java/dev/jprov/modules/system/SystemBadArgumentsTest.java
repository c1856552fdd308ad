package dev.jprov.modules.system;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Module;
import dev.jprov.modules.control.PauseModule;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** cron, cronvar, timezone and pause refuse bad arguments before anything is probed, in Ansible's words. */
class SystemBadArgumentsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new CronModule(), args("job", "true"), "missing required arguments: name"),
                Arguments.of(new CronModule(), args("name", "a"), "You must specify 'job' to install a new cron job"),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "cron_file", "a"),
                        "To use cron_file=... parameter you must specify user=... as well"),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "cron_file", "/etc/crontab", "user", "root"),
                        "Will not manage /etc/crontab via cron_file"),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "special_time", "daily", "hour", "3"),
                        "You must specify time and date fields or special time."),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "special_time", "sometimes"),
                        "value of special_time must be one of"),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "insertafter", "B"),
                        "Insertafter and insertbefore parameters are valid only with env=yes"),
                Arguments.of(new CronModule(), args("name", "A B", "job", "x", "env", true),
                        "Invalid name for environment variable"),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "env", true, "insertafter", "B",
                        "insertbefore", "C"), "mutually exclusive: insertafter|insertbefore"),
                Arguments.of(new CronModule(), args("name", "a", "job", "x", "hours", "3"),
                        "Unsupported parameters for (cron) module: hours"),
                Arguments.of(new CronvarModule(), args("name", "A"), "You must specify 'value' to insert a new cron variable"),
                Arguments.of(new CronvarModule(), args("value", "x"), "missing required arguments: name"),
                Arguments.of(new CronvarModule(), args("name", "A", "value", "x", "state", "gone"), "value of state must be one of"),
                Arguments.of(new TimezoneModule(), args(), "one of the following is required: hwclock, name"),
                Arguments.of(new TimezoneModule(), args("hwclock", "GMT"), "value of hwclock must be one of: local, UTC"),
                Arguments.of(new TimezoneModule(), args("name", "../../etc/passwd"), "is not a recognized timezone"),
                Arguments.of(new TimezoneModule(), args("name", "UTC", "rtc", "UTC", "hwclock", "UTC"), "mutually exclusive"),
                Arguments.of(new PauseModule(), args("prompt", "Continue?"), "needs an interactive terminal"),
                Arguments.of(new PauseModule(), args("seconds", 1, "minutes", 1), "mutually exclusive: minutes|seconds"),
                Arguments.of(new PauseModule(), args("seconds", "soon"), "must be an integer"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void refuses(Module module, Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(module, args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }
}
