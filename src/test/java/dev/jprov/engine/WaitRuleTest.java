package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.engine.WaitRule.Reason;
import dev.jprov.playbook.Flag;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which tasks' outcomes may wait for their queued changes, and why the others must settle at once. */
class WaitRuleTest {
    private static final String COPY = "copy: {dest: /tmp/x, content: y}";
    private static final WaitRule PLAIN = new WaitRule(false, false);
    // literal flags only: a templated one is rendered by the engine
    private static final Predicate<Flag> LITERAL = f -> f instanceof Flag.Literal l && l.value();

    static Stream<Arguments> table() {
        return Stream.of(
                // task keywords, handler, run_once, the play's rule -> reasons (none: it may wait)
                row("{" + COPY + "}", false, false, PLAIN),
                row("{" + COPY + "}", true, false, PLAIN, Reason.HANDLER),
                row("{" + COPY + "}", false, true, PLAIN, Reason.RUN_ONCE),
                row("{" + COPY + "}", false, false, new WaitRule(true, false), Reason.CHECK_MODE),
                row("{" + COPY + "}", false, false, new WaitRule(false, true), Reason.LOCKSTEP),
                row("{" + COPY + ", register: r}", false, false, PLAIN, Reason.REGISTER),
                row("{" + COPY + ", register: r, until: r is success}", false, false, PLAIN, Reason.REGISTER,
                        Reason.UNTIL),
                row("{" + COPY + ", changed_when: false}", false, false, PLAIN, Reason.CHANGED_WHEN),
                row("{" + COPY + ", failed_when: false}", false, false, PLAIN, Reason.FAILED_WHEN),
                row("{" + COPY + ", delegate_to: other}", false, false, PLAIN, Reason.DELEGATE_TO),
                row("{" + COPY + ", check_mode: false}", false, false, PLAIN, Reason.CHECK_MODE_KEYWORD),
                row("{" + COPY + ", become: true}", false, false, PLAIN, Reason.BECOME),
                row("{" + COPY + ", become_user: root}", false, false, PLAIN, Reason.BECOME),
                row("{" + COPY + ", ignore_errors: true}", false, false, PLAIN, Reason.IGNORE_ERRORS),
                row("{" + COPY + ", ignore_errors: false}", false, false, PLAIN),
                row("{" + COPY + ", any_errors_fatal: true}", false, false, PLAIN, Reason.ANY_ERRORS_FATAL),
                row("{command: sleep 1, async: 10, poll: 0}", false, false, PLAIN, Reason.ASYNC),
                row("{command: sleep 1, async: 10}", false, false, PLAIN, Reason.ASYNC),
                row("{command: sleep 1, poll: 0}", false, false, PLAIN),
                row("{" + COPY + ", notify: h, tags: [t], when: true}", false, false, PLAIN));
    }

    private static Arguments row(String task, boolean handler, boolean runOnce, WaitRule rule, Reason... reasons) {
        Set<Reason> expected = reasons.length == 0 ? EnumSet.noneOf(Reason.class) : EnumSet.of(reasons[0], reasons);
        return Arguments.of(task, handler, runOnce, rule, expected);
    }

    @ParameterizedTest
    @MethodSource("table")
    void reasonsToSettleAtOnce(String task, boolean handler, boolean runOnce, WaitRule rule, Set<Reason> expected,
                               @TempDir Path dir) {
        assertEquals(expected, rule.mustSettle(PlayFixture.task(dir, task), handler, runOnce, LITERAL), task);
    }

    @Test
    void aTemplatedFlagIsRenderedOnlyWhenNothingElseDecides(@TempDir Path dir) {
        Predicate<Flag> failing = f -> {
            if (f instanceof Flag.Template) throw new TemplateError("undefined", null);
            return false;
        };
        String task = "{" + COPY + ", ignore_errors: \"{{ nope }}\"";
        assertEquals(EnumSet.of(Reason.REGISTER),
                PLAIN.mustSettle(PlayFixture.task(dir, task + ", register: r}"), false, false, failing));
        assertThrows(TemplateError.class, () -> PLAIN.mustSettle(PlayFixture.task(dir, task + "}"), false, false,
                failing));
        assertEquals(EnumSet.of(Reason.IGNORE_ERRORS), PLAIN.mustSettle(PlayFixture.task(dir, task + "}"), false,
                false, f -> f instanceof Flag.Template));
    }
}
