package dev.jprov.engine;

import dev.jprov.playbook.Task;
import dev.jprov.report.Status;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * run_once on one host: Ansible runs such a task on the first host of the batch and the others get its result.
 * Hosts run ahead of each other here, so a host waits for its turn (see {@link HostProgress#awaitTurn}) and runs it,
 * or takes the outcome of the host that did.
 */
final class RunOnce {
    private final PlayShared shared;
    private final String host;

    RunOnce(PlayShared shared, String host) {
        this.shared = shared;
        this.host = host;
    }

    /** The task's outcome on this host: {@code execute}'s if this host is the one to run it. */
    TaskRunner.Outcome outcome(Task task, Supplier<TaskRunner.Outcome> execute) {
        IdentityKey once = new IdentityKey(task);
        CompletableFuture<TaskRunner.Outcome> slot = shared.runOnce.computeIfAbsent(once,
                k -> new CompletableFuture<>());
        boolean here = shared.progress.awaitTurn(host, slot::isDone) && shared.runOnceClaims.add(once);
        if (!here) return shared.progress.parked(host, slot::join);
        TaskRunner.Outcome outcome;
        try {
            outcome = execute.get();
        } catch (RuntimeException e) {
            // the hosts waiting for it must not wait forever: they get a failure
            slot.complete(new TaskRunner.Outcome(Status.FAILED, Map.of("failed", true, "msg",
                    String.valueOf(e.getMessage())), false));
            shared.progress.signal();
            throw e;
        }
        slot.complete(outcome);
        shared.progress.signal();
        return outcome;
    }
}
