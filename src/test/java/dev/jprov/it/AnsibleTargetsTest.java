package dev.jprov.it;


import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
                        + " \"nowhere\": \"nowhere_group\"}"), List.of()),
                // blocks: main.yml under linear and free, the single-host cases whose failures are rescued, the
                // exit codes of always_*_rc.yml, block_fail.yml, 69848.yml with --tags (host_pinned: not supported)
                blocks("main-linear", "main.yml", List.of(PlaybookSemanticsTest.INCLUDED, INCLUDE_BANNERS)),
                blocks("main-free", "main.yml", List.of(PlaybookSemanticsTest.INCLUDED, INCLUDE_BANNERS, FREE_WARNINGS), "-e", "test_strategy=free"),
                blocks("rescued", "rescued.yml", List.of(PlaybookSemanticsTest.INCLUDED, INCLUDE_BANNERS, UNDEFINED_ATTRIBUTE)),
                blocks("block_fail", "block_fail.yml", List.of(PlaybookSemanticsTest.INCLUDED, INCLUDE_BANNERS)),
                blocks("always_failure_with_rescue_rc", "always_failure_with_rescue_rc.yml", List.of()),
                blocks("always_no_rescue_rc", "always_no_rescue_rc.yml", List.of()),
                blocks("always_failure_no_rescue_rc", "always_failure_no_rescue_rc.yml", List.of()),
                blocks("69848-tags", "69848.yml", List.of(), "--tags", "foo"),
                // any_errors_fatal: play_level.yml, on_includes.yml, always_block.yml (with 18602.yml's
                // set_fact), 50897.yml with a missing include_role and include_tasks on one host
                fatal("play_level", "play_level.yml", List.of(PlaybookSemanticsTest.NO_MORE_HOSTS)),
                fatal("on_includes", "on_includes.yml", List.of(PlaybookSemanticsTest.INCLUDED, INCLUDE_BANNERS,
                        UNDEFINED_TEST, PlaybookSemanticsTest.NO_MORE_HOSTS)),
                fatal("always_block", "always_block.yml", List.of()),
                fatal("50897-role", "50897.yml", List.of(MISSING_ROLE, PlaybookSemanticsTest.NO_MORE_HOSTS),
                        "-e", "test_name=test_include_role"),
                fatal("50897-tasks", "50897.yml", List.of(MISSING_TASKS, PlaybookSemanticsTest.NO_MORE_HOSTS),
                        "-e", "test_name=test_include_tasks"));
    }

    private static Arguments fatal(String variant, String playbook, List<Known> known, String... args) {
        return Arguments.of("targets-fatal", variant, playbook, List.of(args), known);
    }

    static final Known UNDEFINED_TEST = new Known("template error text",
            "\\{\"msg\": \"The task includes an option with an undefined variable\\. The error was: ('test' is"
            + " undefined)\\. .*\"}$", "{\"changed\": false, \"msg\": \"DIR/test_fatal.yml:5:3: $1\"}");
    // Ansible 2.14.18 prints a missing include_role's error as ERROR! and counts nothing for the host (it still
    // stops the play, exit 2); jprov fails the host at the include, as for a missing include_tasks file
    static final Known MISSING_ROLE = new Known("missing role as the host's failure",
            "(?s)^ERROR! the role 'non-existant-role' was not found in .*?\\^ here\\n(.*)\\n(exit 2)$",
            "fatal: [testhost2]: FAILED! => {\"changed\": false, \"msg\": \"DIR/50897.yml:6:7: the role"
            + " 'non-existant-role' was not found in DIR/roles:DIR\"}\n$1\n"
            + "testhost2                  : ok=0    changed=0    unreachable=0    failed=1    skipped=0    "
            + "rescued=0    ignored=0   \n$2");
    static final Known MISSING_TASKS = new Known("missing include text", "\\{\"reason\": \"Could not find or access"
            + " 'DIR/non-existant\\.yml' on the Ansible Controller\\.\"}", "{\"changed\": false, \"msg\":"
            + " \"DIR/50897.yml:13:7: Could not find or access 'non-existant.yml' (searched: DIR/non-existant.yml)\"}");

    // jprov prints no banner for an include (see INCLUDE_BANNER), whatever its name
    static final Known INCLUDE_BANNERS = new Known("include banners",
            "^TASK \\[(include[^]]*|include_role : [^]]*)] \\*+\\n", "");
    // jprov's free strategy gives no warning for run_once and any_errors_fatal (it honours both)
    static final Known FREE_WARNINGS = new Known("free strategy warnings", "^\\[WARNING]: Using (run_once|any_errors_fatal)"
            + " with the free strategy .*\\n.*\\n", "");
    // a template error's message: jprov names the file:line and the error, Ansible adds its excerpt of the file
    static final Known UNDEFINED_ATTRIBUTE = new Known("template error text",
            "\\{\"msg\": \"The task includes an option with an undefined variable\\. The error was: ('dict object' has no"
            + " attribute '\\w+')\\. .*?\\^ here\\\\n\"}", "{\"changed\": false, \"msg\": \"DIR/rescued.yml:30:11: $1\"}");

    private static Arguments blocks(String variant, String playbook, List<Known> known, String... args) {
        return Arguments.of("targets-blocks", variant, playbook, List.of(args), known);
    }

    /**
     * The blocks target's cases on two hosts where host1 fails (72725.yml, issue71306.yml, 78612.yml): each
     * host's way through the run and the recap are Ansible's. The console's order of the task blocks is not:
     * while host1 is in a rescue or always, host2 runs on in the block, and jprov prints the task blocks in the
     * order hosts reach them, Ansible's linear strategy in the order of the play.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"host1", "host2"})
    void blocksOnTwoHostsTakeAnsiblesWays(String host, @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy("targets-blocks", temp);
        Jprov.Run run = p.run("twohosts.yml");
        p.assertSameWay("twohosts", run, host);
    }

    /**
     * until on a loop retries each item on its own, as ansible-core 2.14 (until/items.yaml): the items' results,
     * attempts and retries are Ansible's. jprov prints a loop's item lines together after the task's retries,
     * Ansible each after its own, so the way through the run is compared, and the retry lines are counted.
     */
    @Test
    void untilRetriesEachItemOfALoop(@TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy("until", temp);
        Jprov.Run run = p.run("items.yaml");
        p.assertSameWay("items", run, "h1");
        long retries = p.ansible("items").lines().filter(l -> l.startsWith("FAILED - RETRYING")).count();
        assertEquals(retries, p.normalized(run).lines().filter(l -> l.startsWith("FAILED - RETRYING")).count(),
                run.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void printsWhatAnsiblePrints(String fixture, String variant, String playbook, List<String> args,
                                 List<Known> known, @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy(fixture, temp);
        Jprov.Run run = p.run(playbook, args.toArray(String[]::new));
        p.assertPrintsAsAnsible(variant, run, known);
    }
}
