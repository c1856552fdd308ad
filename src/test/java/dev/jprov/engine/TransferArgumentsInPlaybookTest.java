package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * get_url's and unarchive's bad arguments, run through a playbook, fail their task (and only it) with the module's
 * message, as Ansible's msg gives it (the engine reports module argument errors without the task's file:line, as
 * Ansible does; template and load errors carry it).
 */
class TransferArgumentsInPlaybookTest {
    private static final EngineRunner ENGINE = new EngineRunner();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("get_url: {url: 'http://mirror.test/a.tgz', dest: '{{ base }}/a', headers: {X-Token: t}}",
                        "headers: fetch(1) sends only User-Agent and Referer, not 'X-Token'"),
                Arguments.of("get_url: {url: 'http://mirror.test/a.tgz', dest: '{{ base }}/a', checksum: abc}",
                        "The checksum parameter has to be in format <algorithm>:<checksum>"),
                Arguments.of("get_url: {dest: '{{ base }}/a'}", "missing required arguments: url"),
                Arguments.of("unarchive: {src: /a.tgz, dest: '{{ base }}', remote_src: true, include: [a], exclude: [b]}",
                        "parameters are mutually exclusive: include|exclude"),
                Arguments.of("unarchive: {src: nothere.tgz, dest: '{{ base }}'}", "Could not find or access 'nothere.tgz'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void failsTheTaskWithTheModulesMessage(String task, String message, @TempDir Path dir) {
        EngineRunner.Run run = ENGINE.run(dir, """
                tasks:
                  - name: bad
                    %s
                """.formatted(task));
        assertEquals(List.of("bad=failed"), run.lines(), run.toString());
        String msg = String.valueOf(run.result("bad").result().get("msg"));
        assertTrue(msg.contains(message), msg);
    }
}
