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
}
