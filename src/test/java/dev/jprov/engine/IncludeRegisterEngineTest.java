package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * register on include_tasks and include_role keeps what ansible-core 2.14 registers (recorded with
 * ansible-playbook 2.14.18): the file and include_args, changed false, a loop's items under results, a skipped
 * include as a skipped task; the included tasks already see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncludeRegisterEngineTest {
    private final EngineRunner engine = new EngineRunner();

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("{include_tasks: inc.yaml, register: inc}", Map.of("changed", false, "include", "inc.yaml",
                        "include_args", Map.of())),
                Arguments.of("{include_tasks: {file: \"{{ 'inc' }}.yaml\"}, register: inc}", Map.of("changed", false,
                        "include", "inc.yaml", "include_args", Map.of())),
                Arguments.of("{include_role: {name: r}, register: inc}", Map.of("changed", false, "include_args",
                        Map.of("name", "r"))),
                Arguments.of("{include_tasks: \"{{ item }}\", loop: [inc.yaml], register: inc}", Map.of("changed", false,
                        "msg", "All items completed", "skipped", false, "results", List.of(Map.of(
                                "include", "inc.yaml", "include_args", Map.of(), "item", "inc.yaml",
                                "ansible_loop_var", "item")))),
                Arguments.of("{include_tasks: inc.yaml, when: false, register: inc}", Map.of("changed", false,
                        "skip_reason", "Conditional result was False", "skipped", true)),
                // no-op row: without register nothing is kept
                Arguments.of("{include_tasks: inc.yaml}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void registersWhatAnsibleRegisters(String include, Map<String, Object> expected, @TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("roles/r/tasks"));
        Files.writeString(dir.resolve("roles/r/tasks/main.yaml"), "- {name: in role, debug: {msg: hi}}\n");
        Files.writeString(dir.resolve("inc.yaml"), "- {name: in file, debug: {msg: hi}}\n");
        String task = include;
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - %s
                  - {name: kept, set_fact: {kept: "{{ inc | default('none') }}"}}
                """.formatted(task));
        Object kept = run.result("kept").result().get("ansible_facts") instanceof Map<?, ?> f ? f.get("kept") : null;
        assertEquals(expected == null ? "none" : expected, kept, run.toString());
    }
}
