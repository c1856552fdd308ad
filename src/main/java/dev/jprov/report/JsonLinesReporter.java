package dev.jprov.report;

import dev.jprov.plan.Diff;
import dev.jprov.pyformat.PythonJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every event as one JSON object per line, for tools and CI logs. no_log results are censored. */
public final class JsonLinesReporter implements Reporter {
    private static final PythonJson COMPACT = PythonJson.dumps(null, true, true);
    private final Writer out;

    public JsonLinesReporter(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void on(Event event) {
        Map<String, Object> o = new LinkedHashMap<>();
        switch (event) {
            case Event.PlayStarted p -> {
                o.put("event", "play");
                o.put("name", p.name());
                o.put("hosts", p.hosts());
                o.put("check", p.check());
            }
            case Event.TaskResult r -> {
                o.put("event", "task");
                o.put("host", r.host());
                o.put("task", r.title());
                o.put("handler", r.handler());
                o.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
                if (r.item() != null) o.put("item", r.noLog() ? null : r.item());
                if (!r.noLog()) {
                    List<Map<String, Object>> diffs = new ArrayList<>();
                    for (Diff d : r.diffs()) diffs.add(Map.of("subject", d.afterHeader(), "unified",
                            UnifiedDiff.render(d)));
                    o.put("diffs", diffs);
                    o.put("commands", r.commands());
                    o.put("result", r.result());
                }
            }
            case Event.HostFinished h -> {
                o.put("event", "host_finished");
                o.put("host", h.host());
            }
            case Event.RunEnded e -> {
                o.put("event", "recap");
                Map<String, Object> hosts = new LinkedHashMap<>();
                e.recap().forEach((h, c) -> hosts.put(h, Map.of("ok", c.ok(), "changed", c.changed(),
                        "unreachable", c.unreachable(), "failed", c.failed(), "skipped", c.skipped(),
                        "rescued", c.rescued(), "ignored", c.ignored())));
                o.put("hosts", hosts);
                o.put("round_trips", e.roundTrips());
                o.put("connections", e.connections());
            }
            case Event.Retrying r -> {
                o.put("event", "retrying");
                o.put("host", r.host());
                o.put("task", r.title());
                o.put("retries_left", r.retriesLeft());
            }
            case Event.MetaRan m -> {
                o.put("event", "meta");
                o.put("host", m.host());
                if (m.warning() != null) o.put("warning", m.warning());
            }
            case Event.Warning w -> {
                o.put("event", "warning");
                o.put("message", w.message());
            }
        }
        try {
            out.write(COMPACT.write(o));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
