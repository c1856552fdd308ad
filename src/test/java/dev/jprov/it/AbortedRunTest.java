package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's end of a run (local hosts): ansible-playbook's exit code, the error on stderr naming the
 * task's file:line (never "Unexpected TemplateError"), and the recap of what was done on stdout, also when the run
 * aborted.
 */
class AbortedRunTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                // nothing wrong: the no-op row
                Arguments.of("ok", """
                        - name: fine
                          debug: {msg: x}
                        """, 0, "", "h1 "),
                // run_once is templated by Ansible's strategy before the when: an AnsibleError ends the run (1)
                Arguments.of("run_once", """
                        - name: fine
                          debug: {msg: x}
                        - name: once
                          debug: {msg: x}
                          run_once: "{{ nope }}"
                          when: false
                        """, 1, "ERROR! @DIR@/site.yaml:6:7: 'nope' is undefined", "h1 "),
                // a notified handler that does not exist: an AnsibleError (1), after the recap
                Arguments.of("missing handler", """
                        - name: notifies
                          debug: {msg: x}
                          changed_when: true
                          notify: nobody
                        """, 1, "The requested handler 'nobody' was not found", "h1 "),
                // a tasks file that does not parse, found by an include: a parser error (4)
                Arguments.of("broken include", """
                        - name: fine
                          debug: {msg: x}
                        - include_tasks: broken.yml
                        """, 4, "ERROR! @DIR@/broken.yml:2:", "h1 "),
                // a failed host and an unreachable one: Ansible's strategy returns RUN_UNREACHABLE_HOSTS (4)
                Arguments.of("failed and unreachable", """
                        - name: fails on h1
                          fail: {msg: x}
                          when: inventory_hostname == 'h1'
                        - name: unreachable on h2
                          command: "true"
                          delegate_to: outside.invalid
                          vars: {ansible_connection: ssh}
                        """, 4, "", "h2 "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void exitCodeErrorAndRecap(String what, String tasks, int exit, String error, String recapOf, @TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("hosts.yaml"), """
                all:
                  hosts:
                    h1: {ansible_connection: local}
                    h2: {ansible_connection: local}
                """);
        Files.writeString(dir.resolve("broken.yml"), "- debug: {msg: [x\n");
        Files.writeString(dir.resolve("site.yaml"), "- hosts: all\n  gather_facts: false\n  tasks:\n"
                + tasks.indent(4));
        Jprov.Run run = Jprov.run("apply", "-i", dir.resolve("hosts.yaml").toString(),
                dir.resolve("site.yaml").toString());
        assertEquals(exit, run.exitCode(), run.toString());
        assertTrue(run.err().contains(error.replace("@DIR@", dir.toString())), run.toString());
        assertTrue(!run.err().contains("Unexpected"), run.toString());
        int recap = run.out().indexOf("PLAY RECAP");
        assertTrue(recap >= 0 && run.out().indexOf(recapOf, recap) > 0, run.toString());
    }
}
