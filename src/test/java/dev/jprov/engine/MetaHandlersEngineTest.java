package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * meta tasks as handlers, as ansible-core 2.14 runs them (recorded with ansible-playbook 2.14.18): end_host ends
 * the host's play there, noop and the others run, in the order the handlers are listed; flush_handlers as a handler
 * stops the run with Ansible's error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaHandlersEngineTest {
    private final EngineRunner engine = new EngineRunner();

    static Stream<Arguments> rows() {
        return Stream.of(
                // notified handlers, the result lines of box1
                Arguments.of("[nothing, stop here]", List.of("command=changed", "before=ok")),
                Arguments.of("[nothing]", List.of("command=changed", "before=ok", "after=ok")),
                Arguments.of("[nothing, debug]", List.of("command=changed", "before=ok", "debug=ok", "after=ok")),
                // no-op row: nothing notified
                Arguments.of("[]", List.of("command=changed", "before=ok", "after=ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void metaHandlersRunInTheirPlace(String notify, List<String> lines, @TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                handlers:
                  - {name: stop here, meta: end_host}
                  - {name: nothing, meta: noop}
                  - {name: debug, debug: {msg: handler}}
                tasks:
                  - {name: command, command: "true", notify: %s}
                  - {name: before, debug: {msg: before}}
                  - meta: flush_handlers
                  - {name: after, debug: {msg: after}}
                """.formatted(notify));
        assertEquals(lines, run.lines(), run.toString());
    }

    @Test
    void flushHandlersAsAHandlerStopsTheRunWithAnsiblesError(@TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                handlers:
                  - {name: flush, meta: flush_handlers}
                tasks:
                  - {name: command, command: "true", notify: flush}
                """);
        RunAborted aborted = run.result().aborted().orElseThrow(() -> new AssertionError(run.toString()));
        assertEquals(RunAborted.Kind.ERROR, aborted.kind(), "an AnsibleError: ansible-playbook exits 1");
        assertTrue(aborted.getMessage().endsWith("flush_handlers cannot be used as a handler"), aborted.getMessage());
    }
}
