package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The keywords a task inherits from its play, role, blocks and imports. On a loaded task these are the
 * EFFECTIVE values, already combined as Ansible combines them: {@code when} conditions and {@code environment}
 * accumulate outermost first, {@code tags} accumulate, {@code vars} merge with the inner scope winning, and every
 * other keyword is the innermost one that was set (null = never set: the executor applies its default).
 *
 * <p>{@code vars} holds block/import/task vars only; play vars, role vars and role params keep their own
 * precedence levels and live on {@link Play} and {@link RoleUse}.
 */
public record TaskKeywords(
        List<Condition> when,
        List<String> tags,
        Map<String, Object> vars,
        List<Object> environment,
        List<String> notifies,
        Flag become,
        String becomeMethod,
        String becomeUser,
        String remoteUser,
        Flag ignoreErrors,
        Flag ignoreUnreachable,
        Flag checkMode,
        Flag diff,
        Flag noLog,
        Flag runOnce,
        Flag anyErrorsFatal,
        String delegateTo,
        Flag delegateFacts,
        Object throttle) {

    public static final TaskKeywords NONE = new TaskKeywords(List.of(), List.of(), Map.of(), List.of(), List.of(),
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public TaskKeywords {
        when = FrozenValues.list(when);
        tags = FrozenValues.list(List.copyOf(new LinkedHashSet<>(tags)));
        vars = FrozenValues.map(vars);
        environment = FrozenValues.list(environment);
        notifies = FrozenValues.list(notifies);
    }

    /** These keywords (the inner scope) as seen under {@code outer}. */
    public TaskKeywords under(TaskKeywords outer) {
        List<Condition> w = new ArrayList<>(outer.when);
        w.addAll(when);
        List<String> t = new ArrayList<>(outer.tags);
        t.addAll(tags);
        Map<String, Object> v = new LinkedHashMap<>(outer.vars);
        v.putAll(vars);
        List<Object> env = new ArrayList<>(outer.environment);
        env.addAll(environment);
        return new TaskKeywords(w, t, v, env,
                notifies.isEmpty() ? outer.notifies : notifies,
                or(become, outer.become), or(becomeMethod, outer.becomeMethod), or(becomeUser, outer.becomeUser),
                or(remoteUser, outer.remoteUser), or(ignoreErrors, outer.ignoreErrors),
                or(ignoreUnreachable, outer.ignoreUnreachable), or(checkMode, outer.checkMode), or(diff, outer.diff),
                or(noLog, outer.noLog), or(runOnce, outer.runOnce), or(anyErrorsFatal, outer.anyErrorsFatal),
                or(delegateTo, outer.delegateTo), or(delegateFacts, outer.delegateFacts), or(throttle, outer.throttle));
    }

    /** Keywords that only set vars (a dynamic include passes its vars, not its when/tags, to what it includes). */
    static TaskKeywords varsOnly(Map<String, Object> vars) {
        return new TaskKeywords(List.of(), List.of(), vars, List.of(), List.of(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** Keywords that only add conditions and tags (what import_playbook gives the plays it imports). */
    static TaskKeywords whenAndTags(List<Condition> when, List<String> tags) {
        return new TaskKeywords(when, tags, Map.of(), List.of(), List.of(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** A copy without vars (play vars and role-reference vars have their own precedence levels). */
    TaskKeywords withoutVars() {
        return new TaskKeywords(when, tags, Map.of(), environment, notifies, become, becomeMethod, becomeUser,
                remoteUser, ignoreErrors, ignoreUnreachable, checkMode, diff, noLog, runOnce, anyErrorsFatal,
                delegateTo, delegateFacts, throttle);
    }

    private static <T> T or(T inner, T outer) {
        return inner != null ? inner : outer;
    }
}
