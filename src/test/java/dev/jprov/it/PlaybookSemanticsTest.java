package dev.jprov.it;


import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same playbooks run by jprov and by ansible-playbook 2.14 (local hosts): jprov's whole console output,
 * normalized, must be what Ansible printed (the ansible-*.out files were recorded from ansible-playbook), result
 * lines, printed values, failures, exit code and the recap line text included.
 *
 * <p>Where jprov's output still differs for reasons outside the executor, the difference is listed in the row as
 * a {@link Known} rewrite of Ansible's text into jprov's, with the reason: the row then fails when the difference
 * goes away (remove the rewrite) or when anything else differs.
 */
class PlaybookSemanticsTest {

    /** A difference of jprov's output from Ansible's that is known and explained; regex over Ansible's text. */
    record Known(String why, String ansible, String jprov) {
        String apply(String text) {
            String out = Pattern.compile(ansible, Pattern.MULTILINE).matcher(text).replaceAll(jprov);
            if (out.equals(text)) throw new AssertionError("known difference no longer in Ansible's text: " + why);
            return out;
        }
    }

    // ConsoleReporter (report/) prints no "included: FILE for HOSTS" line: there is no event for it yet.
    static final Known INCLUDED = new Known("no included: lines", "^included: .*\\n", "");
    // Ansible's strategy prints this banner when a play stops all hosts; jprov's reporter has no event for it.
    static final Known NO_MORE_HOSTS = new Known("NO MORE HOSTS LEFT banner", "^NO MORE HOSTS LEFT \\*+\\n", "");

    // Ansible names the delegate in a delegated task's result line ([h2 -> localhost]); jprov's reporter does not.
    static final Known DELEGATED = new Known("no -> delegate in result lines", "\\[(\\w+) -> \\w+]", "[$1]");

    // jprov's console prints no ASYNC OK/POLL/FAILED lines (no reporter event for them) nor the traceback hint of an
    // action plugin's refusal.
    static final Known ASYNC_LINES = new Known("no ASYNC lines", "^ASYNC (OK|POLL|FAILED) on .*\\n", "");
    static final Known EXCEPTION_HINT = new Known("no exception hint",
            "^An exception occurred during task execution\\..*\\n", "");

    // jprov's template errors name the task's file:line (issue 14 asks for it) and say the task changed nothing.
    static final Known UNDEFINED_LOOP = new Known("template error text",
            "\\{\"msg\": \"'missing' is undefined\\. 'missing' is undefined\"}",
            "{\"changed\": false, \"msg\": \"DIR/site.yaml:31:7: 'missing' is undefined\"}");

    // jprov's template and include errors name the task's file:line and are shorter than Ansible's (issue 14).
    static final List<Known> ERRORS = List.of(
            new Known("become error text", "\\{\"msg\": \"The field 'become' has an invalid value, which includes an"
                    + " undefined variable\\. The error was: ('nobecome' is undefined\\.? ?)+\"}",
                    "{\"changed\": false, \"msg\": \"DIR/site.yaml:8:7: 'nobecome' is undefined\"}"),
            new Known("no -> delegate in result lines", "\\[(\\w+) -> outside\\.invalid]", "[$1]"),
            new Known("filter error text", "\\{\"msg\": \"template error while templating string: Could not load"
                    + " .*? String: \\{\\{ \\[1] \\| nosuchfilter }}\\. .*?\"}",
                    "{\"changed\": false, \"msg\": \"DIR/site.yaml:26:7: No filter named 'nosuchfilter'.\"}"),
            new Known("notify error text", "\\{\"msg\": \"The field 'notify' has an invalid value.*?\\^ here\\\\n\"}",
                    "{\"changed\": false, \"msg\": \"DIR/site.yaml:29:7: 'nohandler' is undefined\"}"),
            new Known("include loop error text", "\\{\"msg\": \"'noloop' is undefined\\. 'noloop' is undefined\"}",
                    "{\"changed\": false, \"msg\": \"DIR/site.yaml:38:7: 'noloop' is undefined\"}"),
            // Ansible names the path it looked at as "reason"; jprov every path it searched, as "msg"
            new Known("missing include text", "\\{\"reason\": \"Could not find or access 'DIR/missing\\.yml' on the"
                    + " Ansible Controller\\.\"}", "{\"changed\": false, \"msg\": \"DIR/site.yaml:47:7: Could not find"
                    + " or access 'missing.yml' (searched: DIR/missing.yml)\"}"));

    // Ansible prints no recap when a parser error aborts the run; jprov prints the recap of what was done (issue
    // 14 asks for it), and its ERROR! line goes to stderr, which these outputs do not hold.
    static final Known RECAP_AFTER_ABORT = new Known("recap after an abort",
            "(?s)^TASK \\[include of a broken file] \\*+\\n.*?\\^ here\\n",
            "PLAY RECAP " + "*".repeat(69) + "\n"
                    + "h1                         : ok=1    changed=0    unreachable=0    failed=0    skipped=0    "
                    + "rescued=0    ignored=0   \n"
                    + "h2                         : ok=1    changed=0    unreachable=0    failed=0    skipped=0    "
                    + "rescued=0    ignored=0   \n");

    // ssh's words for a name that does not resolve, and sshj's
    static final Known UNRESOLVED = new Known("unreachable text", "Failed to connect to the host via ssh: ssh: Could"
            + " not resolve hostname outside\\.invalid: Name or service not known",
            "outside.invalid (root@outside.invalid:22): unknown host name outside.invalid");

