package dev.jprov.engine;

import dev.jprov.playbook.Block;
import dev.jprov.playbook.Play;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.playbook.VarsFile;
import dev.jprov.report.Event;
import dev.jprov.source.LoadException;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs one play: picks its hosts (pattern, --limit, minus hosts that already failed), splits them into serial
 * batches, runs each batch's hosts in parallel on virtual threads (at most --forks at once), and applies
 * any_errors_fatal and max_fail_percentage between batches.
 */
final class PlayRun {
    private final RunContext run;
    private final InventoryView inventory;
    private final Targets targets;
    private final Includes includes;
    private final Predicate<List<String>> tagSelected;
    private final Map<String, HostState> hosts;
    private final AtomicInteger taskKeys;
    private final FactStore factStore;
    private final Map<Path, Map<String, Object>> varsFileCache = new java.util.concurrent.ConcurrentHashMap<>();

    PlayRun(RunContext run, InventoryView inventory, Targets targets, Includes includes,
            Predicate<List<String>> tagSelected, Map<String, HostState> hosts, AtomicInteger taskKeys,
            FactStore factStore) {
        this.factStore = factStore;
        this.run = run;
        this.inventory = inventory;
        this.targets = targets;
        this.includes = includes;
        this.tagSelected = tagSelected;
        this.hosts = hosts;
        this.taskKeys = taskKeys;
    }

    /** The play's host patterns as rendered (messages show what was matched, not the template). */
    private List<String> renderedPatterns(Play play) {
        List<String> out = new ArrayList<>();
        for (String pattern : play.hosts()) {
            try {
                Object rendered = run.templating().render(pattern, playVars(play), play.location());
                for (Object p : rendered instanceof List<?> l ? l : List.of(rendered)) out.add(run.templating().text(p));
            } catch (TemplateError e) {
                out.add(pattern);
            }
        }
        return out;
    }

    /** The vars a play's own keywords are templated with before it runs: its vars, extra vars on top. */
    private Map<String, Object> playVars(Play play) {
        Map<String, Object> v = new java.util.LinkedHashMap<>(play.vars());
        v.putAll(run.options().extraVars());
        return v;
    }

    /** The play's banner name, templated as Ansible templates the name (by default its hosts) after loading. */
    private String displayName(Play play) {
        String name = play.displayName();
        if (!name.contains("{{") && !name.contains("{%")) return name;
        try {
            return run.templating().text(run.templating().render(name, playVars(play), play.location()));
        } catch (TemplateError e) {
            return name;
        }
    }

    /** The hosts a play runs on, in inventory order. */
    List<String> hostsOf(Play play) {
        LinkedHashSet<String> selected = new LinkedHashSet<>();
        for (String pattern : play.hosts()) {
            // Ansible templates hosts with the play's vars and extra vars; a list it renders to is a list of patterns
            Object rendered = run.templating().render(pattern, playVars(play), play.location());
            for (Object p : rendered instanceof List<?> l ? l : List.of(rendered)) {
                selected.addAll(inventory.match(run.templating().text(p)));
            }
        }
        if (run.options().limit().isPresent()) selected.retainAll(inventory.match(run.options().limit().get()));
        List<String> out = new ArrayList<>();
        for (String h : selected) {
            HostState s = hosts.computeIfAbsent(h, name -> {
                HostState fresh = new HostState(name);
                fresh.facts.putAll(factStore.load(name)); // a persistent fact cache's facts, as Ansible's
                return fresh;
            });
            if (s.active()) out.add(h);
        }
        return out;
    }

    /**
     * Runs the play; false when the run must stop here, as ansible-playbook stops (runs no later play) when
     * every host of a batch failed, max_fail_percentage was exceeded or any_errors_fatal struck.
     */
    boolean run(Play play) throws InterruptedException {
        List<String> playHosts = hostsOf(play);
        if (playHosts.isEmpty()) {
            // as Ansible: the inventory's warning, then the banner of a play with no hosts
            run.report(new Event.Warning("Could not match supplied host pattern, ignoring: "
                    + String.join(",", renderedPatterns(play))));
            run.report(new Event.PlayStarted(displayName(play), playHosts, run.options().check()));
            return true;
        }
        Double maxFail = maxFailPercentage(play);
        // Lockstep needs every host of a batch running at once; with fewer forks the hosts run ahead.
        boolean lockstep = (maxFail != null || anyErrorsFatal(play)) && run.options().forks() >= playHosts.size();
        List<List<String>> batches = batches(play, playHosts);
        java.util.Set<String> removed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (List<String> batch : batches) {
            // Ansible starts every serial batch with the play's banner.
            run.report(new Event.PlayStarted(displayName(play), batch, run.options().check()));
            PlayShared shared = new PlayShared(play, playHosts, batch, taskKeys, maxFail, lockstep,
                    run.options().forks() >= batch.size(), removed);
            runBatch(play, shared);
            long failed = batch.stream().filter(h -> !hosts.get(h).active()).count();
            if (shared.breakPlaybook.get() || failed == batch.size()) return false;
            if (shared.stopAll.get()) break; // meta: end_play ends the play, later plays still run
        }
        return true;
    }

