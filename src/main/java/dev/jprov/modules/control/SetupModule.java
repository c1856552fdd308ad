package dev.jprov.modules.control;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.SystemFacts;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import dev.jprov.modules.ShellProbeInvocation;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's setup (and gather_facts, which runs it): the host's facts as a task, from the same probe as a play's
 * fact gathering ({@link SystemFacts}). {@code filter} keeps the facts whose names match one of its shell patterns,
 * as setup's fnmatch does; gather_subset, gather_timeout and fact_path are accepted (jprov gathers one fixed set).
 */
public final class SetupModule implements Module {

    @Override
    public List<String> names() {
        return List.of("setup", "ansible.builtin.setup", "gather_facts", "ansible.builtin.gather_facts");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        List<String> filter = args.list("filter");
        args.list("gather_subset");
        args.value("gather_timeout");
        args.value("fact_path");
        args.value("parallel");
        args.finish();
        List<PathMatcher> matchers = new ArrayList<>();
        for (String f : filter) if (!f.isEmpty()) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + f));
        return new ShellProbeInvocation() {
            @Override
            public Probe.Shell probe() {
                return SystemFacts.PROBE;
            }

            @Override
            public Planned plan(ProbeAnswer answer) {
                Map<String, Object> facts = new LinkedHashMap<>();
                SystemFacts.parse(answer).forEach((k, v) -> {
                    if (matchers.isEmpty() || matchers.stream().anyMatch(m -> m.matches(Path.of(k)))) facts.put(k, v);
                });
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ansible_facts", facts);
                return Planned.ok(result).withEffects(RunEffects.gathers(facts));
            }
        };
    }
}
