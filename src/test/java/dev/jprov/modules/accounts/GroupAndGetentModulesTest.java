package dev.jprov.modules.accounts;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** group (FreeBsdGroup's pw calls) and getent (FreeBSD getent(1) output into getent_* facts), from canned answers. */
class GroupAndGetentModulesTest {
    static final ProbeAnswer FILES = CannedAnswers.ok(UserModuleTest.MASTER + AccountDatabase.GROUP_MARKER + "\n"
            + UserModuleTest.GROUP);

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of("no-op: there", args("name", "www"), Action.NONE, ""),
                Arguments.of("no-op: same gid", args("name", "www", "gid", 80), Action.NONE, ""),
                Arguments.of("no-op: absent and not there", args("name", "ghosts", "state", "absent"), Action.NONE, ""),
                Arguments.of("add", args("name", "ops"), Action.CREATE, "pw groupadd ops"),
                Arguments.of("add with gid", args("name", "ops", "gid", 3000, "non_unique", true), Action.CREATE,
                        "pw groupadd ops -g 3000 -o"),
                Arguments.of("gid changed", args("name", "devs", "gid", 2001), Action.UPDATE, "pw groupmod devs -g 2001"),
                Arguments.of("delete", args("name", "devs", "state", "absent"), Action.DELETE, "pw groupdel devs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void plansGroups(String what, Map<String, Object> args, Action action, String steps) {
        Planned p = CannedAnswers.plan(new GroupModule(), args, FILES);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void groupResultsAreAnsibles() {
        // gr_gidpolicy: the highest gid in 1000..32000 plus one
        assertEquals(Map.of("name", "ops", "state", "present", "system", false, "gid", 2001L),
                CannedAnswers.plan(new GroupModule(), args("name", "ops"), FILES).result());
        assertEquals(Map.of("name", "devs", "state", "absent"),
                CannedAnswers.plan(new GroupModule(), args("name", "devs", "state", "absent"), FILES).result());
        Planned p = CannedAnswers.plan(new GroupModule(), args("name", "devs", "gid", 2001), FILES);
        assertEquals("name: devs\ngid: 2000\nmembers: bob\n", Plans.before(p));
        assertEquals("name: devs\ngid: 2001\nmembers: bob\n", Plans.after(p));
    }

    static Map<String, Object> facts(Planned p) {
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(p.effects().factsGathered(), p.result().get("ansible_facts"));
        return p.effects().factsGathered();
    }

    @Test
    void passwdEntriesSplitOnColons() {
        Planned p = CannedAnswers.plan(new GetentModule(), args("database", "passwd", "key", "root"),
                CannedAnswers.ok("root::0:0:Charlie &:/root:/bin/sh\n"));
        assertEquals(Map.of("getent_passwd", Map.of("root", List.of("", "0", "0", "Charlie &", "/root", "/bin/sh"))), facts(p));
    }

    @Test
    void servicesSplitOnWhitespaceAndRepeatedKeysBecomeLists() {
        Planned p = CannedAnswers.plan(new GetentModule(), args("database", "services"), CannedAnswers.ok(
                "ssh                  22/tcp\nssh                  22/udp\nhttp                 80/tcp  www www-http\n"));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("ssh", List.of(List.of("22/tcp"), List.of("22/udp")));
        tree.put("http", Arrays.asList("80/tcp", "www", "www-http"));
        assertEquals(Map.of("getent_services", tree), facts(p));
    }

    @Test
    void aMissingKeyFailsOrIsNullWithoutFailKey() {
        ProbeAnswer notFound = new ProbeAnswer(2, "", "");
        Planned failed = CannedAnswers.plan(new GetentModule(), args("database", "passwd", "key", "nosuch"), notFound);
        assertEquals(Planned.Outcome.FAILED, failed.outcome());
        assertEquals("One or more supplied key could not be found in the database.", failed.result().get("msg"));
        Planned soft = CannedAnswers.plan(new GetentModule(), args("database", "passwd", "key", "nosuch", "fail_key", false),
                notFound);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("nosuch", null);
        assertEquals(Map.of("getent_passwd", tree), facts(soft));
        assertEquals("Missing arguments, or database unknown.", CannedAnswers.plan(new GetentModule(),
                args("database", "shadow"), new ProbeAnswer(1, "", "Unknown database: shadow\n")).result().get("msg"));
        assertEquals("Enumeration not supported on this database.", CannedAnswers.plan(new GetentModule(),
                args("database", "ethers"), new ProbeAnswer(3, "", "")).result().get("msg"));
    }

    @Test
    void theProbeIsGetentWithAnsiblesArgumentOrder() {
        assertEquals("getent group wheel -s files", ((dev.jprov.facts.Probe.Shell) CannedAnswers.prepare(new GetentModule(),
                args("database", "group", "key", "wheel", "service", "files")).probes().getFirst()).script());
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new GroupModule(), args("gid", 5), "missing required arguments: name"),
                Arguments.of(new GroupModule(), args("name", "a,b"), "invalid character `,' at position 1"),
                Arguments.of(new GroupModule(), args("name", "ops", "non_unique", true),
                        "non_unique is True but all of the following are missing: gid"),
                Arguments.of(new GroupModule(), args("name", "ops", "members", "bob"), "Unsupported parameters for (group)"),
                Arguments.of(new GetentModule(), args("key", "root"), "missing required arguments: database"),
                Arguments.of(new GetentModule(), args("database", "passwd", "fail_key", "maybe"), "unable to convert to bool"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badArguments")
    void refusesBadArguments(Module module, Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(module, args));
        assertTrue(e.getMessage().contains(message), e::getMessage);
    }
}
