package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import dev.jprov.facts.Resource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceModuleTest {
    private static ProbeAnswer answer(String rcvarValue, boolean running) {
        return CannedAnswers.ok("@rcvar\n# postfix\n#\npostfix_enable=\"" + rcvarValue + "\"\n#   (default: \"\")\n\n"
                + "@status\n@rc=" + (running ? 0 : 1) + "\n");
    }

    private static final ProbeAnswer MISSING = CannedAnswers.ok("@missing\n@rcvar\npostfix does not exist in /etc/rc.d or "
            + "the local startup\ndirectories (/usr/local/etc/rc.d), or is not executable\n@status\n@rc=1\n");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: running and enabled", args("name", "postfix", "state", "started", "enabled", true),
                        answer("YES", true), Action.NONE, ""),
                Arguments.of("enable and start", args("name", "postfix", "state", "started", "enabled", "yes"),
                        answer("NO", false), Action.UPDATE, "sysrc 'postfix_enable=YES'\nservice postfix onestart"),
                Arguments.of("stop and disable in a jail",
                        args("name", "postfix", "state", "stopped", "enabled", false, "jail", "mailserver"),
                        answer("YES", true), Action.UPDATE,
                        "sysrc -j mailserver 'postfix_enable=NO'\nservice -j mailserver postfix onestop"),
                Arguments.of("no-op: stopped", args("name", "postfix", "state", "stopped"), answer("NO", false),
                        Action.NONE, ""),
                Arguments.of("restarted always runs", args("name", "postfix", "state", "restarted"),
                        answer("YES", true), Action.RUN, "service postfix onerestart"),
                Arguments.of("reloaded starts a stopped service", args("name", "postfix", "state", "reloaded",
                        "arguments", "-v"), answer("YES", false), Action.RUN, "service postfix onestart -v"),
                // arguments split as Ansible's run_command splits them (shlex), each word then quoted on its own
                Arguments.of("arguments with a quoted word", args("name", "postfix", "state", "restarted",
                        "arguments", "-c '/etc/a b.conf' -v"), answer("YES", true), Action.RUN,
                        "service postfix onerestart -c '/etc/a b.conf' -v"),
                Arguments.of("a service not installed yet is planned as stopped",
                        args("name", "postfix", "state", "started", "enabled", true), MISSING, Action.UPDATE,
                        "sysrc 'postfix_enable=YES'\nservice postfix onestart"),
                Arguments.of("no-op: not installed, stopped asked", args("name", "postfix", "state", "stopped"),
                        MISSING, Action.NONE, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, ProbeAnswer answer, Action action, String steps) {
        Planned p = CannedAnswers.plan(new ServiceModule(), args, answer);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void enablingWritesRcConfAndShowsTheVariable() {
        Planned p = CannedAnswers.plan(new ServiceModule(), args("name", "postfix", "state", "started", "enabled", true),
                answer("NO", false));
        assertEquals(List.of(new Resource(Resource.Kind.SERVICE, "postfix"), Resource.path("/etc/rc.conf")),
                p.changes().get(0).writes());
        assertEquals("enabled: postfix_enable=NO\nstate: stopped\n", Plans.before(p));
        assertEquals("enabled: postfix_enable=YES\nstate: running\n", Plans.after(p));
    }
}
