package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lookups read the controller's files as they are when called: a file that an earlier task of a local host wrote
 * is seen (jprov used to queue that write behind the lookup, so the lookup missed it or read the old text).
 */
class ControllerLookupTest {
    @TempDir
    Path dir;

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("file", "{{ lookup('file', base + '/written.txt') }}", "\"msg\": \"fresh\""),
                Arguments.of("template", "{{ lookup('template', base + '/written.txt') }}", "\"msg\": \"fresh\\n\""),
                Arguments.of("first_found", "{{ lookup('first_found', [base + '/none.txt', base + '/written.txt']) }}",
                        "written.txt\""),
                Arguments.of("query file", "{{ query('file', base + '/written.txt') }}", "\"fresh\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void seesAFileAnEarlierTaskWrote(String name, String expression, String shown) throws Exception {
        Path inventory = write("""
                all:
                  hosts:
                    box1:
                      ansible_connection: local
                  vars:
                    base: %s
                """.formatted(dir));
        Files.writeString(dir.resolve("written.txt"), "stale\n");
        Path playbook = write("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy:
                        dest: "{{ base }}/written.txt"
                        content: "fresh\\n"
                    - debug:
                        msg: "%s"
                """.formatted(expression.replace("\"", "\\\"")));
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), playbook.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains(shown), run.toString());
    }

    /** The no-op row: nothing writes the file before the lookup, which fails naming the task's file and line. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void aFileNoTaskWroteIsNotThere(String name, String expression, String shown) throws Exception {
        Path inventory = write("""
                all:
                  hosts:
                    box1:
                      ansible_connection: local
                  vars:
                    base: %s
                """.formatted(dir));
        Path playbook = write("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: "%s"
                """.formatted(expression.replace("\"", "\\\"")));
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), playbook.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().contains("site.yaml:4:"), run.toString());
    }

    private Path write(String yaml) throws Exception {
        Path p = dir.resolve(yaml.startsWith("all:") ? "hosts.yaml" : "site.yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
