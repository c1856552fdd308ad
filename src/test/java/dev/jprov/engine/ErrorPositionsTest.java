package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jprov.report.Status;
import dev.jprov.source.LoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every load and template error names the file and line of the task that failed, wherever the task is: in the
 * play, a block or rescue, a file reached by import_tasks/include_tasks (nested, looped), a role reached by roles:,
 * import_role, include_role or a meta dependency, or a handler. Each broken snippet marks the line the message
 * must name with {@code # HERE}; each level places the snippet ({@code @TASK@}) in the play or in a file. The
 * error is the failed task's msg, the load error, or the message of the run's abort, whichever the case gives.
 */
class ErrorPositionsTest {
    private static final EngineRunner ENGINE = new EngineRunner();

    /** A broken task named h (so that it can be a handler); {@code # HERE} ends the line the error must name. */
    record Snippet(String what, String yaml) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** Where a snippet goes: the play's sections and the files around it; {@code @TASK@} is replaced by it. */
    record Level(String what, String play, Map<String, String> files) {
        @Override
        public String toString() {
            return what;
        }
    }

    static final List<Snippet> SNIPPETS = List.of(
            new Snippet("args", """
                    - name: h
                      debug:  # HERE
                        msg: "{{ nope }}"
                    """),
            new Snippet("module argument", """
                    - name: h
                      debug:  # HERE
                        msg: x
                        colour: red
                    """),
            new Snippet("module argument of a looped task", """
                    - name: h
                      copy:  # HERE
                        dest: "{{ item }}"
                      loop: [/a, /b]
                    """),
            new Snippet("when", """
                    - name: h
                      debug: msg=x
                      when: nope  # HERE
                    """),
            new Snippet("loop", """
                    - name: h
                      debug: msg=x
                      loop: "{{ nope }}"  # HERE
                    """),
            new Snippet("loop_control label", """
                    - name: h
                      debug: msg=x
                      loop: [1]  # HERE
                      loop_control:
                        label: "{{ nope }}"
                    """),
            new Snippet("changed_when", """
                    - name: h
                      debug: msg=x
                      changed_when: nope  # HERE
                    """),
            new Snippet("failed_when", """
                    - name: h
                      debug: msg=x
                      failed_when: nope  # HERE
                    """),
            // the keywords Ansible post-validates name the task, as Ansible's message does
            new Snippet("delegate_to", """
                    - name: h  # HERE
                      debug: msg=x
                      delegate_to: "{{ nope }}"
                    """),
            new Snippet("notify", """
                    - name: h  # HERE
                      debug: msg=x
                      changed_when: true
                      notify: "{{ nope }}"
                    """),
            new Snippet("become_user", """
                    - name: h  # HERE
                      debug: msg=x
                      become: true
                      become_user: "{{ nope }}"
                    """),
            new Snippet("ignore_errors after a failure", """
                    - name: h  # HERE
                      fail: msg=x
                      ignore_errors: "{{ nope }}"
                    """),
            new Snippet("unknown keyword", """
                    - name: h
                      debug: msg=x
                      nokeyword: 1  # HERE
                    """),
            new Snippet("unknown module", """
                    - name: h
                      nomodule: x  # HERE
                    """),
            new Snippet("YAML syntax", """
                    - name: h
                      debug: msg=x: y  # HERE
                    """));

    /** The task that notifies the handler named h. */
    static final String TRIGGER = """
            tasks:
              - name: trigger
                debug: msg=x
                changed_when: true
                notify: h
            """;

    static final List<Level> LEVELS = List.of(
            new Level("play", "tasks:\n  @TASK@\n", Map.of()),
            new Level("block", "tasks:\n  - block:\n      @TASK@\n", Map.of()),
            new Level("rescue", "tasks:\n  - block:\n      - fail: msg=x\n    rescue:\n      @TASK@\n", Map.of()),
            new Level("import_tasks", "tasks:\n  - import_tasks: inc.yml\n", Map.of("inc.yml", "@TASK@\n")),
            new Level("include_tasks", "tasks:\n  - include_tasks: inc.yml\n", Map.of("inc.yml", "@TASK@\n")),
            new Level("include_tasks in include_tasks", "tasks:\n  - include_tasks: a.yml\n",
                    Map.of("a.yml", "- include_tasks: inc.yml\n", "inc.yml", "@TASK@\n")),
            new Level("import_tasks in include_tasks", "tasks:\n  - include_tasks: a.yml\n",
                    Map.of("a.yml", "- import_tasks: inc.yml\n", "inc.yml", "@TASK@\n")),
            new Level("include_tasks in import_tasks", "tasks:\n  - import_tasks: a.yml\n",
                    Map.of("a.yml", "- include_tasks: inc.yml\n", "inc.yml", "@TASK@\n")),
            new Level("block in include_tasks", "tasks:\n  - include_tasks: a.yml\n",
                    Map.of("a.yml", "- debug: msg=before\n- block:\n    @TASK@\n")),
            new Level("looped include_tasks", "tasks:\n  - include_tasks: inc.yml\n    loop: [1, 2]\n",
                    Map.of("inc.yml", "@TASK@\n")),
            new Level("roles:", "roles: [r]\n", Map.of("roles/r/tasks/main.yml", "@TASK@\n")),
            new Level("import_role", "tasks:\n  - import_role: name=r\n", Map.of("roles/r/tasks/main.yml", "@TASK@\n")),
            new Level("include_role", "tasks:\n  - include_role: name=r\n", Map.of("roles/r/tasks/main.yml", "@TASK@\n")),
            new Level("include_tasks in include_role", "tasks:\n  - include_role: name=r\n",
                    Map.of("roles/r/tasks/main.yml", "- include_tasks: inc.yml\n", "roles/r/tasks/inc.yml",
                            "@TASK@\n")),
            new Level("meta dependency of roles:", "roles: [r]\n",
                    Map.of("roles/r/meta/main.yml", "dependencies: [d]\n", "roles/r/tasks/main.yml", "[]\n",
                            "roles/d/tasks/main.yml", "@TASK@\n")),
            new Level("meta dependency of include_role", "tasks:\n  - include_role: name=r\n",
                    Map.of("roles/r/meta/main.yml", "dependencies: [d]\n", "roles/r/tasks/main.yml", "[]\n",
                            "roles/d/tasks/main.yml", "@TASK@\n")),
            new Level("play handler", "handlers:\n  @TASK@\n" + TRIGGER, Map.of()),
            new Level("role handler", "roles: [r]\n" + TRIGGER,
                    Map.of("roles/r/handlers/main.yml", "@TASK@\n", "roles/r/tasks/main.yml", "[]\n")),
            new Level("include_role handler", TRIGGER.replace("tasks:\n", "tasks:\n  - include_role: name=r\n"),
                    Map.of("roles/r/handlers/main.yml", "@TASK@\n", "roles/r/tasks/main.yml", "[]\n")));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Level l : LEVELS) for (Snippet s : SNIPPETS) out.add(Arguments.of(l, s));
        return out.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("cases")
    void theErrorNamesTheTasksFileAndLine(Level level, Snippet snippet, @TempDir Path dir) throws IOException {
        Path where = dir.resolve("play.yaml");
        for (Map.Entry<String, String> f : level.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            if (f.getValue().contains("@TASK@")) where = p;
            Files.writeString(p, place(f.getValue(), snippet.yaml()));
        }
        String error = errorOf(dir, place(level.play(), snippet.yaml()));
        String expected = where + ":" + lineOf(Files.readString(where)) + ":";
        assertTrue(error.contains(expected), "expected " + expected + " in: " + error);
    }

    /** The text with the snippet in place of the line {@code @TASK@}, at that line's indentation. */
    private static String place(String text, String snippet) {
        Matcher m = Pattern.compile("(?m)^( *)@TASK@\\n").matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(snippet.indent(r.group(1).length())));
    }

    private static int lineOf(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].endsWith("# HERE")) return i + 1;
        throw new AssertionError("no # HERE in " + text);
    }

    /** The run's error: the load error, the abort's message, or the first failed result's msg. */
    private static String errorOf(Path dir, String play) {
        try {
            EngineRunner.Run run = ENGINE.run(dir, play);
            if (run.result().aborted().isPresent()) return "aborted: " + run.result().aborted().get().getMessage();
            for (var r : run.results()) {
                boolean h = r.title().equals("h") || r.title().endsWith(" : h");
                if (h && r.status() == Status.FAILED) return String.valueOf(r.result().get("msg"));
            }
            fail("no error: " + run);
            return null;
        } catch (LoadException e) {
            return "load error: " + e.getMessage();
        }
    }
}
