package dev.jprov.engine;

import dev.jprov.plan.Diff;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result lines Ansible prints for a task on a host. They are returned, not reported, so that the caller
 * reports them when the task's outcome is final (an until: loop shows only its last attempt).
 */
record ResultLines(String host, int taskKey, String title, boolean handler, boolean noLog, boolean showDiff) {

    ResultLines(String host, int taskKey, String title, boolean handler, boolean noLog) {
        this(host, taskKey, title, handler, noLog, false);
    }

    /** A task without a loop: one line, its status the task's own ({@code shown}: IGNORED for an ignored failure). */
    List<Event.TaskResult> ofTask(ItemResult item, Status shown) {
        return List.of(line(shown, item));
    }

    /**
     * A loop: a line per item, with the item's own status; then Ansible closes a loop whose failure is ignored
     * with "...ignoring" and one whose items were all skipped (or that had none) with a plain "skipping: [host]".
     */
    List<Event.TaskResult> ofLoop(List<ItemResult> items, LoopResult loop) {
        List<Event.TaskResult> lines = new ArrayList<>();
        for (ItemResult item : items) lines.add(line(item.status(), item));
        if (loop.status() == Status.IGNORED || loop.status() == Status.SKIPPED) {
            lines.add(line(loop.status(), null, loop.result(), List.of(), List.of()));
        }
        return lines;
    }

    private Event.TaskResult line(Status status, ItemResult item) {
        return line(status, item.label(), item.result(), item.diffs(), item.commands());
    }

    private Event.TaskResult line(Status status, String item, Map<String, Object> result, List<Diff> diffs,
                                  List<String> commands) {
        return new Event.TaskResult(host, taskKey, title, handler, status, item,
                String.valueOf(result.getOrDefault("msg", "")), diffs, commands, forReporters(result), noLog,
                showDiff);
    }

    /**
     * What reporters get of a result: Ansible hands its callbacks a clean copy without {@code failed} and
     * {@code skipped}, since the status says it (so "fatal: [h]: FAILED! => {...}" shows no "failed": true).
     */
    static Map<String, Object> forReporters(Map<String, Object> result) {
        if (!result.containsKey("failed") && !result.containsKey("skipped")) return result;
        Map<String, Object> r = new LinkedHashMap<>(result);
        r.remove("failed");
        r.remove("skipped");
        return r;
    }
}
