package dev.jprov.modules.system;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** cronvar's planning; lines are read as community.general's parse_for_var (Python's shlex) reads them. */
class CronvarModuleTest {
    private static final String TAB = """
            MAILTO=ops@example.org
            PATH = /sbin:/bin
            # comment
            #Ansible: backup
            30 3 * * * /usr/local/bin/backup.sh
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: the value is there", args("name", "MAILTO", "value", "ops@example.org"),
                        Action.NONE, TAB),
                Arguments.of("no-op: blanks around = are shlex's", args("name", "PATH", "value", "/sbin:/bin"),
                        Action.NONE, TAB),
                Arguments.of("no-op: absent and not there", args("name", "HOME", "state", "absent"), Action.NONE, TAB),
                Arguments.of("a new variable goes to the top", args("name", "SHELL", "value", "/bin/sh"),
                        Action.CREATE, "SHELL=/bin/sh\n" + TAB),
                Arguments.of("insertbefore", args("name", "SHELL", "value", "/bin/sh", "insertbefore", "PATH"),
                        Action.CREATE, TAB.replace("PATH =", "SHELL=/bin/sh\nPATH =")),
                Arguments.of("a new value rewrites the line", args("name", "PATH", "value", "/bin"), Action.UPDATE,
                        TAB.replace("PATH = /sbin:/bin", "PATH=/bin")),
                Arguments.of("absent", args("name", "MAILTO", "state", "absent"), Action.DELETE,
                        TAB.replace("MAILTO=ops@example.org\n", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, Action action, String after) {
        Map<String, Object> inFile = new java.util.LinkedHashMap<>(args);
        inFile.put("cron_file", "vars");
        Planned p = CannedAnswers.plan(new CronvarModule(), inFile, new CannedAnswers().file("/etc/cron.d/vars", TAB));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        if (action != Action.NONE) {
            Step.WriteFile w = (Step.WriteFile) p.changes().get(0).steps().get(0);
            assertEquals(after, new String(w.content(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aUsersCrontabGoesThroughCrontabAndShowsNoDiffAsAnsible() {
        Planned p = CannedAnswers.plan(new CronvarModule(), args("name", "MAILTO", "value", "x", "user", "www"),
                new CannedAnswers().shell("crontab -u www -l", 0, TAB, ""));
        assertEquals(Action.UPDATE, Plans.action(p));
        assertEquals("", Plans.after(p));
        assertEquals(true, Plans.steps(p).contains("crontab -u www FILE"), Plans.steps(p));
    }

    @Test
    void varsAreTheVariableLines() {
        Planned p = CannedAnswers.plan(new CronvarModule(), args("name", "MAILTO", "value", "x"),
                new CannedAnswers().shell("crontab -l", 0, TAB, ""));
        assertEquals(List.of("MAILTO", "PATH"), p.result().get("vars"));
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("A=b", "A", "b"), Arguments.of("A = b c", "A", "bc"), Arguments.of("A=\"b c\"", "A", "\"b c\""),
                Arguments.of("A=b # c", "A", "b"), Arguments.of("A=", "A", ""), Arguments.of("#A=b", null, null),
                Arguments.of("* * * * * A=b", null, null), Arguments.of("A==b", "A", "=b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void readsLinesAsShlexDoes(String line, String name, String value) {
        Optional<CronVarLine> v = CronVarLine.parse(line);
        assertEquals(Optional.ofNullable(name), v.map(CronVarLine::name));
        assertEquals(Optional.ofNullable(value), v.map(CronVarLine::value));
    }
}
