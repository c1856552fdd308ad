package dev.jprov.engine;

import dev.jprov.playbook.Condition;
import dev.jprov.playbook.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A task's changed_when and failed_when, judged over one result with the result visible under the register name,
 * as in Ansible. {@code holds} says whether every condition holds for some vars (the template engine's test).
 */
final class ChangedFailedWhen {
    private final List<Condition> changedWhen;
    private final List<Condition> failedWhen;
    private final String register;
    private final Map<String, Object> vars;
    private final BiPredicate<List<Condition>, Map<String, Object>> holds;

    ChangedFailedWhen(List<Condition> changedWhen, List<Condition> failedWhen, String register,
                      Map<String, Object> vars, BiPredicate<List<Condition>, Map<String, Object>> holds) {
        this.changedWhen = changedWhen;
        this.failedWhen = failedWhen;
        this.register = register;
        this.vars = vars;
        this.holds = holds;
    }

    static ChangedFailedWhen of(Task task, Map<String, Object> vars,
                                BiPredicate<List<Condition>, Map<String, Object>> holds) {
        return new ChangedFailedWhen(task.changedWhen(), task.failedWhen(), task.register(), vars, holds);
    }

    /**
     * The result as judged: {@code changed} set, {@code failed} true when it failed. Without conditions a
     * {@code failed} the result carries stays; with them the conditions decide, and failed_when leaves
     * {@code failed_when_result}.
     */
    Map<String, Object> judge(Map<String, Object> result, boolean changed, boolean failed) {
        return judge(result, changed, failed, null);
    }

    /** The same, for a loop item: its variables ({@code item}, index_var, ansible_loop) are seen too, as in Ansible. */
    Map<String, Object> judge(Map<String, Object> result, boolean changed, boolean failed,
                              Map<String, Object> callVars) {
        Map<String, Object> r = new LinkedHashMap<>(result);
        if (changedWhen.isEmpty() && failedWhen.isEmpty()) {
            r.put("changed", changed);
            if (failed) r.put("failed", true);
            return r;
        }
        Map<String, Object> v = new LinkedHashMap<>(callVars == null ? vars : callVars);
        if (register != null) v.put(register, r);
        v.putAll(r); // Ansible also exposes the result's keys (rc, stdout) directly to these conditions.
        if (!changedWhen.isEmpty()) changed = holds.test(changedWhen, v);
        r.put("changed", changed);
        if (!failedWhen.isEmpty()) {
            failed = holds.test(failedWhen, v);
            r.put("failed_when_result", failed);
        }
        if (failed) r.put("failed", true);
        else r.remove("failed");
        return r;
    }
}
