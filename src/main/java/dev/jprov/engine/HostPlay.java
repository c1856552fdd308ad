package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.BypassesHostLoop;
import dev.jprov.playbook.Block;
import dev.jprov.playbook.Flag;
import dev.jprov.playbook.IncludeRole;
import dev.jprov.playbook.IncludeTasks;
import dev.jprov.playbook.LoadedRole;
import dev.jprov.playbook.Loop;
import dev.jprov.playbook.Meta;
import dev.jprov.playbook.MetaAction;
import dev.jprov.playbook.MissingFile;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.source.LoadException;
import dev.jprov.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One host's way through one play: gather facts, pre_tasks, handlers, roles and tasks, handlers, post_tasks,
 * handlers, with blocks, includes and handlers as Ansible runs them. Hosts run ahead of each other (each on its
 * own virtual thread); the probes of upcoming tasks ride along with the current task's probe round. Only the order
 * of things is here: tasks whose outcomes wait for queued changes are {@link WaitingTasks}, the rule for which may
 * wait {@link WaitRule}, and what an outcome does to the host {@link TaskEffects}.
 */
final class HostPlay {
    private final RunContext run;
    private final PlayShared shared;
    private final HostState host;
    private final HostVars vars;
    private final Includes includes;
    private final Predicate<List<String>> tagSelected;
    private final TaskRunner runner;
    private final Lookahead ahead;
    private final WaitRule waitRule;
    private final HostReport report;
    private final Handlers handlers;
    private final TaskEffects effects;
    private final WaitingTasks waiting;
    private final TaskSessions sessions;
    private final UntilAttempts attempts;
    private final RunOnce runOnce;
    private final IncludeIterations iterations;
    private final GatheringFacts gathering;
    private HostSession session; // the host's own, once connected
    private final Targets targets;
    private boolean inHandler; // running the tasks of an include_tasks handler

    HostPlay(RunContext run, PlayShared shared, HostState host, HostVars vars, Targets targets, Includes includes,
             Predicate<List<String>> tagSelected) {
        this.run = run;
        this.shared = shared;
        this.host = host;
        this.vars = vars;
        this.includes = includes;
        this.tagSelected = tagSelected;
        this.runner = new TaskRunner(run);
        LoopItems loops = new LoopItems(run.templating());
        ModuleContexts contexts = new ModuleContexts(run, runner, shared.play.baseDir(), host.name);
        this.ahead = new Lookahead(runner, vars, tagSelected, contexts::of, loops);
        TaskPlanner planner = new TaskPlanner(runner, loops, contexts, ahead, host.name);
        this.waitRule = new WaitRule(run.options().check(), shared.lockstep());
        this.report = new HostReport(run, host, vars, runner);
        this.handlers = new Handlers(shared.play.handlers());
        this.effects = new TaskEffects(run, host, vars.inventory(), handlers);
        this.waiting = new WaitingTasks(planner, report, effects);
        this.sessions = new TaskSessions(run, runner, targets, vars, host.name, planner);
        this.targets = targets;
        this.attempts = new UntilAttempts(run, runner, planner, host.name, Timing.SYSTEM);
        this.runOnce = new RunOnce(shared, host.name);
        this.iterations = new IncludeIterations(run, runner, loops, shared, host.name);
        this.gathering = new GatheringFacts(run, shared, host, vars, runner, ahead, report);
    }

    void run() {
        shared.hostStarts(host.name);
        try {
            try {
                session = sessions.own();
            } catch (TransportException e) {
                report.unreachable(shared.keyOf(shared.play), "Gathering Facts", e);
                return;
            }
            gathering.run(session);
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
            shared.removeHost(host.name);
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
        } catch (HostStopped e) {
            // stopped on purpose: nothing more to report for this host in this play
            if (host.unreachable) shared.removeHost(host.name);
        } catch (RuntimeException e) {
            // An abort ends the run (the other hosts stop at the node it happened at); the recap still follows,
            // with the results of this host's tasks that waited for their changes.
            if (!(e instanceof RunAborted)) shared.stop();
            try {
                waiting.settle();
            } catch (RuntimeException settling) {
                e.addSuppressed(settling); // a waiting task's failure: the abort is what the run ends with
            }
            throw RunAborted.of(e, shared.play.location());
        } finally {
            // set the flags above before leaving: hosts waiting for this one in lockstep then see them
            shared.hostEnds(host.name);
            run.report(new Event.HostFinished(host.name));
        }
    }

