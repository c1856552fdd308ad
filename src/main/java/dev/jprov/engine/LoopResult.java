package dev.jprov.engine;

import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop's one result over its items' (as Ansible registers it): changed when any item changed, failed when any
 * failed, skipped when all were skipped or there were none, and how the task ends.
 */
record LoopResult(Map<String, Object> result, Status status, boolean changed) {

    /** {@code ignoreErrors}: the task's ignore_errors, which turns a failed loop into IGNORED. */
    static LoopResult of(List<ItemResult> items, boolean ignoreErrors) {
        boolean anyChanged = items.stream().anyMatch(i -> i.status() == Status.CHANGED);
        boolean anyFailed = items.stream().anyMatch(ItemResult::failed);
        boolean skipped = items.stream().allMatch(i -> i.status() == Status.SKIPPED);
        List<Map<String, Object>> results = new ArrayList<>();
        for (ItemResult i : items) results.add(i.result());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", anyChanged);
        r.put("msg", anyFailed ? "One or more items failed" : "All items completed");
        r.put("results", results);
        if (skipped) r.put("skipped", true);
        if (anyFailed) r.put("failed", true);
        Status st = anyFailed ? (ignoreErrors ? Status.IGNORED : Status.FAILED)
                : anyChanged ? Status.CHANGED : skipped ? Status.SKIPPED : Status.OK;
        return new LoopResult(r, st, anyChanged);
    }
}
