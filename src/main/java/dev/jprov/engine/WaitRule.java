package dev.jprov.engine;

import dev.jprov.playbook.Flag;
import dev.jprov.playbook.Task;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a task's outcome may wait until its changes are made with later tasks', told as the reasons it must be
 * settled at once: none means it may wait. It may wait when nothing reads its outcome sooner (no register, retries
 * or failure handling of its own), it runs in the host's own session, and no other host waits on this one task by
 * task (lockstep). Check mode makes no changes, so nothing there waits.
 *
 * @param check    the run is in check mode
 * @param lockstep the play's hosts take each task together (any_errors_fatal, max_fail_percentage)
 */
record WaitRule(boolean check, boolean lockstep) {

    /** Why a task's outcome cannot wait. */
    enum Reason {
        HANDLER, RUN_ONCE, CHECK_MODE, LOCKSTEP, REGISTER, UNTIL, CHANGED_WHEN, FAILED_WHEN, DELEGATE_TO,
        CHECK_MODE_KEYWORD, BECOME, IGNORE_ERRORS, ANY_ERRORS_FATAL, ASYNC, THROTTLE
    }

    /**
     * The reasons {@code task} must settle at once. {@code holds} renders a flag keyword (false when unset); the
     * templated flags are rendered only while no other reason is found, as rendering one may fail.
     */
    Set<Reason> mustSettle(Task task, boolean handler, boolean runOnce, Predicate<Flag> holds) {
        var k = task.keywords();
        Set<Reason> out = EnumSet.noneOf(Reason.class);
        if (handler) out.add(Reason.HANDLER);
        if (runOnce) out.add(Reason.RUN_ONCE);
        if (check) out.add(Reason.CHECK_MODE);
        if (lockstep) out.add(Reason.LOCKSTEP);
        if (task.register() != null) out.add(Reason.REGISTER);
        if (task.until() != null) out.add(Reason.UNTIL);
        if (!task.changedWhen().isEmpty()) out.add(Reason.CHANGED_WHEN);
        if (!task.failedWhen().isEmpty()) out.add(Reason.FAILED_WHEN);
        if (k.delegateTo() != null) out.add(Reason.DELEGATE_TO);
        if (k.throttle() != null) out.add(Reason.THROTTLE); // its changes are made while it holds its place
        if (task.async() != null) out.add(Reason.ASYNC); // its job is waited for (poll) or its id is its result
        if (k.checkMode() != null) out.add(Reason.CHECK_MODE_KEYWORD);
        if (k.become() != null || k.becomeUser() != null || k.becomeMethod() != null) out.add(Reason.BECOME);
        if (out.isEmpty() && holds.test(k.ignoreErrors())) out.add(Reason.IGNORE_ERRORS);
        if (out.isEmpty() && holds.test(k.anyErrorsFatal())) out.add(Reason.ANY_ERRORS_FATAL);
        return out;
    }
}
