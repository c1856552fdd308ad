package dev.jprov.report;

import dev.jprov.plan.Diff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Markdown review of a run, to attach to a pull request: per host, every task that changes (or would change)
 * something, with its diffs, the commands that run, and the jails it restarts; then the failures; then the recap.
 * Written when the run ends. no_log tasks appear by name only.
 */
public final class MarkdownReview implements Reporter {
    private final Path file;
    private final String title;
    private final Map<String, List<Event.TaskResult>> changes = new TreeMap<>();
    private final Map<String, List<Event.TaskResult>> failures = new TreeMap<>();
    private boolean check;

    public MarkdownReview(Path file, String title) {
        this.file = file;
        this.title = title;
    }

    @Override
    public synchronized void on(Event event) {
        switch (event) {
            case Event.PlayStarted p -> check = p.check();
            case Event.TaskResult r -> {
                if (r.status() == Status.CHANGED) changes.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
                if (r.status() == Status.FAILED || r.status() == Status.UNREACHABLE) {
                    failures.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
                }
            }
            case Event.RunEnded e -> write(e.recap());
            default -> { }
        }
    }

    private void write(Map<String, Recap.Counts> recap) {
        StringBuilder md = new StringBuilder();
        md.append("# jprov review: ").append(title).append("\n\n");
        md.append(check ? "Dry run (`--check`): nothing was changed on the hosts. Each change below is what "
                + "applying would do.\n\n" : "Applied run: each change below was made.\n\n");
        md.append("| host | changed | failed | unreachable | ok | skipped |\n|---|---:|---:|---:|---:|---:|\n");
        new TreeMap<>(recap).forEach((h, c) -> md.append("| ").append(h).append(" | ").append(c.changed())
                .append(" | ").append(c.failed()).append(" | ").append(c.unreachable()).append(" | ")
                .append(c.ok()).append(" | ").append(c.skipped()).append(" |\n"));
        md.append('\n');
        for (Map.Entry<String, List<Event.TaskResult>> host : changes.entrySet()) {
            md.append("## ").append(host.getKey()).append("\n\n");
            List<String> restarts = new ArrayList<>();
            for (Event.TaskResult r : host.getValue()) {
                md.append("### ").append(r.title());
                if (r.item() != null) md.append(" (item=").append(r.noLog() ? "hidden" : r.item()).append(')');
                md.append("\n\n");
                if (r.noLog()) {
                    md.append("_Details hidden: `no_log: true`._\n\n");
                    continue;
                }
                for (Diff d : r.diffs()) {
                    md.append("```diff\n").append(UnifiedDiff.render(d)).append("```\n\n");
                }
                if (!r.commands().isEmpty()) {
                    md.append(check ? "Would run:\n\n" : "Ran:\n\n").append("```sh\n");
                    for (String c : r.commands()) md.append(c).append('\n');
                    md.append("```\n\n");
                }
                if (Boolean.TRUE.equals(r.result().get("restart")) && r.result().get("name") != null) {
                    restarts.add(String.valueOf(r.result().get("name")));
                }
            }
            if (!restarts.isEmpty()) {
                md.append("**Jails restarted:** ").append(String.join(", ", restarts)).append("\n\n");
            }
        }
        if (!failures.isEmpty()) {
            md.append("## Failures\n\n");
            failures.forEach((h, list) -> {
                for (Event.TaskResult r : list) {
                    md.append("- **").append(h).append("** ").append(r.title()).append(": ")
                            .append(r.noLog() ? "(hidden)" : r.message().replace("\n", " ")).append('\n');
                }
            });
            md.append('\n');
        }
        try {
            Files.writeString(file, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write review " + file + ": " + e.getMessage(), e);
        }
    }
}
