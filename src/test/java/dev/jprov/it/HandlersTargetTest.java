package dev.jprov.it;


import dev.jprov.it.PlaybookSemanticsTest.Known;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ansible-core 2.14's handlers target (test/integration/targets/handlers) rewritten as the targets-handlers fixture,
 * run by jprov and by ansible-playbook 2.14.18 on local hosts: flush_handlers, a handler notified twice, listen
 * (named, unnamed, in roles, a name and a topic alike), the order handlers are defined in, force_handlers from
 * the command line and the play, any_errors_fatal in handlers, a missing handler, serial batches.
 */
class HandlersTargetTest {

    // Ansible stops at the notifying task without printing its result or a recap; jprov prints both (the recap of
    // an aborted run, as issue 14 asks), and its ERROR! line, naming the task, goes to stderr
    static final Known MISSING_HANDLER = new Known("error after the result and recap",
            "^ERROR! The requested handler .*\\n", "changed: [testhost]\nPLAY RECAP " + "*".repeat(69) + "\n"
            + "testhost                   : ok=1    changed=1    unreachable=0    failed=0    skipped=0    "
            + "rescued=0    ignored=0   \n");
    // jprov prints no banner for an include_tasks handler, as for an include task (AnsibleTargetsTest)
    static final Known INCLUDED_HANDLER_BANNER = new Known("include banners",
            "^RUNNING HANDLER \\[handler] \\*+\\n(?=included: )", "");

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("handlers", "test_handlers.yml", List.of(), List.of()),
                Arguments.of("handlers-scenario1", "test_handlers.yml", List.of("--tags", "scenario1"), List.of()),
                Arguments.of("listen", "test_handlers_listen.yml", List.of(), List.of()),
                Arguments.of("order", "order.yml", List.of(), List.of()),
                Arguments.of("order-force", "order.yml", List.of("--force-handlers", "-e", "test_force_handlers=true"),
                        List.of()),
                Arguments.of("force-normal", "test_force_handlers.yml", List.of("--tags", "normal"), List.of()),
                Arguments.of("force-fail_all", "test_force_handlers.yml", List.of("--tags", "normal",
                        "--force-handlers", "-e", "fail_all=yes"), List.of()),
                Arguments.of("force-false-in-play", "test_force_handlers.yml", List.of("--tags",
                        "force_false_in_play", "--force-handlers"), List.of()),
                Arguments.of("inexistent", "test_handlers_inexistent_notify.yml", List.of(), List.of(MISSING_HANDLER)),
                Arguments.of("46447", "46447.yml", List.of(), List.of(PlaybookSemanticsTest.NO_MORE_HOSTS)),
                Arguments.of("any_errors_fatal", "test_handlers_any_errors_fatal.yml", List.of(),
                        List.of(PlaybookSemanticsTest.NO_MORE_HOSTS)),
                Arguments.of("52561", "52561.yml", List.of(), List.of()),
                Arguments.of("54991", "54991.yml", List.of(), List.of()),
                Arguments.of("include_fail_force", "include_handlers_fail_force.yml", List.of("--force-handlers"),
                        List.of(INCLUDED_HANDLER_BANNER, PlaybookSemanticsTest.INCLUDED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void printsWhatAnsiblePrints(String variant, String playbook, List<String> args, List<Known> known,
                                 @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy("targets-handlers", temp);
        Jprov.Run run = p.run(playbook, args.toArray(String[]::new));
        p.assertPrintsAsAnsible(variant, run, known);
    }

    static Stream<Arguments> forced() {
        return Stream.of(
                Arguments.of("force-normal-cli", List.of("--tags", "normal", "--force-handlers"), "A"),
                Arguments.of("force-normal-cli", List.of("--tags", "normal", "--force-handlers"), "B"),
                Arguments.of("force-normal-cli", List.of("--tags", "normal", "--force-handlers"), "C"),
                Arguments.of("force-true-in-play", List.of("--tags", "force_true_in_play"), "A"),
                Arguments.of("force-true-in-play", List.of("--tags", "force_true_in_play"), "B"),
                Arguments.of("force-true-in-play", List.of("--tags", "force_true_in_play"), "C"));
    }

    /**
     * Forced handlers of a host that failed: each host's way and the recap are Ansible's. The console's order is
     * not: jprov runs a failed host's handlers when it fails, Ansible's linear strategy at the play's next flush
     * with the other hosts' (nothing else runs on the failed host in between).
     */
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("forced")
    void forcedHandlersRunOnFailedHosts(String variant, List<String> args, String host, @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy("targets-handlers", temp);
        Jprov.Run run = p.run("test_force_handlers.yml", args.toArray(String[]::new));
        p.assertSameWay(variant, run, host);
    }
}
