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
 * until on a loop, as ansible-core 2.14's TaskExecutor: each item is retried on its own until its condition holds
 * or its retries run out, before the next item runs; an item that runs out fails alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntilLoopEngineTest {
    private final EngineRunner engine = new EngineRunner();

    static Stream<Arguments> rows() {
        return Stream.of(
                // no-op row: every item holds at once
                Arguments.of("[1]", "[1]", "['1']", List.of("count=changed", "attempts=ok")),
                // each item counts to its own number; the files show the order: item 3 was done before item 2 began
                Arguments.of("[1, 3, 2]", "[1, 3, 2]", "['1', '3', '2']",
                        List.of("count=changed", "count=changed", "count=changed", "attempts=ok")),
                // item 5 runs out of its 2 retries: it fails alone, with attempts 2, the others run
                Arguments.of("[1, 5, 2]", "[1, 2, 2]", "['1', '3', '2']",
                        List.of("count=changed", "count=failed", "count=changed", "count=ignored", "attempts=ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachItemIsRetriedOnItsOwn(String items, String attempts, String counts, List<String> lines,
                                   @TempDir Path dir) {
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - name: count
                    shell: n=$(cat {{ base }}/c{{ item }} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {{ base }}/c{{ item }}; echo $n
                    register: counted
                    until: counted.stdout | int >= item
                    retries: 2
                    delay: 0
                    loop: %s
                    ignore_errors: true
                  - name: attempts
                    debug:
                      msg: "{{ counted.results | map(attribute='attempts') | list }} {{ counted.results | map(attribute='stdout') | list }}"
                """.formatted(items));
        assertEquals(lines, run.lines(), run.toString());
        assertEquals(attempts + " " + counts, run.result("attempts").result().get("msg"), run.toString());
    }
}
