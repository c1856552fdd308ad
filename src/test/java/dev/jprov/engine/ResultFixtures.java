package dev.jprov.engine;

import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import dev.jprov.playbook.Condition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Values for the result-assembly tests, built directly: steps, their results, plans, and conditions judged by a
 * small evaluator instead of the template engine, so that the tests need no shell and no Jinja.
 */
final class ResultFixtures {
    static final String PATH = "/etc/motd";
    static final String TIMED_OUT = "Timed out waiting for last boot time check (timeout=600)";

    private ResultFixtures() {
    }

    static Step.Exec step(String display) {
        return new Step.Exec(display, display, false);
    }

    /** A step whose exit code the module judges (command's). */
    static Step.Exec mayFail(String display) {
        return new Step.Exec(display, display, true);
    }

    static Step.Reboot reboot() {
        return new Step.Reboot("shutdown -r now", "sysctl kern.boottime", "1", "whoami", Duration.ofSeconds(600),
                Optional.empty(), Duration.ZERO);
    }

    static StepResult ok() {
        return new StepResult(0, "", "");
    }

    static StepResult exit(int rc, String stdout, String stderr) {
        return new StepResult(rc, stdout, stderr);
    }

    /** A map in the order given: results are compared by their text, which shows the key order too. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** A plan that changes {@link #PATH} with these steps (none: a plan that changes nothing). */
    static Planned changing(Map<String, Object> result, Step... steps) {
        Change change = steps.length == 0 ? Change.none(PATH)
                : new Change(Action.UPDATE, PATH, Diff.of(PATH, "old\n", "new\n"), List.of(steps), List.of());
        return Planned.of(List.of(change), result);
    }

    /** command's reading of its step: rc and stdout, and failed on a non-zero rc. */
    static Planned command(String cmd) {
        Change run = new Change(Action.RUN, cmd, Diff.NONE, List.of(mayFail(cmd)), List.of());
        return Planned.of(List.of(run), map("cmd", cmd)).withAfterApply((planned, steps) -> {
            Map<String, Object> r = new LinkedHashMap<>(planned);
            StepResult s = steps.get(steps.size() - 1);
            r.put("rc", s.exitCode());
            r.put("stdout", s.stdout().strip());
            if (s.exitCode() != 0) {
                r.put("msg", "non-zero return code");
                r.put("failed", true);
            }
            return r;
        });
    }

    static List<Condition> when(String... expressions) {
        List<Condition> out = new ArrayList<>();
        for (String e : expressions) out.add(new Condition(e, null));
        return out;
    }

    /**
     * Judges "a.b == v" and "a.b != v" (v compared as text) over the vars; a name that is not there fails the
     * test, so a case shows what the conditions could see.
     */
    static final BiPredicate<List<Condition>, Map<String, Object>> CONDITIONS = (conditions, vars) -> {
        for (Condition c : conditions) {
            boolean equal = c.expression().contains("==");
            String[] sides = c.expression().split(equal ? "==" : "!=");
            Object value = vars;
            for (String name : sides[0].strip().split("\\.")) {
                if (!(value instanceof Map<?, ?> m) || !m.containsKey(name)) {
                    throw new AssertionError(name + " is not visible to " + c.expression() + " in " + vars);
                }
                value = m.get(name);
            }
            if (String.valueOf(value).equals(sides[1].strip()) != equal) return false;
        }
        return true;
    };

    /** changed_when/failed_when of a task registering as {@code register}, over task vars {@code vars}. */
    static ChangedFailedWhen judged(List<Condition> changedWhen, List<Condition> failedWhen, String register,
                                    Map<String, Object> vars) {
        return new ChangedFailedWhen(changedWhen, failedWhen, register, vars, CONDITIONS);
    }

    static ChangedFailedWhen noConditions() {
        return judged(List.of(), List.of(), null, Map.of());
    }
}
