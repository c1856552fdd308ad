package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.jprov.it.PlaybookSemanticsTest.Known;

/**
 * Cases of ansible-core 2.14's own integration targets (test/integration/targets/NAME), written again as playbooks
 * on local hosts and run by jprov and by ansible-playbook 2.14: jprov's whole console output, normalized, must be
 * what Ansible printed (the targets-* fixtures; /work/wt/README-targets.md maps targets to fixtures).
 */
class AnsibleTargetsTest {

    // jprov's console prints no line for an include_tasks (PlaybookSemanticsTest.INCLUDED), so no banner either
    static final Known INCLUDE_BANNER = new Known("include banners",
            "^(TASK|RUNNING HANDLER) \\[[^]]*(include_tasks|remove the temporary directory)] \\*+\\n", "");

    static Stream<Arguments> runs() {
        return Stream.of(
                // assert (quiet, fail_msg, success_msg), group_by changed, changed_when/failed_when per item,
                // play vars as a list, !unsafe, command's executable, meta: reset_connection, register's keys
                Arguments.of("targets-control", "run", "site.yaml", List.of(), List.of()),
                // setup and gather_facts as tasks (filter, no bare fact names), the facts FreeBSD roles read,
                // tempfile (state, path, prefix, suffix, mkstemp's error), the shared setup_remote_tmp_dir role
                // with its include_tasks handler, stat's keys, lineinfile/blockinfile's diff key, file recurse u+rwx
                Arguments.of("targets-setup", "run", "site.yaml", List.of(), List.of(PlaybookSemanticsTest.INCLUDED,
                        INCLUDE_BANNER)),
                // hosts, strategy and import_role names templated from extra and play vars; include_role and
                // include_tasks of missing names where when is false; an unmatched pattern's warning rendered
                Arguments.of("targets-loadtime", "run", "site.yaml", List.of("-e", "{\"target_hosts\": [\"testhost2\"],"
                        + " \"chosen_strategy\": \"linear\", \"role_from_extra\": \"from_extra\","
                        + " \"nowhere\": \"nowhere_group\"}"), List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void printsWhatAnsiblePrints(String fixture, String variant, String playbook, List<String> args,
                                 List<Known> known, @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy(fixture, temp);
        Jprov.Run run = p.run(playbook, args.toArray(String[]::new));
        String expected = p.ansible(variant);
        for (Known k : known) expected = k.apply(expected);
        String actual = p.normalized(run);
        if (!expected.equals(actual)) p.keep(variant, expected, actual);
        assertEquals(expected, actual, run.toString());
    }
}
