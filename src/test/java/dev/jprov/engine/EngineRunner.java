package dev.jprov.engine;

import dev.jprov.modules.registry.ModuleRegistry;
import dev.jprov.playbook.Playbook;
import dev.jprov.playbook.PlaybookLoader;
import dev.jprov.playbook.TagSelector;
import dev.jprov.report.Event;
import dev.jprov.report.Recap;
import dev.jprov.run.EngineWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a playbook through the real engine ({@link PlaybookRun}) on one inventory host, box1, whose session runs
 * over a {@link RecordingShell}: no root, no sshd, no testbed. The host's files live under a directory of the
 * test's, given to the playbook as {@code base}. One runner serves a test class: setting up the templating is the
 * slow part.
 */
final class EngineRunner {
    static final String HOST = "box1";

    private final Templating templating = EngineWiring.templating();
    private final ModuleRegistry modules = ModuleRegistry.builtin();

    /** A finished run: what the engine returned and reported, and box1's round trips. */
    record Run(PlaybookRun.Result result, List<Event.TaskResult> results, List<RecordingShell.Trip> trips) {

        Recap.Counts recap() {
            return result.recap().get(HOST);
        }

        /** "task=status" for each result line of box1 (a loop item is a line), in order. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Event.TaskResult r : results) out.add(r.title() + "=" + r.status().name().toLowerCase());
            return out;
        }

        /** The kinds of box1's round trips, in order. */
        List<RecordingShell.Kind> kinds() {
            return trips.stream().map(RecordingShell.Trip::kind).toList();
        }

        /** The place in {@link #trips} of the first change round trip whose script says {@code text}. */
        int changedIn(String text) {
            for (int i = 0; i < trips.size(); i++) {
                if (trips.get(i).kind() == RecordingShell.Kind.CHANGE && trips.get(i).mentions(text)) return i;
            }
            throw new AssertionError("no change round trip says " + text + "\n" + this);
        }

        long changeTrips() {
            return kinds().stream().filter(k -> k == RecordingShell.Kind.CHANGE).count();
        }

        Event.TaskResult result(String title) {
            return results.stream().filter(r -> r.title().equals(title)).findFirst()
                    .orElseThrow(() -> new AssertionError("no result for " + title + " in " + lines()));
        }

        @Override
        public String toString() {
            return "results " + lines() + "\nrecap " + result.recap() + "\ntrips " + kinds();
        }
    }

    /** Where box1's files are for a run in {@code dir}: the playbook's {@code base}. */
    static Path base(Path dir) {
        return dir.resolve("host");
    }

    /**
     * Runs a play on box1 in {@code dir}: {@code play} is its sections (tasks, handlers, ...) as YAML, run without
     * gathering facts, or a whole playbook ("- hosts: ..."); box1's files are under {@link #base}.
     */
    Run run(Path dir, String play) {
        return run(dir, play, false);
    }

    Run check(Path dir, String play) {
        return run(dir, play, true);
    }

    /**
     * Runs a play on box1 and {@code others} more local hosts (box2, box3 ...), all with box1's {@code base};
     * the results and round trips are box1's, the recap everyone's.
     */
    Run runOnHosts(Path dir, int others, String play) {
        return run(dir, play, false, others, null);
    }

    /** A run where the host's session is {@code session} (over a connection the test made). */
    Run run(Path dir, String play, HostSession session) {
        return run(dir, play, false, 0, session);
    }

    private Run run(Path dir, String play, boolean check) {
        return run(dir, play, check, 0, null);
    }

    private Run run(Path dir, String play, boolean check, int others, HostSession session) {
        try {
            Path base = Files.createDirectories(base(dir));
            Path inventory = dir.resolve("hosts.yaml");
            StringBuilder more = new StringBuilder();
            for (int i = 2; i <= others + 1; i++) more.append("    box").append(i).append(":\n");
            Files.writeString(inventory, """
                    all:
                      hosts:
                        %s:
                          ansible_connection: local
                    %s  vars:
                        base: %s
                        ansible_connection: local
                    """.formatted(HOST, more, base));
            Path file = dir.resolve("play.yaml");
            // a whole playbook (several plays) is written as it is
            Files.writeString(file, play.startsWith("- ") ? play : "- hosts: all\n  gather_facts: false\n" + play.indent(2));
            RunOptions options = new RunOptions(List.of(inventory), List.of(file), check, false, Optional.empty(),
                    List.of(), List.of(), Map.of(), 5, Optional.empty(), Optional.empty(), 0, false,
                    Optional.empty(), Optional.empty(), List.of(), Duration.ofSeconds(10), false, false, false);
            PlaybookLoader loader = new PlaybookLoader(modules::isModule, List.of());
            Playbook loaded = loader.load(file);
            List<Event.TaskResult> results = new ArrayList<>();
            PlaybookRun engine = new PlaybookRun(options, EngineWiring.inventory(inventory), modules::find,
                    templating, EngineWiring.includes(loader), TagSelector.ALL::selects, List.of(event -> {
                        if (event instanceof Event.TaskResult r && r.host().equals(HOST)) {
                            synchronized (results) {
                                results.add(r);
                            }
                        }
                    }));
            try (RecordingTargets targets = new RecordingTargets(check)) {
                if (session != null) targets.use(HOST, session);
                PlaybookRun.Result result = engine.run(List.of(loaded), targets);
                return new Run(result, List.copyOf(results), targets.trips(HOST));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
