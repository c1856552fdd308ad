package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import dev.jprov.transport.TransportException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits for a started async job as ansible-core 2.14's TaskExecutor._poll_async_result does: every poll seconds
 * (the first check after one pause) it asks async_status, until the job is finished, its status failed, or the
 * async seconds are used up; then the job's result is the task's, and its file is removed (async_status
 * mode=cleanup), else the task fails with "async task did not complete within the requested time".
 */
final class AsyncPolls {
    private final Timing timing;

    AsyncPolls(Timing timing) {
        this.timing = timing;
    }

    /** The plan whose result is the finished job's (or the time-out's), in place of {@code launch}'s. */
    Planned await(HostSession session, DetachedCall call, Planned launch) throws TransportException {
        AsyncSettings s = call.settings();
        Map<String, Object> last = null;
        long left = s.async();
        int checks = 0;
        while (left > 0) {
            timing.pause(Duration.ofSeconds(s.poll()));
            try {
                last = status(session, call, ++checks);
            } catch (ProbeBatch.ProbeFailure e) {
                return Planned.failed(e.getMessage(), Map.of());
            }
            if (over(last)) break;
            left -= s.poll();
        }
        if (last == null || !finished(last)) {
            Map<String, Object> r = new LinkedHashMap<>();
            Map<String, Object> status = last == null ? new LinkedHashMap<>() : new LinkedHashMap<>(last);
            status.remove("changed"); // async_status's own result, as Ansible nests it: no changed of the task's
            r.put("async_result", status);
            r.put("changed", false);
            return Planned.failed("async task did not complete within the requested time - " + s.async() + "s", r);
        }
        if (last.get("results_file") instanceof String file) {
            Step rm = new Step.Exec(ShellScript.fill("rm -f -- {}", file), "rm -f -- " + file, true);
            // made now: nothing else may flush the queue before the run ends
            session.enqueue(session.nextTask(), List.of(rm), List.of(Resource.path(file)), Map.of());
            session.flush();
        }
        boolean changed = Boolean.TRUE.equals(last.get("changed"));
        Change kept = changed ? launch.changes().get(0) : Change.none(launch.changes().get(0).subject());
        return Planned.of(List.of(kept), last);
    }

    /** One async_status call, read afresh (its answer is never taken from an earlier round). */
    private static Map<String, Object> status(HostSession session, DetachedCall call, int check)
            throws TransportException, ProbeBatch.ProbeFailure {
        Probe.Shell asked = (Probe.Shell) call.status().probes().get(0);
        Probe.Shell fresh = new Probe.Shell(asked.script() + " # status check " + check, asked.reads());
        Object answer = session.answers(List.of(fresh), List::of).get(fresh);
        Planned p = call.status().plan(new Facts(Map.of(asked, answer)));
        Map<String, Object> r = new LinkedHashMap<>(p.result());
        if (p.outcome() == Planned.Outcome.FAILED) r.put("failed", true);
        r.put("changed", p.changesHost());
        return r;
    }

    /** _poll_async_result stops at a finished job, a failed status or a skipped one. */
    private static boolean over(Map<String, Object> status) {
        return finished(status) || Boolean.TRUE.equals(status.get("failed")) || status.containsKey("skipped");
    }

    private static boolean finished(Map<String, Object> status) {
        return status.get("finished") instanceof Number n && n.intValue() == 1
                || Boolean.TRUE.equals(status.get("finished"));
    }

}