    static Stream<Arguments> runs() {
        return Stream.of(
                // nothing to do: Ansible's recap lists no host that ran nothing
                Arguments.of("noop", "run", "site.yaml", List.of(), List.of()),
                // when on vars/registered results, changed_when/failed_when on the registered var, ignore_errors,
                // a failed task ends its host (exit 2) and the other host goes on
                Arguments.of("conditionals", "run", "site.yaml", List.of(), List.of()),
                // loop, with_items, loop_control (loop_var, label, index_var), registered loops, set_fact in a loop
                Arguments.of("loops", "run", "site.yaml", List.of(), List.of()),
                // variable precedence, lazy templates, magic variables, hostvars, omit; -e k=v, @file and JSON
                Arguments.of("precedence", "run", "site.yaml",
                        List.of("-e", "v_extra=kv", "-e", "@@DIR@/extra.yaml", "-e", "{\"v_json\": [1, 2]}"),
                        List.of()),
                // role params ({role: r, x: 1}), a role's vars: and include_role/import_role vars beat the role's
                // defaults; without them the default is used
                Arguments.of("roleparams", "run", "site.yaml", List.of(), List.of(
                        new Known("include_role banner", "^TASK \\[include_role : r] \\*+\\n", ""))),
                // the same forms in one play: roles: and import_role vars reach every role of the play
                Arguments.of("roleparams", "shared", "shared.yaml", List.of(), List.of(
                        new Known("include_role banner", "^TASK \\[include_role : r] \\*+\\n", ""))),
                // include_tasks with when per item and a run_once task inside, include_role in a loop (its handler
                // runs once)
                Arguments.of("includes", "run", "site.yaml", List.of(), List.of(INCLUDED,
                        // Ansible prints the include_role task's banner with no line under it
                        new Known("include_role banner", "^TASK \\[role loop] \\*+\\n", ""))),
                // serial as a list (1, 2, 50%): a PLAY banner per batch, run_once per batch on its first host;
                // serial 40% with max_fail_percentage: the second batch fails, the run stops (no later play)
                Arguments.of("serial", "run", "site.yaml", List.of(), List.of(NO_MORE_HOSTS)),
                // any_errors_fatal: every host finishes the failing task, then all stop, and the run ends
                Arguments.of("fatal", "run", "site.yaml", List.of(), List.of(NO_MORE_HOSTS)),
                // evaluation order (ansible-core 2.14's TaskExecutor): when decides before the loop, args, notify
                // and delegate_to are templated (ignore_errors too); an undefined loop where when holds fails the
                // task; plain tasks as before
                Arguments.of("evalorder", "run", "site.yaml", List.of(), List.of(DELEGATED, UNDEFINED_LOOP)),
                // delegate_to: "{{ x | default(omit) }}" is no delegation, not a host named after the placeholder
                Arguments.of("evalorder", "omit", "omit.yaml", List.of(), List.of()),
                // errors that fail a task or a host, not the run: become keywords and notify templated after the
                // when, delegate_to a name outside the inventory, a loop error that is no undefined variable, an
                // include whose loop is undefined, an include of a missing file
                Arguments.of("errors", "run", "site.yaml", List.of(), ERRORS),
                // a tasks file that does not parse, found by an include: the run stops with exit 4
                Arguments.of("errors", "abort", "abort.yaml", List.of(), List.of(RECAP_AFTER_ABORT)),
                // delegate_to a name outside the inventory that cannot be reached: the host is unreachable, exit 4
                Arguments.of("unreachable", "run", "site.yaml", List.of(), List.of(ERRORS.get(1), UNRESOLVED)),
                // the delegating play's vars (ansible_connection: local) apply to a delegate outside the inventory
                Arguments.of("unreachable", "playvars", "playvars.yaml", List.of(), List.of(ERRORS.get(1))),
                // until: tested after every attempt, a failed one too; retries N means N retries after the first
                // attempt; the result's attempts
                Arguments.of("until", "run", "site.yaml", List.of(), List.of()),
                // a value that is one {{ expression }}: a bare name keeps its type, anything else is text
                Arguments.of("singleexpr", "run", "site.yaml", List.of(), List.of()),
                // file, copy, template, lineinfile, link, loop: a first real run
                Arguments.of("checkmode", "apply", "site.yaml", List.of(), List.of()),
                // check_mode: yes on one task of a normal run: reported changed, not written
                Arguments.of("checkmode", "taskcheck", "taskcheck.yaml", List.of(), List.of()),
                // --check: commands with check_mode: false and changed_when: false run, later tasks read them
                Arguments.of("readonly", "check", "site.yaml", List.of("--check"), List.of()),
                // async: poll 0, poll 2, async_status status and cleanup, copy refuses async
                Arguments.of("async", "run", "site.yaml", List.of(), List.of(ASYNC_LINES, EXCEPTION_HINT)),
                // async in check mode fails, as Ansible's ActionBase refuses it
                Arguments.of("async", "check", "site.yaml", List.of("--check"), List.of(EXCEPTION_HINT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void printsWhatAnsiblePrints(String fixture, String variant, String playbook, List<String> args, List<Known> known,
                                 @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy(fixture, temp);
        Jprov.Run run = p.run(playbook, args.toArray(String[]::new));
        p.assertPrintsAsAnsible(variant, run, known);
    }
}
