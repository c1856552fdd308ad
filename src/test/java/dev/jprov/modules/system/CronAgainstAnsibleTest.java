package dev.jprov.modules.system;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tasks of src/test/resources/cron/record-cron-file.yml, replayed through jprov's cron and cronvar on one
 * cron file: each task plans against what the tasks before it left. The file and the results must be those
 * ansible-playbook recorded (recorded-cron-file.txt and .json, see the README there).
 */
class CronAgainstAnsibleTest {
    private static final Path DIR = Path.of("src/test/resources/cron");
    private static final String F = "/tmp/cron-rec/out/jprov";

    record Task(String register, Module module, Map<String, Object> args) {}

    static List<Task> tasks() {
        CronModule cron = new CronModule();
        CronvarModule cronvar = new CronvarModule();
        return List.of(
                new Task("r1", cron, args("name", "backup", "cron_file", F, "user", "root", "minute", "30", "hour", "3",
                        "job", "/usr/local/bin/backup.sh")),
                new Task("r2", cron, args("name", "reboot job", "cron_file", F, "user", "www", "special_time", "reboot",
                        "job", "/usr/local/bin/start")),
                new Task("r3", cron, args("name", "SHELL", "env", true, "cron_file", F, "user", "root", "job", "/bin/sh")),
                new Task("r4", cron, args("name", "PATH", "env", true, "cron_file", F, "user", "root", "job",
                        "/sbin:/bin", "insertafter", "SHELL")),
                new Task("r5", cron, args("name", "old", "cron_file", F, "user", "root", "disabled", true, "weekday",
                        "1-5", "job", "echo old")),
                new Task("r6", cron, args("name", "backup", "cron_file", F, "user", "root", "minute", "30", "hour", "3",
                        "job", "/usr/local/bin/backup.sh")),
                new Task("r7", cron, args("name", "backup", "cron_file", F, "user", "root", "minute", "45", "hour", "3",
                        "job", "/usr/local/bin/backup.sh")),
                new Task("r8", cron, args("name", "old", "cron_file", F, "state", "absent")),
                new Task("r9", cronvar, args("name", "MAILTO", "value", "ops@example.org", "cron_file", F)),
                new Task("r10", cronvar, args("name", "EMPTY", "value", "\"\"", "cron_file", F, "insertbefore", "MAILTO")),
                new Task("r11", cronvar, args("name", "EMPTY", "value", "\"\"", "cron_file", F, "insertbefore", "MAILTO")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void leavesTheFileAndResultsAnsibleLeft() throws Exception {
        Map<String, Map<String, Object>> recorded = new ObjectMapper().readValue(
                DIR.resolve("recorded-cron-file.json").toFile(), Map.class);
        String text = null;
        for (Task t : tasks()) {
            CannedAnswers host = new CannedAnswers();
            if (text != null) host.file(F, text);
            Planned p = CannedAnswers.plan(t.module(), t.args(), host);
            Map<String, Object> got = new LinkedHashMap<>();
            boolean changed = p.changesHost();
            got.put("changed", changed);
            for (String k : List.of("jobs", "envs", "vars")) if (p.result().containsKey(k)) got.put(k, p.result().get(k));
            assertEquals(new java.util.TreeMap<>(recorded.get(t.register())), new java.util.TreeMap<>(got), t.register());
            for (Change c : p.changes()) {
                for (Step s : c.steps()) {
                    if (s instanceof Step.WriteFile w) text = new String(w.content(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals(Files.readString(DIR.resolve("recorded-cron-file.txt")), text);
    }

    /** The tasks of record-user-crontabs.yml on root's and daemon's crontabs (the failing insertbefore left out). */
    @Test
    @SuppressWarnings("unchecked")
    void usersCrontabsAreAnsibles() throws Exception {
        CronModule cron = new CronModule();
        List<Task> tasks = List.of(
                new Task("root", cron, args("name", "backup", "minute", "30", "hour", "3", "job",
                        "/usr/local/bin/backup.sh", "user", "root")),
                new Task("root", cron, args("name", "SHELL", "env", true, "job", "/bin/sh", "user", "root")),
                new Task("root", new CronvarModule(), args("name", "MAILTO", "value", "ops@example.org", "user", "root")),
                new Task("daemon", cron, args("name", "fetch", "minute", "*/5", "job", "/usr/local/bin/fetch -q",
                        "user", "daemon")),
                new Task("daemon", cron, args("name", "at boot", "special_time", "reboot", "job", "/usr/local/bin/start",
                        "user", "daemon", "disabled", true)),
                new Task("daemon", cron, args("name", "PATH", "env", true, "job", "/sbin:/bin", "user", "daemon")),
                new Task("daemon", cron, args("name", "fetch", "state", "absent", "user", "daemon")),
                new Task("root", cron, args("name", "backup", "minute", "30", "hour", "3", "job",
                        "/usr/local/bin/backup.sh", "user", "root")));
        Map<String, String> tabs = new LinkedHashMap<>(Map.of("root", "", "daemon", ""));
        int changed = 0;
        for (Task t : tasks) {
            CannedAnswers host = new CannedAnswers().shell("crontab", 0, tabs.get(t.register()), "");
            Planned p = host.plan(t.module().prepare(new dev.jprov.modules.Args(t.module().names().getFirst(), t.args()),
                    dev.jprov.modules.TestModuleContext.simple(DIR).withDiff()));
            if (!p.changesHost()) continue;
            changed++;
            Object diff = p.result().get("diff");
            // cronvar gives no diff: its text is in the step that installs it
            String after = diff instanceof Map<?, ?> d ? (String) d.get("after") : cronvarText(p);
            tabs.put(t.register(), after);
        }
        assertEquals(7, changed); // the recap's changed=7
        assertEquals(Files.readString(DIR.resolve("recorded-crontab-root.txt")), tabs.get("root"));
        assertEquals(Files.readString(DIR.resolve("recorded-crontab-daemon.txt")), tabs.get("daemon"));
    }

    /** The text a user crontab install writes to its temp file (printf '%s' 'TEXT' > "$jp_tab"). */
    private static String cronvarText(Planned p) {
        String script = ((Step.Exec) p.changes().get(0).steps().get(0)).script();
        String quoted = script.substring(script.indexOf("printf '%s' ") + "printf '%s' ".length(),
                script.indexOf(" > \"$jp_tab\""));
        return dev.jprov.pyformat.Shlex.split(quoted).getFirst();
    }
}
