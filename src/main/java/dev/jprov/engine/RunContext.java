package dev.jprov.engine;

import dev.jprov.modules.Module;
import dev.jprov.report.Event;
import dev.jprov.report.Recap;
import dev.jprov.report.EventMask;
import dev.jprov.report.Reporter;
import dev.jprov.source.Secrets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every part of one run shares: options, modules, templating, reporters and the recap counters, and the
 * vault's secrets (to open encrypted controller files, and to mask what they gave in every event).
 */
record RunContext(RunOptions options, Function<String, Optional<Module>> modules, Templating templating,
                  List<Reporter> reporters, Recap recap, String backupSuffix, String runId, Secrets secrets) {

    /** Every event reaches every reporter through here, so the secrets are masked once for all output channels. */
    void report(Event event) {
        report(List.of(event));
    }

    /**
     * Events that belong together (a task's result lines on one host: its items, then a loop's "...ignoring")
     * reach the reporters with no other host's event between them, as Ansible prints a host's result.
     */
    void report(List<? extends Event> events) {
        synchronized (reporters) {
            for (Event event : events) {
                Event masked = EventMask.mask(event, secrets::mask);
                for (Reporter r : reporters) r.on(masked);
            }
        }
    }
}
