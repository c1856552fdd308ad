package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Args;
import dev.jprov.modules.AsyncJob;
import dev.jprov.modules.Detachable;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import dev.jprov.modules.StepResult;
import dev.jprov.playbook.Condition;
import dev.jprov.playbook.Flag;
import dev.jprov.playbook.Task;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.transport.TransportException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs one module task on one host: when, loop, arguments, probes (answered from the host's probe rounds),
 * the pure plan, and - unless in check mode - the steps of its changes, queued on the host's session and made
 * with the next round trip that needs them. Then changed_when, failed_when, the registered result and the report.
 * Check mode stops before apply: it is the only difference.
 */
final class TaskRunner {

    /**
     * How a task ended: its status for the recap, the result to register, whether it changed, the result lines to
     * report (the caller reports them, so that an until: loop shows only its last attempt), and what its modules'
     * results do to the run (facts, inventory), its items' in order.
     */
    record Outcome(Status status, Map<String, Object> result, boolean changed, List<Event.TaskResult> events,
                   RunEffects effects) {
        Outcome(Status status, Map<String, Object> result, boolean changed) {
            this(status, result, changed, List.of(), RunEffects.NONE);
        }

        boolean failed() {
            return status == Status.FAILED || status == Status.UNREACHABLE;
        }
    }

    private final RunContext run;
    private final Timing timing = Timing.SYSTEM;
    private final AsyncPolls polls = new AsyncPolls(timing);

    TaskRunner(RunContext run) {
        this.run = run;
    }

    /** Prepares the calls of a task for these vars: used for real and, speculatively, by the lookahead. */
    List<PreparedCall> prepare(Task task, Map<String, Object> vars, TaskModuleContext.Factory contexts,
                               LoopItems loops) {
        Module module = run.modules().apply(task.action().module())
                .orElseThrow(() -> new LoadException(task.action().location(),
                        "couldn't resolve module/action '" + task.action().written() + "'"));
        List<PreparedCall> calls = new ArrayList<>();
        if (task.loop() == null) {
            if (!when(task, vars)) return List.of(PreparedCall.skip(null, null, false));
            calls.add(prepareOne(module, task, vars, null, null, false, contexts));
            return calls;
        }
        List<LoopItems.Item> items;
        try {
            items = loops.items(task.loop(), vars);
        } catch (TemplateError loopError) {
            // As ansible-core 2.14's TaskExecutor: the loop is templated first and an undefined variable's error
            // kept; the task's when, without an item, then decides: false skips the task, true (or an error of its
            // own) raises the loop's. Any other loop error fails the task whatever the when.
            if (loopError.undefined() && falseWithoutItem(task.keywords().when(), vars)) {
                return List.of(PreparedCall.skip(null, null, false));
            }
            throw loopError;
        }
        // Ansible runs items one by one, so a set_fact item sees the facts the items before it set.
        Map<String, Object> carried = new LinkedHashMap<>();
        for (LoopItems.Item item : items) {
            Map<String, Object> itemVars = item.vars();
            if (!carried.isEmpty()) {
                itemVars = new LinkedHashMap<>(itemVars);
                for (Map.Entry<String, Object> f : carried.entrySet()) {
                    // extra vars still win over set_fact, as they do between tasks
                    if (!run.options().extraVars().containsKey(f.getKey())) itemVars.put(f.getKey(), f.getValue());
                }
                itemVars.putAll(loopKeys(item.vars(), vars));
            }
            if (!when(task, itemVars)) {
                calls.add(PreparedCall.skip(item.value(), item.label(), true));
                continue;
            }
            PreparedCall call = prepareOne(module, task, itemVars, item.value(), item.label(), true, contexts)
                    .with(itemVars);
            calls.add(call);
            carried.putAll(factsSetBy(call));
        }
        return calls;
    }

    /** The variables a loop item adds to the task's (loop_var, index_var, ansible_loop): they stay on top. */
    private static Map<String, Object> loopKeys(Map<String, Object> itemVars, Map<String, Object> taskVars) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : itemVars.entrySet()) {
            if (!taskVars.containsKey(e.getKey()) || taskVars.get(e.getKey()) != e.getValue()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The facts a call sets without asking the host (set_fact, include_vars): planned now, as planning is pure. */
    private static Map<String, Object> factsSetBy(PreparedCall call) {
        if (call.invocation() == null || !call.invocation().probes().isEmpty()) return Map.of();
        try {
            Planned p = call.invocation().plan(new Facts(Map.of()));
            if (p.outcome() == Planned.Outcome.OK) {
                Map<String, Object> out = new LinkedHashMap<>(p.effects().factsGathered());
                out.putAll(p.effects().varsIncluded());
                out.putAll(p.effects().factsSet());
                return out;
            }
        } catch (ArgsException e) {
            // it fails when it runs, and reports it then
        }
        return Map.of();
    }

    private PreparedCall prepareOne(Module module, Task task, Map<String, Object> vars, Object item, String label,
                                    boolean hasItem, TaskModuleContext.Factory contexts) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = new java.util.LinkedHashMap<>((Map<String, Object>) run.templating()
                    .render(task.action().args(), vars, task.action().location()));
            args.values().removeIf(run.templating().omit()::equals);
            // notify is post-validated with the other keywords, before the module runs: an error fails the task
            for (String n : task.keywords().notifies()) run.templating().render(n, vars, task.location());
            AsyncSettings async = AsyncSettings.of(task.async(), vars, run.templating(), task.location());
            if (async != null) refuseAsync(task, vars);
            TaskModuleContext context = contexts.create(vars);
            Invocation inv = prepared(module, task, args, context);
            if (async != null) inv = detach(task, module, inv, async, context);
            return PreparedCall.ready(item, label, hasItem, inv);
        } catch (ArgsException | TemplateError e) {
            return PreparedCall.failed(item, label, hasItem, e.getMessage());
        }
    }

    /**
     * The module's call; bad arguments fail the task with the module's message after the task's file:line:column
     * (where its module is named), as template errors do: Ansible gives the message alone, which leaves a user of
     * a role with many similar tasks to guess which one it was.
     */
    private static Invocation prepared(Module module, Task task, Map<String, Object> args, TaskModuleContext context) {
        try {
            return module.prepare(new Args(task.action().module(), args), context);
        } catch (ArgsException e) {
            throw new ArgsException(task.action().location() + ": " + e.getMessage());
        }
    }

    /**
     * The task's name as its banner and result lines show it: templated with the host's variables, as Ansible's
     * strategies template it with fail_on_undefined=False (an undefined variable leaves the name as written).
     */
    String bannerName(Task task, Map<String, Object> taskVars) {
        String name = task.displayName();
        if (!name.contains("{{") && !name.contains("{%")) return name;
        try {
            return run.templating().text(run.templating().render(name, taskVars, task.location()));
        } catch (TemplateError e) {
            return name;
        }
    }

    /** What ansible-core 2.14's ActionBase.run refuses for an async task, with its messages. */
    private void refuseAsync(Task task, Map<String, Object> vars) {
        if (AsyncSettings.REFUSED_BY_ANSIBLE.contains(task.action().module())) {
            throw new ArgsException("async is not supported for this task.");
        }
        // jprov makes no change in --check, so check_mode: false does not lift this either
        if (run.options().check() || isTrue(task.keywords().checkMode(), vars, false)) {
            throw new ArgsException("check mode and async cannot be used on same task.");
        }
    }

    /** The call as a job on the host, with the async_status call that reads the job's status. */
    private DetachedCall detach(Task task, Module module, Invocation inv, AsyncSettings async,
                                TaskModuleContext context) {
        if (!(inv instanceof Detachable call)) {
            throw new ArgsException("async is not supported by jprov for the " + task.action().module()
                    + " module (command and shell run as async jobs)");
        }
        // Ansible's job id: "j", a random number, ".", a process id (there the wrapper's; here jprov's)
        String id = "j" + ThreadLocalRandom.current().nextLong(1_000_000_000_000L) + "."
                + ProcessHandle.current().pid();
        Module status = run.modules().apply("async_status")
                .orElseThrow(() -> new IllegalStateException("async_status is not in the module registry"));
        Invocation reader = status.prepare(new Args("async_status", Map.of("jid", id)), context);
        return new DetachedCall(call, new AsyncJob(id, async.async()), async, reader);
    }

    /**
     * Whether a when is false with the task's vars (no loop item): it then skips a task whose loop failed to
     * render. An error in the when does not skip: the loop's error wins, as in Ansible.
     */
    boolean falseWithoutItem(List<Condition> when, Map<String, Object> vars) {
        try {
            return !holds(when, vars);
        } catch (TemplateError e) {
            return false;
        }
    }

    boolean when(Task task, Map<String, Object> vars) {
        return holds(task.keywords().when(), vars);
    }

    /** Whether every condition holds (an empty list does), errors located at the first condition. */
    boolean holds(List<Condition> conditions, Map<String, Object> vars) {
        if (conditions.isEmpty()) return true;
        List<String> expressions = new ArrayList<>();
        for (Condition c : conditions) expressions.add(c.expression());
        return run.templating().test(expressions, vars, conditions.get(0).location());
    }

    /** Runs the task on the host: plans it and makes its changes. */
    Outcome run(HostSession session, Task task, List<PreparedCall> calls, Map<String, Object> vars,
                Supplier<List<Probe>> lookahead, int taskKey, String host, boolean handler)
            throws TransportException, ProbeBatch.ProbeFailure {
        return plan(session, task, calls, vars, lookahead, taskKey, host, handler).finish();
    }

    /** The same for one attempt of an until: loop, judged as {@link UntilAttempt} says. */
    Outcome run(HostSession session, Task task, List<PreparedCall> calls, Map<String, Object> vars,
                Supplier<List<Probe>> lookahead, int taskKey, String host, boolean handler, UntilAttempt attempt)
            throws TransportException, ProbeBatch.ProbeFailure {
        return plan(session, task, calls, vars, lookahead, taskKey, host, handler).finish(attempt);
    }

    /**
     * Plans the task on the host and queues its changes there; {@link Planning#finish} gives its outcome, making
     * the queued changes first if they are still waiting. {@code lookahead} gives the probes of the tasks that
     * follow.
     */
    Planning plan(HostSession session, Task task, List<PreparedCall> calls, Map<String, Object> vars,
                  Supplier<List<Probe>> lookahead, int taskKey, String host, boolean handler)
            throws TransportException, ProbeBatch.ProbeFailure {
        boolean check = run.options().check() || isTrue(task.keywords().checkMode(), vars, false, task.location());
        Planning planning = new Planning(task, calls, vars, taskKey, host, handler, check,
                isTrue(task.keywords().noLog(), vars, false, task.location()));
        if (calls.size() == 1 && calls.get(0).skipped() && !calls.get(0).hasItem()) return planning;
        planning.exec = new TaskExecution(session, lookahead, check, planning.readOnly, polls, timing);
        planning.exec.plan(calls);
        return planning;
    }

    /** A task planned on a host, its changes queued there. */
    final class Planning {
        private final Task task;
        private final List<PreparedCall> calls;
        private final Map<String, Object> vars;
        private final int taskKey;
        private final String host;
        private final boolean handler;
        private final boolean check;
        private final boolean noLog;
        private final boolean readOnly; // see ReadOnlyCommand
        private TaskExecution exec; // null when the task was skipped before planning

        private Planning(Task task, List<PreparedCall> calls, Map<String, Object> vars, int taskKey, String host,
                         boolean handler, boolean check, boolean noLog) {
            this.task = task;
            this.calls = calls;
            this.vars = vars;
            this.taskKey = taskKey;
            this.host = host;
            this.handler = handler;
            this.check = check;
            this.noLog = noLog;
            this.readOnly = run.options().check() && ReadOnlyCommand.applies(task);
        }

        /** Whether changes of this task wait in the host's queue. */
        boolean waiting() {
            return exec != null && exec.waiting();
        }

        /**
         * Whether the outcome must be known before the next task plans: the task failed already, its result
         * sets facts or changes the inventory, which later tasks see, or it reboots the host.
         */
        boolean affectsLaterTasks() {
            if (exec == null) return false;
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).error() != null) return true;
                Planned p = exec.plans.get(i);
                if (p == null) continue;
                if (p.outcome() == Planned.Outcome.FAILED) return true;
                if (!p.effects().isEmpty()) return true;
                // A reboot: later tasks plan from the new boot, and its outcome (did the host come back?) decides
                // whether they run at all.
                for (Change ch : p.changes()) {
                    if (ch.steps().stream().anyMatch(st -> st instanceof Step.Reboot)) return true;
                }
            }
            return false;
        }

        /** The task's outcome: makes its queued changes (and all queued before them) if they still wait. */
        Outcome finish() throws TransportException {
            return finish(UntilAttempt.NONE);
        }

        /** The outcome of one attempt of an until: loop. */
        Outcome finish(UntilAttempt attempt) throws TransportException {
            return outcome(items(attempt), effects());
        }

        /** The results of the task's calls (items), each judged as one attempt of an until: loop. */
        List<ItemResult> items(UntilAttempt attempt) throws TransportException {
            List<ItemResult> items = exec == null ? List.of(assembler().skippedTask()) : assembleItems();
            return items.stream().map(attempt::judge).toList();
        }

        /** The task's outcome from its items' results and what they do to the run. */
        Outcome outcome(List<ItemResult> items, RunEffects effects) {
            // ignore_errors is rendered only when something failed: a template there need not render otherwise.
            boolean ignoreErrors = items.stream().anyMatch(ItemResult::failed) && ignoreErrors(task, vars);
            ResultLines lines = new ResultLines(host, taskKey, bannerName(task, vars), handler, noLog, diffMode(task, vars));
            if (calls.size() == 1 && !calls.get(0).hasItem()) {
                ItemResult item = items.get(0);
                Status st = item.endedAs(ignoreErrors);
                return new Outcome(st, item.result(), st == Status.CHANGED, lines.ofTask(item, st), effects);
            }
            LoopResult loop = LoopResult.of(items, ignoreErrors);
            return new Outcome(loop.status(), loop.result(), loop.changed(), lines.ofLoop(items, loop), effects);
        }

        /** What the calls' results do to the run, in item order (the engine applies them unless the task failed). */
        RunEffects effects() {
            RunEffects all = RunEffects.NONE;
            if (exec == null) return all;
            for (Planned p : exec.plans) if (p != null && p.outcome() == Planned.Outcome.OK) all = all.then(p.effects());
            return all;
        }

        private List<ItemResult> assembleItems() throws TransportException {
            // Check mode made no changes, and must not make those queued before it either; a read-only command ran
            // as a probe.
            Map<Integer, StepResult> applied = check ? exec.probed : exec.applied();
            ItemResultAssembler assembler = assembler();
            List<ItemResult> items = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                int[] range = exec.stepRanges.get(i);
                List<StepResult> ran = new ArrayList<>();
                for (int s = range[0]; s < range[1] && applied.get(s) != null; s++) ran.add(applied.get(s));
                items.add(assembler.assemble(calls.get(i), exec.plans.get(i), exec.steps.subList(range[0], range[1]),
                        ran));
            }
            return items;
        }

        private ItemResultAssembler assembler() {
            return new ItemResultAssembler(check && !readOnly, ChangedFailedWhen.of(task, vars, TaskRunner.this::holds),
                    loopVar(task));
        }
    }

    /** The task's diff mode: its diff: keyword over -D, as Ansible's callback shows a task's diff. */
    private boolean diffMode(Task task, Map<String, Object> vars) {
        try {
            return isTrue(task.keywords().diff(), vars, run.options().diff());
        } catch (TemplateError e) {
            return run.options().diff();
        }
    }

    private boolean ignoreErrors(Task task, Map<String, Object> vars) {
        return isTrue(task.keywords().ignoreErrors(), vars, false, task.location());
    }

    boolean isTrue(Flag flag, Map<String, Object> vars, boolean fallback) {
        return isTrue(flag, vars, fallback, null);
    }

    /** A flag keyword's value; an error rendering it names {@code where} (the task's file:line). */
    boolean isTrue(Flag flag, Map<String, Object> vars, boolean fallback, SourceLocation where) {
        if (flag == null) return fallback;
        return flag.resolve(expr -> run.templating().render(expr, vars, where));
    }

    private static String loopVar(Task task) {
        String v = task.loop() == null || task.loop().control() == null ? null : task.loop().control().loopVar();
        return v == null ? "item" : v;
    }

    /** What reporters get of a result (see {@link ResultLines#forReporters}). */
    static Map<String, Object> forReporters(Map<String, Object> result) {
        return ResultLines.forReporters(result);
    }
}
