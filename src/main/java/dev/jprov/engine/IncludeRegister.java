package dev.jprov.engine;

import dev.jprov.playbook.Loop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code register} keeps of an include_tasks or include_role, as ansible-core 2.14's TaskExecutor returns it
 * before the included tasks run: {@code include} (the file, include_tasks only) and {@code include_args}, changed
 * false; a loop's items under {@code results}; a skipped include (or item) as a skipped task's result.
 */
final class IncludeRegister {
    private IncludeRegister() {
    }

    /** {@code one} gives an iteration's own keys (include, include_args). */
    static Map<String, Object> of(List<IncludeIterations.Iteration> iterations, Loop loop,
                                  Function<IncludeIterations.Iteration, Map<String, Object>> one) {
        if (loop == null) {
            if (iterations.isEmpty()) return skipped();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.putAll(one.apply(iterations.get(0)));
            return r;
        }
        String loopVar = loop.control() == null || loop.control().loopVar() == null ? "item" : loop.control().loopVar();
        List<Object> results = new ArrayList<>();
        boolean allSkipped = true;
        for (IncludeIterations.Iteration it : iterations) {
            Map<String, Object> r = it.skipped() ? skipped() : new LinkedHashMap<>(one.apply(it));
            allSkipped &= it.skipped();
            r.put(loopVar, it.vars().get(loopVar));
            r.put("ansible_loop_var", loopVar);
            results.add(r);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("msg", allSkipped && !results.isEmpty() ? "All items skipped" : "All items completed");
        r.put("results", results);
        r.put("skipped", allSkipped && !results.isEmpty());
        return r;
    }

    private static Map<String, Object> skipped() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skip_reason", "Conditional result was False");
        r.put("skipped", true);
        return r;
    }
}
