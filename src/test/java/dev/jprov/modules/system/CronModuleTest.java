package dev.jprov.modules.system;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Resource;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** cron's planning against a cron file and a user's crontab; the texts are what Ansible 2.14's cron.py leaves. */
class CronModuleTest {
    private static final String FILE = "/etc/cron.d/jobs";
    private static final String TAB = """
            SHELL="/bin/sh"
            #Ansible: backup
            30 3 * * * root /usr/local/bin/backup.sh
            #Ansible: reboot job
            @reboot www /usr/local/bin/start
            """;

    static Stream<Arguments> cronFile() {
        return Stream.of(
                Arguments.of("no-op: the job is there", args("name", "backup", "cron_file", "jobs", "user", "root",
                        "minute", "30", "hour", "3", "job", "/usr/local/bin/backup.sh"), Action.NONE, TAB),
                Arguments.of("no-op: absent and not there", args("name", "gone", "cron_file", "jobs", "state", "absent"),
                        Action.NONE, TAB),
                Arguments.of("no-op: the variable is there", args("name", "SHELL", "env", true, "cron_file", "jobs",
                        "user", "root", "job", "/bin/sh"), Action.NONE, TAB),
                Arguments.of("a new time rewrites the line after the comment", args("name", "backup", "cron_file",
                        "jobs", "user", "root", "minute", "45", "hour", "3", "job", "/usr/local/bin/backup.sh"),
                        Action.UPDATE, TAB.replace("30 3", "45 3")),
                Arguments.of("a new job goes to the end", args("name", "weekly report", "cron_file", "/etc/cron.d/jobs",
                        "user", "www", "special_time", "weekly", "job", "report"), Action.UPDATE,
                        TAB + "#Ansible: weekly report\n@weekly www report\n"),
                Arguments.of("disabled comments the line out", args("name", "backup", "cron_file", "jobs", "user",
                        "root", "minute", "30", "hour", "3", "disabled", true, "job", "/usr/local/bin/backup.sh"),
                        Action.UPDATE, TAB.replace("30 3 * * * root", "#30 3 * * * root")),
                Arguments.of("a new variable goes to the top", args("name", "MAILTO", "env", true, "cron_file", "jobs",
                        "user", "root", "job", "ops@example.org"), Action.UPDATE, "MAILTO=\"ops@example.org\"\n" + TAB),
                Arguments.of("insertafter puts it after the other", args("name", "PATH", "env", true, "cron_file",
                        "jobs", "user", "root", "job", "/sbin:/bin", "insertafter", "SHELL"), Action.UPDATE,
                        TAB.replace("SHELL=\"/bin/sh\"\n", "SHELL=\"/bin/sh\"\nPATH=\"/sbin:/bin\"\n")),
                Arguments.of("absent removes the comment and the job", args("name", "reboot job", "cron_file", "jobs",
                        "state", "absent"), Action.UPDATE, TAB.replace("#Ansible: reboot job\n@reboot www "
                        + "/usr/local/bin/start\n", "")),
                Arguments.of("a line another name owns is added again, as Ansible does", args("name", "twin",
                        "cron_file", "jobs", "user", "www", "special_time", "reboot", "job", "/usr/local/bin/start"),
                        Action.UPDATE, TAB + "#Ansible: twin\n@reboot www /usr/local/bin/start\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cronFile")
    void plansACronFile(String what, Map<String, Object> args, Action action, String after) {
        Planned p = CannedAnswers.plan(new CronModule(), args, new CannedAnswers().file(FILE, TAB));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        if (action == Action.NONE) {
            assertEquals("", Plans.steps(p));
        } else {
            assertEquals(TAB, Plans.before(p));
            assertEquals(after, Plans.after(p));
            assertEquals("write " + FILE + " (" + after.length() + " bytes)", Plans.steps(p));
        }
    }

    @Test
    void theLastJobGoneRemovesTheFile() {
        String one = "#Ansible: solo\n* * * * * root true\n";
        Planned p = CannedAnswers.plan(new CronModule(), args("name", "solo", "cron_file", "solo", "state", "absent"),
                new CannedAnswers().file("/etc/cron.d/solo", one));
        assertEquals(Action.DELETE, Plans.action(p));
        assertEquals("rm -f -- /etc/cron.d/solo", Plans.steps(p));
        assertEquals(Map.of("cron_file", "solo", "state", "absent", "diff", Map.of()), p.result());
    }

    @Test
    void aLineWithoutCommentIsAdoptedUnderTheName() {
        String text = "MAILTO=root\n0 * * * * root /usr/bin/true\n";
        Planned p = CannedAnswers.plan(new CronModule(), args("name", "hourly", "cron_file", "a", "user", "root",
                "minute", "0", "job", "/usr/bin/true"), new CannedAnswers().file("/etc/cron.d/a", text));
        assertEquals("MAILTO=root\n#Ansible: hourly\n0 * * * * root /usr/bin/true\n", Plans.after(p));
    }

    @Test
    void aMissingFinalNewlineIsAChange() {
        String text = "#Ansible: a\n* * * * * root true";
        Planned p = CannedAnswers.plan(new CronModule(), args("name", "a", "cron_file", "a", "user", "root",
                "job", "true"), new CannedAnswers().file("/etc/cron.d/a", text));
        assertEquals(Action.UPDATE, Plans.action(p));
        assertEquals(text + "\n", Plans.after(p));
    }

    @Test
    void aUsersCrontabIsReadAndInstalledThroughCrontab() {
        CannedAnswers host = new CannedAnswers().shell("crontab -u www -l", 1, "", "crontab: no crontab for www\n");
        Planned p = CannedAnswers.plan(new CronModule(), args("name", "fetch", "user", "www", "minute", "*/5",
                "job", "/usr/local/bin/fetch -q"), host);
        assertEquals(Action.CREATE, Plans.action(p));
        assertEquals("#Ansible: fetch\n*/5 * * * * /usr/local/bin/fetch -q\n", Plans.after(p));
        assertTrue(Plans.steps(p).contains("crontab -u www FILE"), Plans.steps(p));
        assertEquals(List.of(Resource.path("/var/cron/tabs/www")), p.changes().get(0).writes());
        assertEquals(List.of("fetch"), p.result().get("jobs"));
        assertFalse(p.result().containsKey("warnings"));
    }

    @Test
    void aCrontabThatCannotBeReadFailsAsAnsible() {
        CannedAnswers host = new CannedAnswers().shell("crontab -l", 2, "", "crontab: tabs/root: Permission denied\n");
        Planned p = CannedAnswers.plan(new CronModule(), args("name", "x", "job", "true"), host);
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("Unable to read crontab", p.result().get("msg"));
    }

    @Test
    void diffModeGivesAnsiblesHeaders() {
        CannedAnswers host = new CannedAnswers().shell("crontab -l", 0, "#Ansible: a\n* * * * * a\n", "");
        var inv = new CronModule().prepare(new dev.jprov.modules.Args("cron", args("name", "b", "job", "b")),
                dev.jprov.modules.TestModuleContext.simple(java.nio.file.Path.of(".")).withDiff());
        Planned p = host.plan(inv);
        assertEquals(Map.of("before", "#Ansible: a\n* * * * * a\n", "before_header", "crontab",
                "after", "#Ansible: a\n* * * * * a\n#Ansible: b\n* * * * * b\n", "after_header", "crontab"),
                p.result().get("diff"));
    }
}
