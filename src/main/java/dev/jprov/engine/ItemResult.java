package dev.jprov.engine;

import dev.jprov.plan.Diff;
import dev.jprov.report.Status;
import java.util.List;
import java.util.Map;

/**
 * One call's result (a task's, or one loop item's): the map Ansible registers, how it ended, the label shown for
 * its loop item (null outside a loop), and the diffs and commands of its changes for the report.
 */
record ItemResult(Map<String, Object> result, Status status, String label, List<Diff> diffs,
                  List<String> commands) {

    boolean failed() {
        return status == Status.FAILED;
    }

    /** How a task with this one result ends: a failure it ignores (ignore_errors) is IGNORED. */
    Status endedAs(boolean ignoreErrors) {
        return failed() && ignoreErrors ? Status.IGNORED : status;
    }
}
