package dev.jprov.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.engine.RunAborted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ansible-playbook's exit codes (lib/ansible/cli/__init__.py, executor/task_queue_manager.py). */
class ExitCodeTest {

    @ParameterizedTest
    @CsvSource({"PARSE, 4", "ERROR, 1", "UNEXPECTED, 250"})
    void anAbortedRunExitsAsAnsiblesCli(RunAborted.Kind kind, int code) {
        assertEquals(code, ExitCode.of(kind).code());
    }

    @ParameterizedTest
    @CsvSource({"OK, 0", "HOST_FAILED, 2", "HOST_UNREACHABLE, 4", "BAD_OPTIONS, 5", "INTERRUPTED, 99"})
    void runOutcomes(ExitCode exit, int code) {
        assertEquals(code, exit.code());
    }
}
