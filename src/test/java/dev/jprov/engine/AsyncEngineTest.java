package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * async/poll and async_status as ansible-core 2.14 runs them, over the engine's queue and a local shell: the job
 * runs detached and writes its result to ~/.ansible_async/JID, poll: 0 returns at once with the job's id, poll: N
 * waits for the job (and removes its file), async_status reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncEngineTest {
    private final EngineRunner engine = new EngineRunner();

    @Test
    void fireAndForgetReturnsTheJobAndAsyncStatusWaitsForIt(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: fire
                    shell: "echo fired; echo to err >&2; touch {{ base }}/done"
                    async: 30
                    poll: 0
                    register: fired
                  - name: launched
                    assert:
                      that:
                        - fired is changed
                        - fired.started == 1
                        - fired.finished == 0
                        - fired.ansible_job_id is match('^j[0-9]+[.][0-9]+$')
                        - fired.results_file is search('/[.]ansible_async/' ~ fired.ansible_job_id ~ '$')
                        - fired.stdout is not defined
                  - name: wait
                    async_status: {jid: "{{ fired.ansible_job_id }}"}
                    register: job
                    until: job.finished
                    retries: 60
                    delay: 1
                  - name: finished
                    assert:
                      that:
                        - job is changed
                        - job.finished == 1
                        - job.started == 1
                        - job.rc == 0
                        - job.stdout == 'fired'
                        - job.stdout_lines == ['fired']
                        - job.stderr == 'to err'
                        - job.cmd == 'echo fired; echo to err >&2; touch ' ~ base ~ '/done'
                        - job.ansible_job_id == fired.ansible_job_id
                  - name: cleanup
                    async_status: {jid: "{{ fired.ansible_job_id }}", mode: cleanup}
                    register: cleaned
                  - name: gone
                    async_status: {jid: "{{ fired.ansible_job_id }}"}
                    register: gone
                    ignore_errors: true
                  - name: erased
                    assert:
                      that:
                        - cleaned.erased == fired.results_file
                        - cleaned is not changed
                        - gone is failed
                        - gone.msg == 'could not find job'
                """);
        assertEquals(List.of("fire=changed", "launched=ok", "wait=changed", "finished=ok", "cleanup=ok",
                "gone=ignored", "erased=ok"), run.lines(), run.toString());
        assertTrue(Files.exists(EngineRunner.base(dir).resolve("done")));
    }

    @Test
    void pollWaitsForTheJobAndRegistersItsResultThenRemovesItsFile(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: polled, command: "printf 'a\\\\tb\\\\\\\\c \\"q\\"\\\\n\\\\nlast\\\\n\\\\n'", async: 10, poll: 1, register: polled}
                  - {name: file, stat: {path: "{{ polled.results_file }}"}, register: file}
                  - name: result
                    assert:
                      that:
                        - polled is changed
                        - polled.finished == 1
                        - polled.rc == 0
                        - 'polled.stdout == "a\\tb\\\\c \\"q\\"\\n\\nlast"'
                        - polled.stdout_lines | length == 3
                        - polled.cmd | length == 2 and polled.cmd[0] == 'printf'
                        - not file.stat.exists
                """);
        assertEquals(List.of("polled=changed", "file=ok", "result=ok"), run.lines(),
                run + "\n" + run.result("polled").result() + "\n" + run.result("result").result());
    }

    @Test
    void aPolledTaskAtTheEndOfThePlayStillRemovesItsJobFile(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, "tasks:\n  - {name: last, command: \"true\", async: 10, poll: 1}\n");
        assertEquals(List.of("last=changed"), run.lines(), run.toString());
        Object file = run.result("last").result().get("results_file");
        assertTrue(file instanceof String f && !Files.exists(Path.of(f)), "removed: " + file);
    }

    @Test
    void aFailingJobFailsThePolledTaskAndOneOverItsTimeFailsWithAnsiblesMessage(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - {name: fails, shell: "echo out; echo err >&2; exit 3", async: 10, poll: 1, register: f,
                     ignore_errors: true}
                  - {name: slow, command: "sleep 37", async: 1, poll: 1, register: slow, ignore_errors: true}
                  - {name: killed, async_status: {jid: "{{ (slow.async_result | default(slow)).ansible_job_id }}"}, register: killed,
                     until: killed.finished, retries: 60, delay: 1, failed_when: false}
                  - {name: processes, shell: "pgrep -f 'sleep 3[7]' || true", register: ps, until: ps.stdout == '',
                     retries: 600, delay: 0}
                  # a poll that read the killed job's result cleaned the job up itself, as Ansible's does
                  - {name: cleanup, async_status: {jid: "{{ (slow.async_result | default(slow)).ansible_job_id }}", mode: cleanup},
                     register: cleanup, failed_when: "cleanup.msg | default('') not in ['', 'could not find job'] or
                       (cleanup.msg | default('') == 'could not find job' and slow.msg != 'Timeout exceeded')"}
                  - name: results
                    assert:
                      that:
                        - f is failed
                        - f.rc == 3
                        - f.msg == 'non-zero return code'
                        - f.stdout == 'out' and f.stderr == 'err'
                        - slow is failed
                        - slow is not changed
                        # the poll's last look and the watcher's kill both come at 1 s (in Ansible too): either the poll
                        # gave up first, or it read the killed job's result
                        - slow.msg == 'async task did not complete within the requested time - 1s' and
                          slow.async_result.finished == 0 and slow.async_result.started == 1 or
                          slow.msg == 'Timeout exceeded' 
                        # the job was killed: its status says so, unless the poll read that already and cleaned up
                        - killed.msg == 'Timeout exceeded' or
                          (slow.msg == 'Timeout exceeded' and killed.msg == 'could not find job')
                        - killed.finished == 1
                """);
        assertEquals(List.of("fails=ignored", "slow=ignored", "killed=ok", "processes=changed", "cleanup=ok",
                "results=ok"), run.lines(),
                run + "\n" + run.results());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("copy: {content: x, dest: \"{{ base }}/x\"}", false,
                        "async is not supported for this task."),
                Arguments.of("raw: echo x", false, "async is not supported for this task."),
                Arguments.of("file: {path: \"{{ base }}/d\", state: directory}", false,
                        "async is not supported by jprov for the file module (command and shell run as async jobs)"),
                Arguments.of("command: echo x", true, "check mode and async cannot be used on same task."),
                Arguments.of("{command: echo x, check_mode: true}", false,
                        "check mode and async cannot be used on same task."),
                // no-op row: async 0 is no async
                Arguments.of("{command: echo x, async: 0}", false, null));
    }

    @ParameterizedTest(name = "{0} check={1}")
    @MethodSource("refused")
    void whatAnsibleRefusesFailsTheTask(String task, boolean check, String message, @TempDir Path dir) {
        String play = """
                tasks:
                  - name: it
                    %s
                    async: 10
                    poll: 0
                    register: r
                    ignore_errors: true
                  - {name: said, assert: {that: %s}}
                """.formatted(task.startsWith("{") ? "block: [" + task.replace("}", ", name: it}") + "]"
                : task, message == null ? "r is not failed" : "r.msg == \"" + message + "\"");
        if (task.startsWith("{")) {
            play = """
                    tasks:
                      - %s
                      - {name: said, assert: {that: %s}}
                    """.formatted(task.replace("}", ", name: it, register: r, ignore_errors: true"
                            + (task.contains("async") ? "" : ", async: 10, poll: 0") + "}"),
                    message == null ? "r is not failed" : "r.msg == \"" + message + "\"");
        }
        EngineRunner.Run run = check ? engine.check(dir, play) : engine.run(dir, play);
        assertEquals("ok", run.result("said").status().name().toLowerCase(), run.toString());
        assertEquals(message == null ? "changed" : "ignored", run.result("it").status().name().toLowerCase(),
                run.toString());
    }
}
