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
 * With any_errors_fatal, an include that fails on one host (a missing role or tasks file) stops the others before
 * their next task, as Ansible's linear strategy does (its any_errors_fatal target's 50897.yml): in lockstep an
 * include is a step like a task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FatalIncludeEngineTest {
    private final EngineRunner engine = new EngineRunner();

    static Stream<Arguments> rows() {
        return Stream.of(
                // no-op row: the include's when is false everywhere, the play goes on
                Arguments.of("include_tasks: missing.yml", "false", List.of("include_tasks=skipped", "after=ok")),
                Arguments.of("include_tasks: missing.yml", "inventory_hostname == 'box2'",
                        List.of("include_tasks=skipped")),
                Arguments.of("include_role: {name: missing}", "inventory_hostname == 'box2'",
                        List.of("include_role : missing=skipped")));
    }

    @ParameterizedTest(name = "{0} when {1}")
    @MethodSource("rows")
    void aFailedIncludeStopsTheOtherHosts(String include, String when, List<String> lines, @TempDir Path dir) {
        EngineRunner.Run run = engine.runOnHosts(dir, 1, """
                any_errors_fatal: true
                tasks:
                  - %s
                    when: "%s"
                  - {name: after, debug: {msg: after}}
                """.formatted(include, when));
        assertEquals(lines, run.lines(), run.toString());
    }
}
