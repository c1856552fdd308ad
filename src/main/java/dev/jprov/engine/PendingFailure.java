package dev.jprov.engine;

/**
 * A queued change of an earlier task failed while a later task was being planned: the later task does not run,
 * the host's play ends at the earlier task (which reports the failure).
 */
final class PendingFailure extends RuntimeException {
    PendingFailure(String host) {
        super("a change of an earlier task failed on " + host, null, false, false);
    }
}
