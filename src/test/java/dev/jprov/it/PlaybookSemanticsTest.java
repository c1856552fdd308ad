package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        String expected = p.ansible(variant);
        for (Known k : known) expected = k.apply(expected);
        String actual = p.normalized(run);
        if (!expected.equals(actual)) p.keep(variant, expected, actual);
        assertEquals(expected, actual, run.toString());
    }
}
