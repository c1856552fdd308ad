package dev.jprov.engine;

import dev.jprov.playbook.TaskNode;
import java.util.Map;

/**
 * A task failed on a host and was not ignored: unwinds the host's play to the nearest rescue, or ends it. No stack
 * trace: it is control flow, not an error of jprov's.
 */
final class TaskFailed extends RuntimeException {
    final TaskNode task; // null when no task failed but the host's play did (gathering facts)
    final Map<String, Object> result;

    TaskFailed(TaskNode task, Map<String, Object> result) {
        super(null, null, false, false);
        this.task = task;
        this.result = result;
    }
}
