package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of ansible-core 2.14's own integration targets (test/integration/targets/NAME), written again as playbooks
 * on local hosts and run by jprov and by ansible-playbook 2.14: jprov's whole console output, normalized, must be
 * what Ansible printed (the targets-* fixtures; /work/wt/README-targets.md maps targets to fixtures).
 */
class AnsibleTargetsTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                // assert (quiet, fail_msg, success_msg), group_by changed, changed_when/failed_when per item,
                // play vars as a list, !unsafe, command's executable, meta: reset_connection, register's keys
                Arguments.of("targets-control", "run", "site.yaml", List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void printsWhatAnsiblePrints(String fixture, String variant, String playbook, List<String> args,
                                 @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy(fixture, temp);
        Jprov.Run run = p.run(playbook, args.toArray(String[]::new));
        String expected = p.ansible(variant);
        String actual = p.normalized(run);
        if (!expected.equals(actual)) p.keep(variant, expected, actual);
        assertEquals(expected, actual, run.toString());
    }
}
