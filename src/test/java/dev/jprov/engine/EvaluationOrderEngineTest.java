package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's when decides before its loop, arguments and delegate_to are templated, and delegate_to templated to omit
 * is no delegation, through the real engine. Expected outcomes as ansible-playbook 2.14 printed them for the same
 * tasks (ansible-playbook -i localhost, -c local play.yml; the evalorder parity fixture has the whole runs).
 */
class EvaluationOrderEngineTest {
    private final EngineRunner engine = new EngineRunner();

    @Test
    void anUndefinedLoopOnATaskWhoseWhenIsFalseIsSkipped(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: loop
                    copy: {dest: "{{ base }}/{{ item }}", content: x}
                    loop: "{{ nope }}"
                    when: false
                  - name: plain
                    copy: {dest: "{{ base }}/plain", content: x}
                """);
        assertEquals(List.of("loop=skipped", "plain=changed"), run.lines(), run.toString());
        assertEquals(1, run.recap().skipped());
    }

    @Test
    void anIncludeWithAnUndefinedLoopWhoseWhenIsFalseIsSkipped(@TempDir Path dir) {
        // the included file does not exist: a skipped include never loads it, in Ansible either
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: include
                    include_tasks: nothere.yml
                    loop: "{{ nope }}"
                    when: false
                  - name: plain
                    copy: {dest: "{{ base }}/plain", content: x}
                """);
        assertEquals(List.of("include=skipped", "plain=changed"), run.lines(), run.toString());
        assertEquals(1, run.recap().skipped());
    }

    @Test
    void anUndefinedLoopWhereWhenHoldsFailsTheTaskNotTheRun(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: loop
                    copy: {dest: "{{ base }}/{{ item }}", content: x}
                    loop: "{{ nope }}"
                    when: true
                """);
        assertEquals(List.of("loop=failed"), run.lines(), run.toString());
        String msg = String.valueOf(run.result("loop").result().get("msg"));
        assertTrue(msg.contains("play.yaml:") && msg.contains("'nope' is undefined"), msg);
    }

    @Test
    void argsAndDelegateToOfATaskWhoseWhenIsFalseAreNotTemplated(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: skipped
                    copy: {dest: "{{ base }}/{{ nope }}", content: "{{ nope }}"}
                    delegate_to: "{{ nope }}"
                    notify: "{{ nope }}"
                    when: false
                """);
        assertEquals(List.of("skipped=skipped"), run.lines(), run.toString());
    }

    @Test
    void delegateToOmitRunsTheTaskOnItsHost(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: omitted
                    copy: {dest: "{{ base }}/omitted", content: x}
                    delegate_to: "{{ nowhere | default(omit) }}"
                """);
        assertEquals(List.of("omitted=changed"), run.lines(), run.toString());
        run.changedIn("omitted"); // made in box1's own session
    }

    @Test
    void becomeKeywordsOfATaskWhoseWhenIsFalseAreNotTemplated(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: skipped
                    copy: {dest: "{{ base }}/skipped", content: x}
                    become: "{{ nope }}"
                    become_user: "{{ nope }}"
                    become_method: "{{ nope }}"
                    when: false
                  - name: plain
                    copy: {dest: "{{ base }}/plain", content: x}
                """);
        assertEquals(List.of("skipped=skipped", "plain=changed"), run.lines(), run.toString());
    }

    @Test
    void becomeKeywordsThatDoNotRenderWhereWhenHoldsFailTheTaskNamingIt(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: become
                    copy: {dest: "{{ base }}/become", content: x}
                    become_user: "{{ nope }}"
                """);
        assertEquals(List.of("become=failed"), run.lines(), run.toString());
        String msg = String.valueOf(run.result("become").result().get("msg"));
        assertTrue(msg.contains("play.yaml:4:7: 'nope' is undefined"), msg);
    }

    @Test
    void aDelegateOutsideTheInventoryIsReachedAtThatName(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: delegated
                    copy: {dest: "{{ base }}/delegated", content: x}
                    delegate_to: elsewhere.example
                """);
        assertEquals(List.of("delegated=changed"), run.lines(), run.toString());
        assertTrue(run.result().roundTrips().getOrDefault("elsewhere.example", 0) > 0, run.result().toString());
        assertTrue(run.result().aborted().isEmpty(), run.toString());
    }

    @Test
    void aDelegateOfATaskWhoseWhenIsFalseIsNotConnected(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: skipped
                    copy: {dest: "{{ base }}/skipped", content: x}
                    delegate_to: elsewhere.example
                    when: false
                """);
        assertEquals(List.of("skipped=skipped"), run.lines(), run.toString());
        assertTrue(!run.result().roundTrips().containsKey("elsewhere.example"), run.result().toString());
    }

    @Test
    void anIncludeWithAnUndefinedLoopWhoseWhenHoldsFailsTheHostNotTheRun(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: include
                    include_tasks: nothere.yml
                    loop: "{{ nope }}"
                    when: true
                  - name: not reached
                    copy: {dest: "{{ base }}/plain", content: x}
                """);
        assertEquals(List.of("include=failed"), run.lines(), run.toString());
        assertTrue(run.result().aborted().isEmpty() && run.result().anyFailed(), run.toString());
        String msg = String.valueOf(run.result("include").result().get("msg"));
        assertTrue(msg.contains("play.yaml:6:7: 'nope' is undefined"), msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"debug: {msg: x}", "include_tasks: nothere.yml", "include_role: {name: nothere}"})
    void aLoopErrorThatIsNoUndefinedVariableFailsATaskWhoseWhenIsFalse(String action, @TempDir Path dir) {
        // ansible-core 2.14 keeps only an AnsibleUndefinedVariable for the when to decide on
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: task
                    %s
                    loop: "{{ [1] | nosuchfilter }}"
                    when: false
                """.formatted(action));
        assertEquals(List.of("task=failed"), run.lines(), run.toString());
        assertTrue(run.result().aborted().isEmpty(), run.toString());
    }

    @Test
    void anIncludeWithAnUndefinedLoopAndAFalseWhenStaysSkipped(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: include
                    include_role: {name: nothere}
                    loop: "{{ nope }}"
                    when: false
                """);
        assertEquals(List.of("include=skipped"), run.lines(), run.toString());
    }

    @Test
    void anIncludeOfAMissingFileFailsTheHostNamingTheInclude(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: include
                    include_tasks: nothere.yml
                  - name: role
                    include_role: {name: nothere}
                """);
        assertEquals(List.of("include=failed"), run.lines(), run.toString());
        assertTrue(run.result().aborted().isEmpty(), run.toString());
        String msg = String.valueOf(run.result("include").result().get("msg"));
        assertTrue(msg.contains("play.yaml:4:7: Could not find or access 'nothere.yml'"), msg);
    }

    @Test
    void aTasksFileThatDoesNotParseAbortsTheRunAfterWhatWasDone(@TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("broken.yml"), "- debug: {msg: [x\n");
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: before
                    copy: {dest: "{{ base }}/before", content: x}
                  - name: include
                    include_tasks: broken.yml
                  - name: after
                    copy: {dest: "{{ base }}/after", content: x}
                """);
        assertEquals(List.of("before=changed"), run.lines(), run.toString());
        RunAborted aborted = run.result().aborted().orElseThrow(() -> new AssertionError(run.toString()));
        assertEquals(RunAborted.Kind.PARSE, aborted.kind());
        assertTrue(aborted.getMessage().startsWith(dir.resolve("broken.yml") + ":2:"), aborted.getMessage());
        assertEquals(1, run.recap().changed(), "the recap has what was done: " + run);
    }

    @Test
    void aRunOnceThatDoesNotRenderAbortsTheRunNamingTheTask(@TempDir Path dir) {
        // ansible-core 2.14's linear strategy templates run_once before the when, outside the TaskExecutor: an
        // error there is an AnsibleError that ends the run (exit 1), when: false or not
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: before
                    copy: {dest: "{{ base }}/before", content: x}
                  - name: once
                    debug: {msg: x}
                    run_once: "{{ nope }}"
                    when: false
                """);
        assertEquals(List.of("before=changed"), run.lines(), run.toString());
        RunAborted aborted = run.result().aborted().orElseThrow(() -> new AssertionError(run.toString()));
        assertEquals(RunAborted.Kind.ERROR, aborted.kind());
        assertTrue(aborted.getMessage().startsWith(dir.resolve("play.yaml") + ":6:7: 'nope' is undefined"),
                aborted.getMessage());
    }
}
