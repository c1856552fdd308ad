package dev.jprov.modules.freebsd;

import dev.jprov.engine.script.Boundary;
import dev.jprov.engine.script.ChangeBatch;
import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Facts;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import dev.jprov.testbed.Polling;
import dev.jprov.transport.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs module calls against a simulated FreeBSD host of the testbed with the engine's own batched scripts
 * (ProbeBatch for probes, ChangeBatch for steps) over the OpenSSH client; Step.Reconfirm over a second ssh
 * connection, as the executor does.
 */
final class SshScriptHost {
    private final List<String> ssh;

    /** @param ssh the OpenSSH command line that runs {@code /bin/sh -s} on the host */
    SshScriptHost(List<String> ssh) {
        this.ssh = List.copyOf(ssh);
    }

    ExecResult run(String script) {
        try {
            Process p = new ProcessBuilder(ssh).start();
            Thread.ofVirtual().start(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(script.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process died; its exit code says why
                }
            });
            var err = new java.util.concurrent.CompletableFuture<byte[]>();
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

    String sh(String script) {
        ExecResult r = run(script);
        if (r.exitCode() != 0) throw new AssertionError("remote script failed: " + r.stderrText());
        return r.stdoutText();
    }

    /**
     * Runs {@code script} until its output (or "" when it fails or the host is unreachable) satisfies {@code done},
     * polling until {@code timeout}; returns that output. For what the host does by itself: a revert timer, a boot.
     */
    String await(String script, Predicate<String> done, Duration timeout) throws Exception {
        String last = Polling.until(() -> {
            ExecResult r = run(script);
            return r.exitCode() == 0 ? r.stdoutText() : "";
        }, done, timeout);
        if (!done.test(last)) {
            throw new AssertionError("after " + timeout.toSeconds() + " s, `" + script + "` still answers: " + last);
        }
        return last;
    }

    Planned plan(Invocation inv) {
        ProbeBatch batch = new ProbeBatch(Boundary.random()).addAll(inv.probes());
        try {
            return inv.plan(new Facts(batch.answers(run(batch.script().text()))));
        } catch (ProbeBatch.ProbeFailure e) {
            throw new AssertionError(e);
        }
    }

    /** Plans and applies; returns the step results (throws on a failed step). */
    record Applied(Planned planned, List<StepResult> steps) {}

    Applied apply(Invocation inv) {
        Planned planned = plan(inv);
        List<StepResult> results = new ArrayList<>();
        if (planned.outcome() != Planned.Outcome.OK) return new Applied(planned, results);
        List<Step> pending = new ArrayList<>();
        for (Change c : planned.changes()) pending.addAll(c.steps());
        ChangeBatch batch = new ChangeBatch(Boundary.random(), ".bak");
        List<Step> inBatch = new ArrayList<>();
        for (Step s : pending) {
            if (s instanceof Step.Reconfirm r) {
                results.addAll(runBatch(batch, inBatch));
                batch = new ChangeBatch(Boundary.random(), ".bak");
                inBatch.clear();
                ExecResult rr = run(r.script());
                results.add(new StepResult(rr.exitCode(), rr.stdoutText(), rr.stderrText()));
                if (rr.exitCode() != 0) throw new AssertionError("reconfirm failed: " + rr.stderrText());
            } else {
                batch.add(s);
                inBatch.add(s);
            }
        }
        results.addAll(runBatch(batch, inBatch));
        return new Applied(planned, results);
    }

    /** Runs the steps before the first Step.Reconfirm only: what the host sees when the controller is locked out. */
    Planned applyWithoutConfirming(Invocation inv) {
        Planned planned = plan(inv);
        ChangeBatch batch = new ChangeBatch(Boundary.random(), ".bak");
        List<Step> inBatch = new ArrayList<>();
        outer:
        for (Change c : planned.changes()) {
            for (Step s : c.steps()) {
                if (s instanceof Step.Reconfirm) break outer;
                batch.add(s);
                inBatch.add(s);
            }
        }
        runBatch(batch, inBatch);
        return planned;
    }

    private List<StepResult> runBatch(ChangeBatch batch, List<Step> steps) {
        if (batch.isEmpty()) return List.of();
        List<StepResult> r = batch.results(run(batch.script().text()));
        for (int i = 0; i < r.size(); i++) {
            if (r.get(i).exitCode() != 0) {
                throw new AssertionError("step failed: " + steps.get(i).display() + ": " + r.get(i).stderr());
            }
        }
        if (r.size() != steps.size()) throw new AssertionError("only " + r.size() + " of " + steps.size() + " steps ran");
        return r;
    }
}
