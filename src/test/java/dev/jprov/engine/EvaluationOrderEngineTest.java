package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