    private boolean isForceHandlers() {
        // the play's force_handlers wins over --force-handlers, as in Ansible's PlayContext
        return shared.play.forceHandlers() != null ? runner.isTrue(shared.play.forceHandlers(), vars.play(), false)
                : run.options().forceHandlers();
    }

    private boolean anyErrorsFatal(TaskNode task) {
        return task != null && runner.isTrue(task.keywords().anyErrorsFatal(), vars.play(), false, task.location());
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
                    waiting.settle();
                    throw new HostStopped();
                }
                runNode(nodes.get(i), includeVars);
            }
            waiting.settle();
        } finally {
            ahead.leave();
        }
    }

    private void runNode(TaskNode node, Map<String, Object> includeVars) {
        if (!(node instanceof Block) && shared.pastAbort(node)) {
            waiting.settle();
            throw new HostStopped();
        }
        // Blocks, includes and meta see this host's earlier tasks done: a rescue only catches its own block's.
        if (!(node instanceof Task)) waiting.settle();
        try {
            switch (node) {
                case Task t -> runTask(t, includeVars, false);
                case Block b -> runBlock(b, includeVars);
                case IncludeTasks inc -> runIncludeTasks(inc, includeVars);
                case IncludeRole inc -> runIncludeRole(inc, includeVars);
                case Meta m -> runMeta(m, includeVars);
            }
        } catch (TaskFailed | HostStopped e) {
            throw e;
        } catch (RuntimeException e) {
            // an error that is no task's failure: the run stops, naming the innermost task it happened at
            if (!(e instanceof RunAborted)) shared.abortAt(node);
            throw RunAborted.of(e, node.location());
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
            // Ansible's is the whole serialized task; its name and action (as written) are what rescues read
            host.setFacts.put("ansible_failed_task", Map.of("name", failure.task.name() == null ? "" : failure.task.name(),
                    "action", failure.task.actionName()));
            host.setFacts.put("ansible_failed_result", failure.result);
            try {
                runNodes(b.rescue(), includeVars);
                failure = null;
            } catch (TaskFailed e) {
                failure = e;
            }
        }
        if (failure != null) shared.removeHost(host.name); // as Ansible's mark_host_failed, until a rescue
        int cleared = host.errorsCleared;
        runNodes(b.always(), includeVars);
        // meta: clear_host_errors in the always resets the host's failure, as Ansible's PlayIterator.clear_host_errors
        if (failure != null && host.errorsCleared == cleared) throw failure;
    }

    /**
     * A host reached on the controller (ansible_connection: local) writes the controller's files, which a later
     * template may read (lookup('file'), lookup('template'), first_found): before a task that may read them, its
     * queued changes are made, so the task sees the files as they are when called, as in Ansible.
     */
    private boolean readsControllerWrites(Task task, Map<String, Object> taskVars) {
        return session != null && session.sameMachineAs(targets.local()) && ControllerReads.mayRead(task, taskVars);
    }

    private void runTask(Task task, Map<String, Object> includeVars, boolean calledAsHandler) {
        boolean handler = calledAsHandler || inHandler;
        if (!handler && !tagSelected.test(task.keywords().tags())) return;
        if (shared.step(host.name)) throw new HostStopped();
        shared.progress.taskStarted(host.name);
        int key = handler ? shared.keyOf(task, handlers.round()) : shared.keyOf(task);
        Map<String, Object> taskVars = vars.forTask(task.role(), task.keywords().vars(), includeVars);
        String title = runner.bannerName(task, taskVars);
        boolean once = runner.isTrue(task.keywords().runOnce(), taskVars, false, task.location())
                || run.modules().apply(task.action().module()).filter(m -> m instanceof BypassesHostLoop).isPresent();
        if (waitRule.mustSettle(task, handler, once, f -> holdsOrUnknown(f, taskVars)).isEmpty()
                && !readsControllerWrites(task, taskVars)) {
            waiting.plan(session, task, taskVars, key, title);
            return;
        }
        waiting.settle();
        TaskRunner.Outcome outcome = once
                ? runOnce.outcome(task, () -> execute(task, taskVars, key, title, handler))
                : throttled(task, taskVars, key, title, () -> execute(task, taskVars, key, title, handler));
        effects.apply(task, taskVars, outcome);
    }

    /**
     * A flag keyword for {@link WaitRule}. One that cannot be rendered counts as set: the task then runs at once,
     * where its when decides first (as in Ansible, which templates keywords after the when) and an error fails it.
     */
    private boolean holdsOrUnknown(Flag flag, Map<String, Object> taskVars) {
        try {
            return runner.isTrue(flag, taskVars, false);
        } catch (TemplateError e) {
            return true;
        }
    }

    /** Runs {@code body} within the task's throttle (none when unset or 0; run_once ignores it, as Ansible does). */
    private TaskRunner.Outcome throttled(Task task, Map<String, Object> taskVars, int key, String title,
                                         Supplier<TaskRunner.Outcome> body) {
        int limit;
        try {
            limit = ThrottleLimit.of(task.keywords().throttle(), taskVars, run.templating());
        } catch (TemplateError e) {
            return report.fail(key, title, task, e.getMessage());
        }
        return limit > 0 ? shared.throttles.run(key, limit, body) : body.get();
    }

    /** Runs the task at once in its session and reports it; a failure the engine finds is the task's outcome. */
    private TaskRunner.Outcome execute(Task task, Map<String, Object> taskVars, int key, String title,
                                       boolean handler) {
        try {
            HostSession target = sessions.of(task, taskVars, session);
            TaskRunner.Outcome outcome = attempts.run(task, taskVars, key, title, handler, target);
            report.record(outcome);
            return outcome;
        } catch (TransportException e) {
            report.unreachable(key, title, e);
            throw new HostStopped();
        } catch (TemplateError | ArgsException | LoadException | PendingFailure | ProbeBatch.ProbeFailure e) {
            return report.fail(key, title, task, e.getMessage());
        }
    }

    private void runIncludeTasks(IncludeTasks inc, Map<String, Object> includeVars) {
        if (!tagSelected.test(inc.keywords().tags())) return;
        if (shared.step(host.name)) throw new HostStopped(); // in lockstep an include is a task like the others
        Map<String, Object> v = vars.forTask(inc.role(), inc.keywords().vars(), includeVars);
        List<IncludeIterations.Iteration> its = iterationsOrFailure(inc, v);
        if (inc.register() != null && !registered(inc, inc.register(), () -> IncludeRegister.of(its, inc.loop(),
                it -> Map.of("include", run.templating().render(inc.file(), it.vars(), inc.location()),
                        "include_args", run.templating().render(inc.args(), it.vars(), inc.location()))))) {
            return;
        }
        for (IncludeIterations.Iteration it : its) {
            if (it.skipped()) continue;
            List<TaskNode> tasks;
            try {
                String file = String.valueOf(run.templating().render(inc.file(), it.vars(), inc.location()));
                tasks = shared.included(inc, file, it.index(), () -> includes.tasks(inc, file));
            } catch (TemplateError | MissingFile e) {
                failInclude(inc, e);
                continue;
            }
            // Ansible counts every file a host includes as ok (it prints "included: FILE for HOST").
            run.recap().count(host.name, Status.OK);
            session.forgetAll(); // what the lookahead guessed before the include is no evidence for it
            runNodes(tasks, IncludeIterations.scoped(includeVars, inc.keywords().vars(), inc.loop(), it.vars()));
        }
    }

    private void runIncludeRole(IncludeRole inc, Map<String, Object> includeVars) {
        if (!tagSelected.test(inc.keywords().tags())) return;
        if (shared.step(host.name)) throw new HostStopped();
        Map<String, Object> v = vars.forTask(inc.role(), inc.keywords().vars(), includeVars);
        List<IncludeIterations.Iteration> its = iterationsOrFailure(inc, v);
        if (inc.register() != null && !registered(inc, inc.register(), () -> IncludeRegister.of(its, inc.loop(),
                it -> Map.of("include_args", run.templating().render(inc.args(), it.vars(), inc.location()))))) {
            return;
        }
        for (IncludeIterations.Iteration it : its) {
            if (it.skipped()) continue;
            LoadedRole loaded;
            try {
                String name = String.valueOf(run.templating().render(inc.roleName(), it.vars(), inc.location()));
                loaded = shared.included(inc, name, it.index(), () -> includes.role(inc, name));
            } catch (TemplateError | MissingFile e) {
                failInclude(inc, e);
                continue;
            }
            handlers.add(loaded.handlers());
            runNodes(loaded.tasks(), IncludeIterations.scoped(includeVars, inc.keywords().vars(), inc.loop(),
                    it.vars()));
        }
    }

    /**
     * The include's iterations on this host. A loop or when that cannot render fails the host at the include, as
     * Ansible's TaskExecutor fails the include task (an undefined loop where the when is false was skipped).
     */
    /** Registers an include's result before its tasks run; one that cannot be templated fails the include. */
    private boolean registered(TaskNode inc, String register, Supplier<Object> result) {
        try {
            host.setFacts.put(register, result.get());
            return true;
        } catch (TemplateError e) {
            failInclude(inc, e);
            return false;
        }
    }

    private List<IncludeIterations.Iteration> iterationsOrFailure(TaskNode inc, Map<String, Object> v) {
        Loop loop = inc instanceof IncludeTasks t ? t.loop() : ((IncludeRole) inc).loop();
        try {
            return iterations.of(inc, loop, inc.keywords().when(), v);
        } catch (TemplateError | ArgsException e) {
            failInclude(inc, e);
            return List.of();
        }
    }

    /**
     * An include that cannot be templated or whose file or role is missing fails this host there, as in Ansible
     * (unless ignore_errors); the message names the include's file:line. A file that does not parse aborts the run.
     */
    private void failInclude(TaskNode inc, RuntimeException e) {
        TaskRunner.Outcome outcome = report.fail(shared.keyOf(inc), inc.displayName(), inc, e.getMessage());
        if (outcome.status() == Status.FAILED) throw new TaskFailed(inc, outcome.result());
    }

    private void runMeta(Meta m, Map<String, Object> includeVars) {
        Map<String, Object> v = vars.forTask(m.role(), m.keywords().vars(), includeVars);
        if (!runner.holds(m.keywords().when(), v)) return;
        waiting.settle(); // the results of the tasks before it are reported first: its banner comes after theirs
        // Ansible's free strategy runs meta tasks without a banner (its linear one prints one)
        if (m.action() != MetaAction.RESET_CONNECTION && !"free".equals(shared.play.strategy())) {
            run.report(new Event.MetaRan(host.name, shared.keyOf(m), m.displayName(), null));
        }
        switch (m.action()) {
            case FLUSH_HANDLERS -> flushHandlers();
            case END_HOST, END_PLAY -> {
                if (m.action() == MetaAction.END_PLAY) shared.stop();
                else shared.removeHost(host.name);
                throw new HostStopped();
            }
            case CLEAR_HOST_ERRORS -> {
                host.failed = false;
                host.errorsCleared++;
            }
            case NOOP -> { }
            case RESET_CONNECTION -> resetConnection(m);
        }
    }

    /**
     * meta: reset_connection: the queued changes are made, then the SSH connection is closed and opened again (so a
     * user's new groups or a changed login apply), and its answers are probed afresh; a local host has no
     * connection to reset and warns as Ansible's local connection does.
     */
    private void resetConnection(Meta m) {
        session.forgetAll();
        var connection = session.connection();
        if (connection.isEmpty()) {
            run.report(new Event.MetaRan(host.name, shared.keyOf(m), m.displayName(),
                    "Reset is not implemented for this connection"));
            return;
        }
        try {
            connection.get().reopen(java.util.Optional.empty());
            run.report(new Event.MetaRan(host.name, shared.keyOf(m), m.displayName(), null));
        } catch (TransportException e) {
            report.unreachable(shared.keyOf(m), "meta", e);
            throw new HostStopped();
        }
    }

    private void flushHandlers() {
        waiting.settle();
        handlers.flush(h -> {
            session.forgetAll(); // a handler probes afresh, as the tasks of an include do
            switch (h) {
                case Task t -> runTask(t, Map.of(), true);
                case Meta m -> {
                    MetaHandler.check(m);
                    runMeta(m, Map.of());
                }
                case IncludeTasks inc -> {
                    // its tasks run as handlers: reported under RUNNING HANDLER, once per flush round
                    inHandler = true;
                    try {
                        runIncludeTasks(inc, Map.of());
                    } finally {
                        inHandler = false;
                    }
                }
                default -> throw new IllegalStateException("not a handler: " + h.actionName());
            }
        });
    }
}
