package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a failure in a block leaves for the tasks after it, as ansible-core 2.14 (its blocks target, recorded in the
 * targets-blocks parity fixture): meta clear_host_errors in an always forgets the failure and the play goes on;
 * a rescue sees the failed task's name and action; a host whose failure no rescue took leaves
 * ansible_play_hosts and ansible_play_batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockFailureStateEngineTest {
    private final EngineRunner engine = new EngineRunner();

    static Stream<Arguments> rows() {
        return Stream.of(
                // no-op row: nothing fails, the play runs through
                Arguments.of("no failure", """
                        tasks:
                          - block:
                              - {name: works, debug: {msg: fine}}
                            always:
                              - meta: clear_host_errors
                          - {name: after, debug: {msg: after}}
                        """, List.of("works=ok", "after=ok"), 0),
                Arguments.of("clear_host_errors in always", """
                        tasks:
                          - block:
                              - {name: breaks, fail: {msg: no}}
                            always:
                              - meta: clear_host_errors
                          - {name: after, debug: {msg: after}}
                        """, List.of("breaks=failed", "after=ok"), 1),
                Arguments.of("clear_host_errors in a nested block of the always", """
                        tasks:
                          - block:
                              - block:
                                  - {name: breaks, fail: {msg: no}}
                            always:
                              - block:
                                  - meta: clear_host_errors
                          - {name: after, debug: {msg: after}}
                        """, List.of("breaks=failed", "after=ok"), 1),
                Arguments.of("an always without it keeps the failure", """
                        tasks:
                          - block:
                              - {name: breaks, fail: {msg: no}}
                            always:
                              - {name: always, debug: {msg: always}}
                          - {name: after, debug: {msg: after}}
                        """, List.of("breaks=failed", "always=ok"), 1),
                Arguments.of("the rescue sees the failed task's name and action", """
                        tasks:
                          - block:
                              - {name: breaks, ansible.builtin.fail: {msg: no}}
                            rescue:
                              - name: failed task
                                assert:
                                  that:
                                    - ansible_failed_task.name == 'breaks'
                                    - ansible_failed_task.action == 'ansible.builtin.fail'
                        """, List.of("breaks=failed", "failed task=ok"), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void failuresInBlocks(String name, String play, List<String> lines, int failed, @TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, play);
        assertEquals(lines, run.lines(), run.toString());
        assertEquals(failed, run.recap().failed(), run.toString());
    }

    static Stream<Arguments> playHosts() {
        return Stream.of(
                // no-op row: no host fails
                Arguments.of("false", "['box1', 'box2', 'box3']"),
                Arguments.of("inventory_hostname == 'box1'", "['box2', 'box3']"));
    }

    /**
     * A host whose failure no rescue took leaves ansible_play_hosts for the rest of the play: the next serial
     * batch (box3) sees it gone (ansible_play_hosts counts every batch, ansible_play_batch this one).
     */
    @ParameterizedTest(name = "fails when {0}")
    @MethodSource("playHosts")
    void aFailedHostLeavesThePlayHosts(String failsWhen, String hosts, @TempDir Path dir) {
        EngineRunner.Run run = engine.runOnHosts(dir, 2, """
                serial: 2
                tasks:
                  - block:
                      - {name: breaks, fail: {msg: no}, when: "%s"}
                    rescue:
                      - {name: breaks again, fail: {msg: no}, when: "%s"}
                  - name: hosts
                    assert:
                      that:
                        - ansible_play_hosts == %s
                        - ansible_play_batch == ['box3'] and play_hosts == ['box3']
                    when: inventory_hostname == 'box3'
                """.formatted(failsWhen, failsWhen, hosts));
        assertEquals(0, run.result().recap().get("box3").failed(), run.toString());
        assertEquals(1, run.result().recap().get("box3").ok(), run.toString());
    }
}
