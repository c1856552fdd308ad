package dev.jprov.modules.system;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** timezone on FreeBSD: what the host has (the probe's key=value lines) and what is asked, to the change. */
class TimezoneModuleTest {
    /** A fresh install: tzsetup copied UTC and recorded it. */
    private static final String FRESH = "lt=file\ntarget=\ndb=UTC\ndbmatch=yes\n";
    private static final String BERLIN_LINK = "lt=link\ntarget=/usr/share/zoneinfo/Europe/Berlin\ndb=Europe/Berlin\n";
    private static final String LINK_STEP = "ln -s /usr/share/zoneinfo/Europe/Berlin /etc/localtime; "
            + "echo Europe/Berlin > /var/db/zoneinfo";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: tzsetup's copy of UTC", args("name", "UTC"), FRESH, Action.NONE, "",
                        Map.of("name", "UTC")),
                Arguments.of("no-op: the link names the zone", args("name", "Europe/Berlin"), BERLIN_LINK + "valid=yes\n",
                        Action.NONE, "", Map.of("name", "Europe/Berlin")),
                Arguments.of("no-op: a relative link", args("name", "Europe/Berlin"),
                        "lt=link\ntarget=../usr/share/zoneinfo/Europe/Berlin\n", Action.NONE, "",
                        Map.of("name", "Europe/Berlin")),
                Arguments.of("no-op: no /etc/localtime is UTC", args("name", "UTC"), "lt=absent\nbroken=yes\ntarget=\n",
                        Action.NONE, "", Map.of("name", "UTC")),
                Arguments.of("no-op: hwclock UTC without wall_cmos_clock", args("hwclock", "UTC"), FRESH, Action.NONE,
                        "", Map.of("hwclock", "UTC")),
                Arguments.of("a new zone is linked and recorded", args("name", "Europe/Berlin"), FRESH + "valid=yes\n",
                        Action.UPDATE, LINK_STEP, Map.of("name", "UTC")),
                Arguments.of("hwclock local creates wall_cmos_clock", args("rtc", "local"), FRESH, Action.UPDATE,
                        "create /etc/wall_cmos_clock", Map.of("hwclock", "UTC")),
                Arguments.of("hwclock UTC removes it", args("hwclock", "UTC", "name", "UTC"), FRESH + "cmos=local\n",
                        Action.UPDATE, "rm -f /etc/wall_cmos_clock", Map.of("hwclock", "local", "name", "UTC")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, String host, Action action, String steps,
               Map<String, Object> before) {
        Planned p = CannedAnswers.plan(new TimezoneModule(), args, CannedAnswers.ok(host));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) p.result().get("diff");
        assertEquals(before, diff.get("before"));
    }

    @org.junit.jupiter.api.Test
    void anUnknownZoneFailsAsAnsible() {
        Planned p = CannedAnswers.plan(new TimezoneModule(), args("name", "Mars/Olympus"), CannedAnswers.ok(FRESH));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("Mars/Olympus is not a recognized timezone", p.result().get("msg"));
    }

    @org.junit.jupiter.api.Test
    void noLocaltimeWarnsAsAnsible() {
        Planned p = CannedAnswers.plan(new TimezoneModule(), args("name", "UTC"),
                new ProbeAnswer(0, "lt=absent\nbroken=yes\n", ""));
        assertEquals(List.of("Could not read /etc/localtime. Assuming UTC."), p.result().get("warnings"));
    }

    @org.junit.jupiter.api.Test
    void theDiffIsAnsiblesDictDiff() {
        Planned p = CannedAnswers.plan(new TimezoneModule(), args("name", "Europe/Berlin", "hwclock", "local"),
                CannedAnswers.ok(FRESH + "valid=yes\n"));
        assertEquals("{\n    \"hwclock\": \"UTC\",\n    \"name\": \"UTC\"\n}\n", Plans.before(p));
        assertEquals("{\n    \"hwclock\": \"local\",\n    \"name\": \"Europe/Berlin\"\n}\n", Plans.after(p));
        assertEquals("", p.changes().get(0).diff().beforeHeader()); // the callback's "--- before"
    }
}
