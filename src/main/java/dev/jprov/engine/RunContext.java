package dev.jprov.engine;

import dev.jprov.modules.Module;
import dev.jprov.report.Event;
import dev.jprov.report.Recap;
import dev.jprov.report.Reporter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What every part of one run shares: options, modules, templating, reporters and the recap counters. */
record RunContext(RunOptions options, Function<String, Optional<Module>> modules, Templating templating,
                  List<Reporter> reporters, Recap recap, String backupSuffix, String runId) {

    void report(Event event) {
        for (Reporter r : reporters) r.on(event);
    }
}