    /** Whether a task of the play may have any_errors_fatal (play keywords are folded into every task's). */
    private static boolean anyErrorsFatal(Play play) {
        if (play.keywords() != null && play.keywords().anyErrorsFatal() != null) return true;
        java.util.ArrayDeque<TaskNode> todo = new java.util.ArrayDeque<>(play.allTasks());
        while (!todo.isEmpty()) {
            switch (todo.pop()) {
                case Task t -> {
                    if (t.keywords().anyErrorsFatal() != null) return true;
                }
                case Block b -> {
                    todo.addAll(b.block());
                    todo.addAll(b.rescue());
                    todo.addAll(b.always());
                }
                default -> { }
            }
        }
        return false;
    }

    private void runBatch(Play play, PlayShared shared) throws InterruptedException {
        Semaphore forks = new Semaphore(Math.max(1, run.options().forks()));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (String name : shared.batch) {
                HostState host = hosts.get(name);
                running.add(pool.submit(() -> {
                    forks.acquireUninterruptibly();
                    try {
                        Map<String, Object> varsFiles = varsFiles(play, host);
                        HostVars vars = new HostVars(host, play, inventory, run, varsFiles, shared, hosts);
                        new HostPlay(run, shared, host, vars, targets, includes, tagSelected).run();
                    } finally {
                        shared.hostEnds(name); // in case it could not start: the others must not wait for it
                        forks.release();
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private Double maxFailPercentage(Play play) {
        if (play.maxFailPercentage() == null) return null;
        Object rendered = run.templating().render(play.maxFailPercentage(), run.options().extraVars(),
                play.location());
        return Double.parseDouble(String.valueOf(rendered).replace("%", "").trim());
    }

    /** serial: a number, a percentage, or a list of them (the last one repeats), as in Ansible. */
    List<List<String>> batches(Play play, List<String> playHosts) {
        if (play.serial().isEmpty()) return List.of(playHosts);
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        int step = 0;
        while (i < playHosts.size()) {
            Object spec = play.serial().get(Math.min(step, play.serial().size() - 1));
            Object rendered = run.templating().render(spec, run.options().extraVars(), play.location());
            String s = String.valueOf(rendered).trim();
            int size;
            if (s.endsWith("%")) {
                double pct = Double.parseDouble(s.substring(0, s.length() - 1));
                size = (int) (playHosts.size() * pct / 100.0);
            } else {
                size = (int) Double.parseDouble(s);
            }
            if (size <= 0) size = playHosts.size();
            out.add(playHosts.subList(i, Math.min(playHosts.size(), i + size)));
            i += size;
            step++;
        }
        return out;
    }

    /** vars_files for a host: paths rendered with the play's and the host's variables, first existing of a list. */
    private Map<String, Object> varsFiles(Play play, HostState host) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (play.varsFiles().isEmpty()) return out;
        Map<String, Object> v = new LinkedHashMap<>(inventory.vars(host.name, HostVars.playbookDirs(play)));
        v.putAll(play.vars());
        v.putAll(run.options().extraVars());
        v.put("inventory_hostname", host.name);
        v.put("playbook_dir", play.baseDir().toString());
        for (VarsFile vf : play.varsFiles()) {
            Path found = null;
            for (String candidate : vf.candidates()) {
                Path p = play.baseDir().resolve(String.valueOf(run.templating().render(candidate, v, vf.location())));
                if (Files.isRegularFile(p)) {
                    found = p;
                    break;
                }
            }
            if (found == null) {
                throw new LoadException(vf.location(), "vars file " + String.join(", ", vf.candidates())
                        + " was not found");
            }
            out.putAll(varsFileCache.computeIfAbsent(found.toAbsolutePath().normalize(), this::readVarsFile));
        }
        return out;
    }

    /** A vars file's variables: read once per run, not once per host. */
    private Map<String, Object> readVarsFile(Path file) {
        YamlNode node = new YamlReader(run.secrets()).read(file);
        Map<String, Object> vars = new LinkedHashMap<>();
        if (node == null) return vars;
        if (!(node.toPlain() instanceof Map<?, ?> m)) {
            throw new LoadException(node.location(), "a vars file must be a mapping of variable names");
        }
        m.forEach((k, val) -> vars.put(String.valueOf(k), val));
        return vars;
    }
}
