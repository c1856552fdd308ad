package dev.jprov.modules;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ChangeBatch;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import dev.jprov.testbed.Polling;
import dev.jprov.transport.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A host that module calls run on, for tests, as the executor runs them: a call's probes go to the host as one
 * ProbeBatch script, its steps as ChangeBatch scripts (a Step.Reconfirm alone, as over a new connection), each
 * through a shell that reads the script on stdin. Three hosts: this machine through a POSIX shell ({@link #local}:
 * dash, busybox sh, bash), the testbed's emulated FreeBSD commands in a directory ({@link EmulatedFreeBsd#host}),
 * a testbed host over OpenSSH ({@link #overSsh}). It never reboots.
 *
 * <pre>{@code
 * ModuleHost host = ModuleHost.local();
 * Planned check = host.plan(invocation);          // probes only: check mode
 * ModuleHost.Applied run = host.apply(invocation); // plan, then the steps; a failing step fails the test
 * String out = host.sh("cat /etc/rc.conf");        // a command of the test's own
 * }</pre>
 */
public final class ModuleHost {
    private final List<String> shell;
    private final Map<String, String> environment;
    private final String fileRoot;

    private ModuleHost(List<String> shell, Map<String, String> environment, String fileRoot) {
        this.shell = List.copyOf(shell);
        this.environment = Map.copyOf(environment);
        this.fileRoot = fileRoot;
    }

    /** This machine through /bin/sh. */
    public static ModuleHost local() {
        return local(List.of("/bin/sh"));
    }

    /** This machine through {@code shell} (a POSIX shell's command line, given {@code -s} to read the script). */
    public static ModuleHost local(List<String> shell) {
        List<String> argv = new ArrayList<>(shell);
        argv.add("-s");
        return new ModuleHost(argv, Map.of(), "");
    }

    /** A host reached by {@code ssh}: the OpenSSH command line that runs {@code /bin/sh -s} there. */
    public static ModuleHost overSsh(List<String> ssh) {
        return new ModuleHost(ssh, Map.of(), "");
    }

    /**
     * This machine's /bin/sh with {@code environment} added, for a host whose files are below {@code fileRoot} (the
     * emulated FreeBSD's EMU_ROOT): FileInfo and FileContent probes look there, and steps may not write files.
     */
    static ModuleHost emulated(Map<String, String> environment, String fileRoot) {
        return new ModuleHost(List.of("/bin/sh", "-s"), environment, fileRoot);
    }

    /** Runs a script of the test's own on the host: its exit code and output. */
    public ExecResult exec(String script) {
        // The script arrives on the shell's stdin: a command in it must not read the rest.
        return run("{\n" + script + "\n} </dev/null\n");
    }

    /** {@link #exec}'s output; an AssertionError with its stderr when the script fails. */
    public String sh(String script) {
        ExecResult r = exec(script);
        if (r.exitCode() != 0) throw new AssertionError("`" + script + "` exited " + r.exitCode() + ": " + r.stderrText());
        return r.stdoutText();
    }

    /**
     * Runs {@code script} until its output (or "" when it fails or the host is unreachable) satisfies {@code done},
     * polling until {@code timeout}; returns that output. For what the host does by itself: a revert timer, a boot.
     */
    public String await(String script, Predicate<String> done, Duration timeout) throws Exception {
        String last = Polling.until(() -> {
            ExecResult r = exec(script);
            return r.exitCode() == 0 ? r.stdoutText() : "";
        }, done, timeout);
        if (!done.test(last)) {
            throw new AssertionError("after " + timeout.toSeconds() + " s, `" + script + "` still answers: " + last);
        }
        return last;
    }

    /** Plans the call from the host's answers to its probes, changing nothing (check mode). */
    public Planned plan(Invocation invocation) {
        Map<Probe, Probe> asked = new LinkedHashMap<>();
        for (Probe p : invocation.probes()) asked.put(p, rooted(p));
        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(new ArrayList<>(asked.values()));
        Map<Probe, Object> answers;
        try {
            answers = batch.answers(run(batch.script().text()));
        } catch (ProbeBatch.ProbeFailure e) {
            throw new AssertionError(e);
        }
        Map<Probe, Object> facts = new HashMap<>();
        asked.forEach((probe, sent) -> facts.put(probe, unrooted(probe, answers.get(sent))));
        return invocation.plan(new Facts(facts));
    }

    /** A module call that was planned and then applied: the plan, the results of the steps that ran. */
    public record Applied(Planned planned, List<StepResult> steps, boolean stepFailed) {
        public boolean changed() {
            return planned.changesHost();
        }

        /** The registered result: the planned one as the step results complete it. */
        public Map<String, Object> result() {
            return planned.afterApply().result(planned.result(), steps);
        }

        /** The module failed the call, in its plan or from a step's result, or a step failed. */
        public boolean failed() {
            return planned.outcome() == Planned.Outcome.FAILED || stepFailed
                    || Boolean.TRUE.equals(result().get("failed"));
        }
    }

    /** Plans, then makes the steps; a step that fails (other than one whose result the module judges) fails the test. */
    public Applied apply(Invocation invocation) {
        Applied applied = attempt(invocation);
        if (applied.stepFailed()) {
            List<StepResult> ran = applied.steps();
            String step = ran.isEmpty() ? "(none ran)" : steps(applied.planned()).get(ran.size() - 1).display();
            throw new AssertionError("step failed: " + step + ": " + (ran.isEmpty() ? "" : ran.getLast().stderr()));
        }
        return applied;
    }

    /** Plans, then makes the steps up to the first that fails, and says whether one did. */
    public Applied attempt(Invocation invocation) {
        Planned planned = plan(invocation);
        List<StepResult> results = new ArrayList<>();
        if (planned.outcome() != Planned.Outcome.OK) return new Applied(planned, results, false);
        List<Step> batched = new ArrayList<>();
        for (Step s : steps(planned)) {
            switch (s) {
                case Step.Reconfirm r -> {
                    if (!runBatch(batched, results)) return new Applied(planned, results, true);
                    ExecResult rr = exec(r.script());
                    results.add(new StepResult(rr.exitCode(), rr.stdoutText(), rr.stderrText()));
                    if (rr.exitCode() != 0) return new Applied(planned, results, true);
                }
                // Never reboot the machine the tests run on, nor a host shared by other tests.
                case Step.Reboot r -> {
                    if (!runBatch(batched, results)) return new Applied(planned, results, true);
                    results.add(new StepResult(Step.Reboot.COMMAND_FAILED, "0", "ModuleHost does not reboot"));
                }
                case Step.WriteFile w when !fileRoot.isEmpty() -> throw new AssertionError(
                        "this host's files are below " + fileRoot + ": it cannot write " + w.path());
                default -> {
                    batched.add(s);
                    // A step whose result the module judges ends its batch: a batch stops at a failing step.
                    if (s instanceof Step.Exec e && e.mayFail() && !runBatch(batched, results)) {
                        return new Applied(planned, results, true);
                    }
                }
            }
        }
        return new Applied(planned, results, !runBatch(batched, results));
    }

    /** Runs the steps before the first Step.Reconfirm only: what the host sees when the controller is locked out. */
    public Planned applyWithoutConfirming(Invocation invocation) {
        Planned planned = plan(invocation);
        List<Step> batched = new ArrayList<>();
        for (Step s : steps(planned)) {
            if (s instanceof Step.Reconfirm) break;
            batched.add(s);
        }
        List<StepResult> results = new ArrayList<>();
        if (!runBatch(batched, results)) {
            throw new AssertionError("step failed: " + (results.isEmpty() ? "none ran" : results.getLast().stderr()));
        }
        return planned;
    }

    private static List<Step> steps(Planned planned) {
        List<Step> steps = new ArrayList<>();
        for (Change c : planned.changes()) steps.addAll(c.steps());
        return steps;
    }

    /**
     * Runs {@code steps} as one ChangeBatch, adds their results and empties the list; false when a step failed
     * (its last may fail when the module judges its result) or did not run.
     */
    private boolean runBatch(List<Step> steps, List<StepResult> results) {
        if (steps.isEmpty()) return true;
        ChangeBatch batch = new ChangeBatch(Boundary.random(), TestModuleContext.BACKUP_SUFFIX);
        steps.forEach(batch::add);
        List<StepResult> ran = batch.results(run(batch.script().text()));
        results.addAll(ran);
        boolean ok = ran.size() == steps.size();
        for (int i = 0; ok && i < ran.size(); i++) {
            ok = ran.get(i).exitCode() == 0 || steps.get(i) instanceof Step.Exec e && e.mayFail();
        }
        steps.clear();
        return ok;
    }

    private Probe rooted(Probe p) {
        if (fileRoot.isEmpty()) return p;
        return switch (p) {
            case Probe.FileInfo f -> new Probe.FileInfo(fileRoot + f.path(), f.hash(), f.follow());
            case Probe.FileContent c -> new Probe.FileContent(fileRoot + c.path(), c.limit());
            case Probe.Shell s -> s;
        };
    }

    private static Object unrooted(Probe probe, Object answer) {
        if (probe instanceof Probe.FileInfo f && answer instanceof FileFacts a && !a.path().equals(f.path())) {
            return new FileFacts(f.path(), a.type(), a.mode(), a.uid(), a.gid(), a.owner(), a.group(), a.size(),
                    a.mtime(), a.sha256(), a.linkTarget());
        }
        return answer;
    }

    /** One round trip: the shell reads {@code script} on stdin. */
    private ExecResult run(String script) {
        ProcessBuilder builder = new ProcessBuilder(shell);
        builder.environment().putAll(environment);
        try {
            Process p = builder.start();
            Thread.ofVirtual().start(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(script.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the shell died: its exit code says why
                }
            });
            CompletableFuture<byte[]> err = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    err.complete(p.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    err.complete(new byte[0]);
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            return new ExecResult(rc, out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
