package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.ArgsException;
import dev.jprov.playbook.Block;
import dev.jprov.playbook.IncludeRole;
import dev.jprov.playbook.IncludeTasks;
import dev.jprov.playbook.LoadedRole;
import dev.jprov.playbook.Meta;
import dev.jprov.playbook.RoleUse;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.playbook.Until;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.source.LoadException;
import dev.jprov.transport.TransportException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One host's way through one play: gather facts, pre_tasks, handlers, roles and tasks, handlers, post_tasks,
 * handlers, with blocks, includes and handlers as Ansible runs them. Hosts run ahead of each other (each on its
 * own virtual thread); the probes of upcoming tasks ride along with the current task's probe round.
 * <p>
 * A task whose outcome nothing reads right away (see {@link #mayWait}) does not wait for its changes: they queue
 * on the host's session with the next tasks', and are made in one round trip when a probe needs what they leave,
 * a task needs its own result, or the list of tasks ends. Its result is reported then, in task order; if its
 * change failed, the later tasks' changes were not made and the host's play ends at it, as if run one by one.
 */
final class HostPlay {

    /** A task failed on this host and was not ignored: unwinds to the nearest rescue, or ends the host's play. */
    private static final class TaskFailed extends RuntimeException {
        final Task task;
        final Map<String, Object> result;

        TaskFailed(Task task, Map<String, Object> result) {
            super(null, null, false, false);
            this.task = task;
            this.result = result;
        }
    }

    /** meta: end_host / end_play, unreachable hosts and any_errors_fatal: this host stops without failing more. */
    private static final class StopHost extends RuntimeException {
        StopHost() {
            super(null, null, false, false);
        }
    }

    private final RunContext run;
    private final PlayShared shared;
    private final HostState host;
    private final HostVars vars;
    private final Targets targets;
    private final Includes includes;
    private final Predicate<List<String>> tagSelected;
    private final TaskRunner runner;
    private final LoopItems loops;
    private final Lookahead ahead;
    private final Set<String> notified = new LinkedHashSet<>();
    // Tasks planned on this host whose outcomes wait for their queued changes, oldest first.
    private final java.util.ArrayDeque<Waiting> waiting = new java.util.ArrayDeque<>();
    private final List<Task> handlers;
    private int handlerRound; // handlers run at each flush: each run of one is its own report block
    private HostSession session;

    HostPlay(RunContext run, PlayShared shared, HostState host, HostVars vars, Targets targets, Includes includes,
             Predicate<List<String>> tagSelected) {
        this.run = run;
        this.shared = shared;
        this.host = host;
        this.vars = vars;
        this.targets = targets;
        this.includes = includes;
        this.tagSelected = tagSelected;
        this.runner = new TaskRunner(run);
        this.loops = new LoopItems(run.templating());
        this.handlers = new ArrayList<>(shared.play.handlers());
        this.ahead = new Lookahead(runner, vars, tagSelected, this::contexts, loops);
    }

    void run() {
        shared.hostStarts(host.name);
        try {
            try {
                session = targets.session(host.name, vars.connectionVars());
            } catch (TransportException e) {
                unreachable(shared.keyOf(shared.play), "Gathering Facts", e);
                return;
            }
            gatherFacts();
            runSection(shared.play.preTasks());
            flushHandlers();
            List<TaskNode> main = new ArrayList<>(shared.play.roleTasks());
            main.addAll(shared.play.tasks());
            runSection(main);
            flushHandlers();
            runSection(shared.play.postTasks());
            flushHandlers();
        } catch (TaskFailed e) {
            host.failed = true;
            // Ansible runs the notified handlers of a failed host only with force_handlers.
            if (isForceHandlers()) {
                try {
                    flushHandlers();
                } catch (RuntimeException ignored) {
                    // the host has failed already; a handler failure adds nothing to report
                }
            }
            if (anyErrorsFatal(e.task) || shared.failedTooMany()) {
                shared.breakPlaybook.set(true);
                shared.stop();
            }
        } catch (StopHost e) {
            // stopped on purpose: nothing more to report for this host in this play
        } finally {
            // set the flags above before leaving: hosts waiting for this one in lockstep then see them
            shared.hostEnds(host.name);
            run.report(new Event.HostFinished(host.name));
        }
    }

    private boolean isForceHandlers() {
        return shared.play.forceHandlers() != null && runner.isTrue(shared.play.forceHandlers(), vars.play(), false);
    }

    private boolean anyErrorsFatal(Task task) {
        return task != null && runner.isTrue(task.keywords().anyErrorsFatal(), vars.play(), false);
    }

    private void gatherFacts() {
        boolean gather = shared.play.gatherFacts() == null
                || runner.isTrue(shared.play.gatherFacts(), vars.play(), true);
        if (!gather) return;
        shared.step(host.name);
        shared.progress.taskStarted(host.name);
        int key = shared.keyOf(shared.play);
        try {
            ahead.enter(allTasks(), Map.of());
            Map<Probe, Object> answers = session.answers(List.of(GatherFacts.PROBE), ahead::probes);
            ahead.leave();
            Map<String, Object> facts = GatherFacts.parse((ProbeAnswer) answers.get(GatherFacts.PROBE));
            host.facts.putAll(facts);
            run.recap().count(host.name, Status.OK);
            run.report(new Event.TaskResult(host.name, key, "Gathering Facts", false, Status.OK, null, "",
                    List.of(), List.of(), Map.of("changed", false), false));
        } catch (TransportException e) {
            unreachable(key, "Gathering Facts", e);
            throw new StopHost();
        } catch (ProbeBatch.ProbeFailure e) {
            fail(key, "Gathering Facts", null, Map.of("changed", false, "msg", e.getMessage()));
        }
    }

    private List<TaskNode> allTasks() {
        return shared.play.allTasks();
    }

    private void runSection(List<TaskNode> nodes) {
        runNodes(nodes, Map.of());
    }

    private void runNodes(List<TaskNode> nodes, Map<String, Object> includeVars) {
        Lookahead.Frame frame = ahead.enter(nodes, includeVars);
        try {
            for (int i = 0; i < nodes.size(); i++) {
                frame.next = i + 1;
                if (shared.stopAll.get()) {
                    settle();
                    throw new StopHost();
                }
                runNode(nodes.get(i), includeVars);
            }
            settle();
        } finally {
            ahead.leave();
        }
    }

    private void runNode(TaskNode node, Map<String, Object> includeVars) {
        // Blocks, includes and meta see this host's earlier tasks done: a rescue only catches its own block's.
        if (!(node instanceof Task)) settle();
        switch (node) {
            case Task t -> runTask(t, includeVars, false);
            case Block b -> runBlock(b, includeVars);
            case IncludeTasks inc -> runIncludeTasks(inc, includeVars);
            case IncludeRole inc -> runIncludeRole(inc, includeVars);
            case Meta m -> runMeta(m, includeVars);
        }
    }

    private void runBlock(Block b, Map<String, Object> includeVars) {
        TaskFailed failure = null;
        try {
            runNodes(b.block(), includeVars);
        } catch (TaskFailed e) {
            failure = e;
        }
        if (failure != null && !b.rescue().isEmpty()) {
            run.recap().count(host.name, Status.RESCUED);
            host.setFacts.put("ansible_failed_task", Map.of("name", failure.task.displayName()));
            host.setFacts.put("ansible_failed_result", failure.result);
            try {
                runNodes(b.rescue(), includeVars);
                failure = null;
            } catch (TaskFailed e) {
                failure = e;
            }
        }
        runNodes(b.always(), includeVars);
        if (failure != null) throw failure;
    }

    private void runTask(Task task, Map<String, Object> includeVars, boolean handler) {
        if (!handler && !tagSelected.test(task.keywords().tags())) return;
        if (shared.step(host.name)) throw new StopHost();
        shared.progress.taskStarted(host.name);
        int key = handler ? shared.keyOf(task, handlerRound) : shared.keyOf(task);
        Map<String, Object> taskVars = vars.forTask(task.role(), task.keywords().vars(), includeVars);
        String title = task.displayName();
        boolean runOnce = runner.isTrue(task.keywords().runOnce(), taskVars, false);
        if (mayWait(task, taskVars, handler, runOnce)) {
            planWaiting(task, taskVars, key, title);
            return;
        }
        settle();
        TaskRunner.Outcome outcome;
        if (runOnce) {
            // Ansible runs it on the first host of the batch; the others get its result.
            RunOnceKey once = new RunOnceKey(task);
            CompletableFuture<TaskRunner.Outcome> slot = shared.runOnce.computeIfAbsent(once,
                    k -> new CompletableFuture<>());
            boolean here = shared.progress.awaitTurn(host.name, slot::isDone) && shared.runOnceClaims.add(once);
            if (!here) {
                outcome = shared.progress.parked(host.name, slot::join);
                afterTask(task, taskVars, outcome);
                return;
            }
            try {
                outcome = execute(task, taskVars, key, title, handler);
            } catch (RuntimeException e) {
                slot.complete(new TaskRunner.Outcome(Status.FAILED, Map.of("failed", true, "msg",
                        String.valueOf(e.getMessage())), false));
                shared.progress.signal();
                throw e;
            }
            slot.complete(outcome);
            shared.progress.signal();
        } else {
            outcome = execute(task, taskVars, key, title, handler);
        }
        afterTask(task, taskVars, outcome);
    }

    /**
     * Whether the task's outcome may wait until its changes are made with later tasks': nothing reads it sooner
     * (no register, retries or failure handling of its own), it runs in the host's own session, and no other host
     * waits on this one task by task (lockstep). Check mode makes no changes, so nothing there waits.
     */
    private boolean mayWait(Task task, Map<String, Object> taskVars, boolean handler, boolean runOnce) {
        var k = task.keywords();
        return !handler && !runOnce && !run.options().check() && !shared.lockstep()
                && task.register() == null && task.until() == null
                && task.changedWhen().isEmpty() && task.failedWhen().isEmpty()
                && k.delegateTo() == null && k.checkMode() == null
                && k.become() == null && k.becomeUser() == null && k.becomeMethod() == null
                && !runner.isTrue(k.ignoreErrors(), taskVars, false)
                && !runner.isTrue(k.anyErrorsFatal(), taskVars, false);
    }

    /** A task planned whose outcome waits for the host's queued changes. */
    private record Waiting(Task task, Map<String, Object> vars, int key, String title, TaskRunner.Planning planning) {}

    /** Plans a task whose outcome may wait, and queues it (it is settled at once when a later task needs that). */
    private void planWaiting(Task task, Map<String, Object> taskVars, int key, String title) {
        TaskRunner.Planning planning;
        try {
            List<PreparedCall> calls = runner.prepare(task, taskVars, contexts(task), loops);
            planning = runner.plan(session, task, calls, taskVars, ahead::probes, key, host.name, false);
        } catch (PendingFailure e) {
            settle(); // reports the earlier task's failure, which ends the host's play there
            afterTask(task, taskVars, fail(key, title, task, mapOf("changed", false, "msg", e.getMessage())));
            return;
        } catch (TransportException e) {
            throw lost(key, title, e);
        } catch (TemplateError | ArgsException | LoadException | ProbeBatch.ProbeFailure e) {
            settle();
            afterTask(task, taskVars, fail(key, title, task, mapOf("changed", false, "msg", e.getMessage())));
            return;
        }
        waiting.add(new Waiting(task, taskVars, key, title, planning));
        if (planning.affectsLaterTasks() || (!planning.waiting() && waiting.size() == 1)) settle();
    }

    /** Makes the queued changes and reports the waiting tasks in order; throws at the first that failed. */
    private void settle() {
        while (!waiting.isEmpty()) settleOldest();
    }

    private void settleOldest() {
        Waiting w = waiting.peekFirst();
        TaskRunner.Outcome outcome;
        try {
            outcome = w.planning().finish();
        } catch (TransportException e) {
            throw lost(w.key(), w.title(), e);
        }
        waiting.removeFirst();
        record(outcome);
        try {
            afterTask(w.task(), w.vars(), outcome);
        } catch (TaskFailed f) {
            waiting.clear(); // their changes were not made: the host's play ends at the failed task
            throw f;
        }
    }

    /**
     * The connection died: the waiting tasks whose changes were made before are reported as they ended, and the
     * host is unreachable at the next one (else at this task): whether its changes were made is not known.
     */
    private StopHost lost(int key, String title, TransportException e) {
        while (!waiting.isEmpty() && !waiting.peekFirst().planning().waiting()) settleOldest();
        Waiting first = waiting.peekFirst();
        waiting.clear();
        if (first == null) unreachable(key, title, e);
        else unreachable(first.key(), first.title(), e);
        return new StopHost();
    }

    private void record(TaskRunner.Outcome outcome) {
        for (Event.TaskResult e : outcome.events()) run.report(e);
        if (outcome.status() == Status.IGNORED) {
            run.recap().countIgnored(host.name, Boolean.TRUE.equals(outcome.result().get("changed")));
        } else {
            run.recap().count(host.name, outcome.status());
        }
    }

    private record RunOnceKey(Task task) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RunOnceKey k && k.task == task;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(task);
        }
    }

    /**
     * The session a task runs in: the host's, or, when the task (or its play or block) sets become, one with
     * that become over the same connection.
     */
    private HostSession sessionFor(Task task, Map<String, Object> taskVars) throws TransportException {
        var k = task.keywords();
        if (k.become() == null && k.becomeUser() == null && k.becomeMethod() == null) return session;
        Map<String, Object> cv = new LinkedHashMap<>(vars.connectionVars());
        if (k.become() != null) cv.put("ansible_become", runner.isTrue(k.become(), taskVars, false));
        if (k.becomeUser() != null) {
            cv.put("ansible_become_user", run.templating().render(k.becomeUser(), taskVars, task.location()));
        }
        if (k.becomeMethod() != null) {
            cv.put("ansible_become_method", run.templating().render(k.becomeMethod(), taskVars, task.location()));
        }
        return targets.session(host.name, cv);
    }

    private TaskRunner.Outcome execute(Task task, Map<String, Object> taskVars, int key, String title,
                                       boolean handler) {
        HostSession target = session;
        try {
            target = sessionFor(task, taskVars);
            String delegate = task.keywords().delegateTo() == null ? null
                    : String.valueOf(run.templating().render(task.keywords().delegateTo(), taskVars,
                    task.location()));
            if (delegate != null) {
                target = isLocal(delegate) ? targets.local() : targets.session(delegate,
                        vars.connectionVarsOf(delegate));
            }
            TaskRunner.Outcome outcome = attempt(task, taskVars, key, title, handler, target);
            record(outcome);
            return outcome;
        } catch (TransportException e) {
            unreachable(key, title, e);
            throw new StopHost();
        } catch (TemplateError | ArgsException | LoadException | PendingFailure e) {
            return fail(key, title, task, mapOf("changed", false, "msg", e.getMessage()));
        } catch (ProbeBatch.ProbeFailure e) {
            return fail(key, title, task, mapOf("changed", false, "msg", e.getMessage()));
        }
    }

    /** Runs the task once, or with until: again (re-probing) until its conditions hold or retries run out. */
    private TaskRunner.Outcome attempt(Task task, Map<String, Object> taskVars, int key, String title,
                                       boolean handler, HostSession target)
            throws TransportException, ProbeBatch.ProbeFailure {
        Until until = task.until();
        int attempts = until == null || run.options().check() ? 1
                : Math.max(1, number(until.retries(), taskVars, 3));
        long delay = until == null ? 0 : number(until.delay(), taskVars, 5);
        for (int i = 1; ; i++) {
            List<PreparedCall> calls = runner.prepare(task, taskVars, contexts(task), loops);
            TaskRunner.Outcome outcome = runner.run(target, task, calls, taskVars, ahead::probes, key, host.name,
                    handler);
            if (until == null || i >= attempts || outcome.status() == Status.SKIPPED) return outcome;
            Map<String, Object> v = new LinkedHashMap<>(taskVars);
            if (task.register() != null) v.put(task.register(), outcome.result());
            v.putAll(outcome.result());
            if (outcome.status() != Status.FAILED && runner.holds(until.conditions(), v)) return outcome;
            run.report(new Event.Retrying(host.name, key, title, attempts - i));
            target.forgetAll(); // the next attempt must see the host as it is now
            sleep(delay);
        }
    }

    private int number(Object value, Map<String, Object> v, int fallback) {
        if (value == null) return fallback;
        Object r = run.templating().render(value, v, null);
        try {
            return (int) Double.parseDouble(String.valueOf(r));
        } catch (NumberFormatException e) {
            throw new TemplateError("not a number: " + r, e);
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopHost();
        }
    }

    private TaskRunner.Outcome fail(int key, String title, Task task, Map<String, Object> result) {
        boolean ignore = task != null && runner.isTrue(task.keywords().ignoreErrors(), vars.play(), false);
        Status st = ignore ? Status.IGNORED : Status.FAILED;
        Map<String, Object> r = new LinkedHashMap<>(result);
        r.put("failed", true);
        run.report(new Event.TaskResult(host.name, key, title, false, st, null, String.valueOf(r.get("msg")),
                List.of(), List.of(), TaskRunner.forReporters(r), false));
        run.recap().count(host.name, st);
        TaskRunner.Outcome o = new TaskRunner.Outcome(st, r, false);
        if (task == null && !ignore) throw new TaskFailed(null, r);
        return o;
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static boolean isLocal(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    private void afterTask(Task task, Map<String, Object> taskVars, TaskRunner.Outcome outcome) {
        if (task.register() != null) host.setFacts.put(task.register(), outcome.result());
        if (outcome.status() != Status.FAILED) changeInventory(outcome.result());
        if (outcome.result().get("ansible_facts") instanceof Map<?, ?> facts && outcome.status() != Status.FAILED) {
            facts.forEach((k, v) -> host.setFacts.put(String.valueOf(k), v));
            // Facts a module gathered (jail_facts) are host facts too: ansible_facts.jails, as after setup.
            if (!task.action().module().equals("set_fact")) {
                facts.forEach((k, v) -> host.facts.put(String.valueOf(k), v));
            }
        }
        // A loop's facts (set_fact with loop:) come with its items, applied in item order as Ansible does.
        if (outcome.result().get("results") instanceof List<?> items && outcome.status() != Status.FAILED) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> r && r.get("ansible_facts") instanceof Map<?, ?> facts) {
                    facts.forEach((k, v) -> host.setFacts.put(String.valueOf(k), v));
                }
            }
        }
        if (outcome.changed()) {
            for (String n : task.keywords().notifies()) {
                notified.add(String.valueOf(run.templating().render(n, taskVars, task.location())));
            }
        }
        if (outcome.status() == Status.FAILED) throw new TaskFailed(task, outcome.result());
    }

    /** add_host and group_by results (also per loop item) change the run's inventory. */
    private void changeInventory(Map<String, Object> result) {
        if (result.get("results") instanceof List<?> items) {
            for (Object item : items) if (item instanceof Map<?, ?> m) changeInventory(castMap(m));
        }
        if (result.get("add_host") instanceof Map<?, ?> add) {
            List<String> groups = new ArrayList<>();
            if (add.get("groups") instanceof List<?> l) for (Object g : l) groups.add(String.valueOf(g));
            Map<String, Object> hostVars = add.get("host_vars") instanceof Map<?, ?> hv ? castMap(hv) : Map.of();
            vars.inventory().addHost(String.valueOf(add.get("host_name")), groups, hostVars);
        }
        if (result.get("add_group") != null) {
            vars.inventory().addHost(host.name, List.of(String.valueOf(result.get("add_group"))), Map.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private TaskModuleContext.Factory contexts(Task task) {
        RoleUse role = task.role();
        return v -> new TaskModuleContext(v, role, shared.play.baseDir(), run, host.name,
                runner.isTrue(task.keywords().diff(), v, run.options().diff()));
    }

    private void runIncludeTasks(IncludeTasks inc, Map<String, Object> includeVars) {
        if (!tagSelected.test(inc.keywords().tags())) return;
        Map<String, Object> v = vars.forTask(inc.role(), inc.keywords().vars(), includeVars);
        List<Map<String, Object>> iterations = includeIterations(inc, inc.loop(), inc.keywords().when(), v);
        for (int i = 0; i < iterations.size(); i++) {
            Map<String, Object> itemVars = iterations.get(i);
            if (itemVars == null) continue;
            String file = String.valueOf(run.templating().render(inc.file(), itemVars, inc.location()));
            List<TaskNode> tasks = shared.included(inc, file, i, () -> includes.tasks(inc, file));
            // Ansible counts every file a host includes as ok (it prints "included: FILE for HOST").
            run.recap().count(host.name, Status.OK);
            session.forgetAll(); // what the lookahead guessed before the include is no evidence for it
            runNodes(tasks, scoped(includeVars, inc.keywords().vars(), inc.loop(), itemVars));
        }
    }

    private void runIncludeRole(IncludeRole inc, Map<String, Object> includeVars) {
        if (!tagSelected.test(inc.keywords().tags())) return;
        Map<String, Object> v = vars.forTask(inc.role(), inc.keywords().vars(), includeVars);
        List<Map<String, Object>> iterations = includeIterations(inc, inc.loop(), inc.keywords().when(), v);
        for (int i = 0; i < iterations.size(); i++) {
            Map<String, Object> itemVars = iterations.get(i);
            if (itemVars == null) continue;
            String name = String.valueOf(run.templating().render(inc.roleName(), itemVars, inc.location()));
            LoadedRole loaded = shared.included(inc, name, i, () -> includes.role(inc, name));
            // A role included again (in a loop) brings its handlers once: a notified handler runs once.
            for (Task h : loaded.handlers()) {
                if (handlers.stream().noneMatch(k -> k.displayName().equals(h.displayName())
                        && k.listen().equals(h.listen()))) {
                    handlers.add(h);
                }
            }
            runNodes(loaded.tasks(), scoped(includeVars, inc.keywords().vars(), inc.loop(), itemVars));
        }
    }

    /** What an include's tasks see besides the host's variables: the enclosing include's, its own vars, its item. */
    private static Map<String, Object> scoped(Map<String, Object> includeVars, Map<String, Object> own,
                                              dev.jprov.playbook.Loop loop, Map<String, Object> itemVars) {
        Map<String, Object> scoped = new LinkedHashMap<>(includeVars);
        scoped.putAll(own);
        if (loop != null) {
            String lv = loop.control() == null || loop.control().loopVar() == null ? "item"
                    : loop.control().loopVar();
            scoped.put(lv, itemVars.get(lv));
        }
        return scoped;
    }

    /**
     * The variables of each iteration of an include (one without a loop), with null where its when: is false
     * for that item. Skips are reported as Ansible does: "skipping: [h] => (item=x)", or one "skipping: [h]"
     * (counted as skipped) when nothing is included.
     */
    private List<Map<String, Object>> includeIterations(TaskNode inc, dev.jprov.playbook.Loop loop,
                                                        List<dev.jprov.playbook.Condition> when,
                                                        Map<String, Object> v) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (loop == null) {
            out.add(runner.holds(when, v) ? v : null);
            labels.add(null);
        } else {
            for (LoopItems.Item item : loops.items(loop, v)) {
                out.add(runner.holds(when, item.vars()) ? item.vars() : null);
                labels.add(item.label());
            }
        }
        boolean none = out.stream().allMatch(java.util.Objects::isNull);
        int key = shared.keyOf(inc);
        Map<String, Object> skipped = new LinkedHashMap<>();
        skipped.put("changed", false);
        skipped.put("skip_reason", "Conditional result was False");
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) != null || labels.get(i) == null) continue;
            run.report(new Event.TaskResult(host.name, key, inc.displayName(), false, Status.SKIPPED, labels.get(i),
                    "", List.of(), List.of(), skipped, false));
        }
        if (none) {
            run.report(new Event.TaskResult(host.name, key, inc.displayName(), false, Status.SKIPPED, null, "",
                    List.of(), List.of(), skipped, false));
            run.recap().count(host.name, Status.SKIPPED);
        }
        return out;
    }


    private void runMeta(Meta m, Map<String, Object> includeVars) {
        Map<String, Object> v = vars.forTask(m.role(), m.keywords().vars(), includeVars);
        if (!runner.holds(m.keywords().when(), v)) return;
        switch (m.action()) {
            case FLUSH_HANDLERS -> flushHandlers();
            case END_HOST, END_PLAY -> {
                if (m.action() == dev.jprov.playbook.MetaAction.END_PLAY) shared.stop();
                throw new StopHost();
            }
            case CLEAR_HOST_ERRORS -> host.failed = false;
            case NOOP -> { }
        }
    }

    private void flushHandlers() {
        settle();
        while (!notified.isEmpty()) {
            Set<String> now = new LinkedHashSet<>(notified);
            notified.clear();
            handlerRound++;
            boolean any = false;
            for (Task h : new ArrayList<>(handlers)) {
                boolean hit = (h.name() != null && now.contains(h.name()))
                        || h.listen().stream().anyMatch(now::contains);
                if (!hit) continue;
                any = true;
                session.forgetAll();
                runTask(h, Map.of(), true);
            }
            if (!any && !now.isEmpty()) {
                throw new LoadException(shared.play.location(), "The requested handler '" + now.iterator().next()
                        + "' was not found in either the main handlers list nor in the listening handlers list");
            }
        }
    }

    private void unreachable(int key, String title, TransportException e) {
        host.unreachable = true;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("msg", e.getMessage());
        r.put("unreachable", true);
        run.recap().count(host.name, Status.UNREACHABLE);
        run.report(new Event.TaskResult(host.name, key, title, false, Status.UNREACHABLE, null, e.getMessage(),
                List.of(), List.of(), r, false));
    }
}
