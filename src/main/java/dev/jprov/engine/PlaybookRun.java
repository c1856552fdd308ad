package dev.jprov.engine;

import dev.jprov.modules.Module;
import dev.jprov.playbook.Play;
import dev.jprov.playbook.Playbook;
import dev.jprov.report.Event;
import dev.jprov.report.Recap;
import dev.jprov.report.Reporter;
import dev.jprov.source.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/** Runs loaded playbooks against the inventory and tells how it went. The CLI wires its parts. */
public final class PlaybookRun {

    /** How the run ended, for the exit code and the benchmark's counters. */
    public record Result(boolean anyFailed, boolean anyUnreachable, Map<String, Recap.Counts> recap,
                         Map<String, Integer> roundTrips, int connections, Optional<RunAborted> aborted) {}

    private final RunOptions options;
    private final InventoryView inventory;
    private final Function<String, Optional<Module>> modules;
    private final Templating templating;
    private final Includes includes;
    private final Predicate<List<String>> tagSelected;
    private final List<Reporter> reporters;
    private final Secrets secrets;
    private final FactStore factStore;

    public PlaybookRun(RunOptions options, InventoryView inventory, Function<String, Optional<Module>> modules,
                       Templating templating, Includes includes, Predicate<List<String>> tagSelected,
                       List<Reporter> reporters) {
        this(options, inventory, modules, templating, includes, tagSelected, reporters, Secrets.NONE, FactStore.MEMORY);
    }

    /**
     * @param secrets opens vault-encrypted vars_files and copy/template sources; masks secrets in every event
     * @param factStore where facts persist between runs (Ansible's fact cache plugin)
     */
    public PlaybookRun(RunOptions options, InventoryView inventory, Function<String, Optional<Module>> modules,
                       Templating templating, Includes includes, Predicate<List<String>> tagSelected,
                       List<Reporter> reporters, Secrets secrets, FactStore factStore) {
        this.secrets = secrets;
        this.factStore = factStore;
        this.options = options;
        this.inventory = inventory;
        this.modules = modules;
        this.templating = templating;
        this.includes = includes;
        this.tagSelected = tagSelected;
        this.reporters = reporters;
    }

    public Result run(List<Playbook> playbooks, Targets targets) throws InterruptedException {
        Recap recap = new Recap();
        RunContext run = new RunContext(options, modules, templating, reporters, recap, targets.backupSuffix(),
                runId(), secrets);
        if (options.flushCache()) {
            // ansible-playbook --flush-cache: every inventory host's cached facts, before the first play
            for (String h : inventory.groups().getOrDefault("all", List.of())) factStore.clear(h);
        }
        Map<String, HostState> hosts = new ConcurrentHashMap<>();
        AtomicInteger keys = new AtomicInteger();
        PlayRun plays = new PlayRun(run, inventory, targets, includes, tagSelected, hosts, keys, factStore);
        Optional<RunAborted> aborted = Optional.empty();
        try {
            run:
            for (Playbook pb : playbooks) {
                for (Play play : pb.plays()) {
                    // No upfront registration: Ansible's recap lists only hosts that ran something.
                    if (!plays.run(play)) break run;
                }
            }
        } catch (RuntimeException e) {
            // the recap of what was done so far is reported all the same
            aborted = Optional.of(RunAborted.of(e, null));
        }
        for (HostState h : hosts.values()) {
            synchronized (h.facts) {
                if (!h.facts.isEmpty()) factStore.save(h.name, new LinkedHashMap<>(h.facts));
            }
        }
        Map<String, Recap.Counts> counts = new LinkedHashMap<>(recap.snapshot());
        Map<String, Integer> trips = targets.roundTrips();
        run.report(new Event.RunEnded(counts, trips, targets.connectionsOpened()));
        boolean failed = hosts.values().stream().anyMatch(h -> h.failed);
        boolean unreachable = hosts.values().stream().anyMatch(h -> h.unreachable);
        return new Result(failed, unreachable, counts, trips, targets.connectionsOpened(), aborted);
    }

    /** jprov_run_id: one id per run, for names that must be unique per run (snapshots before an update). */
    private static String runId() {
        return java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /** Ansible names backups FILE.PID.YYYY-MM-DD@HH:MM:SS~; one suffix per run keeps a run's backups together. */
    public static String backupSuffix() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        return "." + ProcessHandle.current().pid() + "."
                + now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")) + "~";
    }
}
