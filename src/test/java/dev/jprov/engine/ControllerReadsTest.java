package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which tasks of a local host make its queued changes first: those that may read the controller's files. The
 * others keep them queued (QueuedChangesTest counts their round trips); ControllerLookupTest runs the first kind.
 */
class ControllerReadsTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> tasks() {
        return Stream.of(
                Arguments.of("{debug: {msg: hello}}", Map.of(), false),
                Arguments.of("{file: {path: /tmp/x, state: touch}}", Map.of("motd", "{{ 'a' }}"), false),
                Arguments.of("{debug: {msg: \"{{ item }}\"}, with_items: [a]}", Map.of(), false),
                Arguments.of("{debug: {msg: \"{{ lookup('file', '/tmp/x') }}\"}}", Map.of(), true),
                Arguments.of("{debug: {msg: \"{{ query('first_found', ['a']) }}\"}}", Map.of(), true),
                Arguments.of("{debug: {msg: \"{{ q('pipe', 'id') }}\"}}", Map.of(), true),
                Arguments.of("{debug: {msg: hi}, when: \"lookup('file', '/tmp/x') == 'a'\"}", Map.of(), true),
                Arguments.of("{debug: {msg: \"{{ motd }}\"}}", Map.of("motd", "{{ lookup('file', 'motd') }}"), true),
                Arguments.of("{debug: {msg: x}}", Map.of("nested", Map.of("l", java.util.List.of("{{ lookup('env', 'HOME') }}"))), true),
                Arguments.of("{debug: {msg: x}}", Map.of("ansible_fact", "{{ lookup('file', 'x') }}"), false),
                Arguments.of("{debug: {msg: \"{{ item }}\"}, with_file: [/tmp/x]}", Map.of(), true),
                Arguments.of("{debug: {msg: \"{{ item }}\"}, with_fileglob: ['/tmp/*']}", Map.of(), true),
                Arguments.of("{copy: {src: files/a, dest: /tmp/a}}", Map.of(), true),
                Arguments.of("{template: {src: t.j2, dest: /tmp/t}}", Map.of(), true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tasks")
    void tellsWhetherATaskMayReadControllerFiles(String task, Map<String, Object> vars, boolean reads) {
        assertEquals(reads, ControllerReads.mayRead(PlayFixture.task(dir, task), vars));
    }
}
