package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In --check, a command or shell task with a literal {@code check_mode: false} and {@code changed_when: false} runs
 * as a read-only probe and registers rc/stdout/stdout_lines, which later tasks read; any other check_mode: false
 * task stays a dry run (no rc, no stdout), and the transport still sees nothing but probe scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyCommandEngineTest {
    private final EngineRunner engine = new EngineRunner();

    static Stream<Arguments> rows() {
        return Stream.of(
                // keywords of the reading task, --check, whether its command ran (and rc/stdout were registered)
                Arguments.of("check_mode: false, changed_when: false", true, true),
                Arguments.of("check_mode: no, changed_when: [false]", true, true),
                Arguments.of("check_mode: false", true, false),
                Arguments.of("check_mode: false, changed_when: \"{{ never | default(false) }}\"", true, false),
                Arguments.of("changed_when: false", true, false),
                Arguments.of("check_mode: \"{{ false }}\", changed_when: false", true, false),
                // no-op row: a real run runs it as a change, whatever the keywords say
                Arguments.of("check_mode: false, changed_when: false", false, true));
    }

    @ParameterizedTest(name = "{0} check={1}")
    @MethodSource("rows")
    void aReadOnlyCommandRunsInCheckModeOnlyWhenItSaysSoLiterally(String keywords, boolean check, boolean runs,
                                                                 @TempDir Path dir) throws Exception {
        Files.createDirectories(EngineRunner.base(dir));
        Files.writeString(EngineRunner.base(dir).resolve("version"), "14.3\n");
        String play = """
                tasks:
                  - {name: read, shell: "cat {{ base }}/version; touch {{ base }}/ran", register: r, %s}
                  - name: later
                    assert:
                      that: %s
                """.formatted(keywords, runs
                ? "[\"r.rc == 0\", \"r.stdout == '14.3'\", \"r.stdout_lines == ['14.3']\", \"r.stderr == ''\"]"
                : "[\"r.stdout is not defined\", \"r.rc is not defined\"]");
        EngineRunner.Run run = check ? engine.check(dir, play) : engine.run(dir, play);
        assertEquals("ok", run.result("later").status().name().toLowerCase(), run.toString());
        assertEquals(runs, Files.exists(EngineRunner.base(dir).resolve("ran")), run.toString());
        if (check) {
            assertTrue(run.kinds().stream().allMatch(k -> k == RecordingShell.Kind.PROBE), run.toString());
        }
        if (check && runs) assertEquals("read=ok", run.lines().get(0));
    }

    @ParameterizedTest(name = "items {0}")
    @MethodSource("loops")
    void eachItemRunsItsOwnCommandNotAnEarlierAnswer(String items, List<String> expected, @TempDir Path dir) {
        EngineRunner.Run run = engine.check(dir, """
                tasks:
                  - {name: read, command: "echo {{ item }}", loop: %s, register: r, check_mode: false, changed_when: false}
                  - {name: later, assert: {that: "r.results | map(attribute='stdout') | list == %s"}}
                """.formatted(items, expected));
        assertEquals("ok", run.result("later").status().name().toLowerCase(), run.toString());
    }

    static Stream<Arguments> loops() {
        return Stream.of(
                Arguments.of("[a, a]", List.of("'a'", "'a'")),
                Arguments.of("[a, b]", List.of("'a'", "'b'")),
                Arguments.of("[]", List.of()));
    }
}
