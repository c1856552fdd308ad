package dev.jprov.engine;

import dev.jprov.report.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One attempt of a task with {@code until:}, as ansible-core 2.14's TaskExecutor judges it: the result carries
 * {@code attempts}; where the attempts ran out ({@code number == total > 1}) and the condition still does not
 * hold, the result is failed and says {@code attempts: total - 1} (the retries). A failed attempt whose condition
 * holds ends the retries and stays failed. {@code total} is 1 where nothing is retried (no until, or check mode).
 */
record UntilAttempt(int number, int total, Predicate<Map<String, Object>> holds) {

    /** A task without until: its result is left as it is. */
    static final UntilAttempt NONE = new UntilAttempt(1, 1, null);

    boolean last() {
        return number >= total;
    }

    ItemResult judge(ItemResult item) {
        if (holds == null || item.status() == Status.SKIPPED) return item;
        Map<String, Object> result = new LinkedHashMap<>(item.result());
        result.put("attempts", number);
        if (total > 1 && last() && !holds.test(result)) {
            result.put("attempts", total - 1);
            result.put("failed", true);
            return new ItemResult(result, Status.FAILED, item.label(), item.diffs(), item.commands());
        }
        return new ItemResult(result, item.status(), item.label(), item.diffs(), item.commands());
    }
}
