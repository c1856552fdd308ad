package dev.jprov.engine;

/**
 * The host's play stops here without failing more: meta end_host / end_play, an unreachable host, or the play
 * stopped by another host (any_errors_fatal, max_fail_percentage). Control flow: no stack trace.
 */
final class HostStopped extends RuntimeException {
    HostStopped() {
        super(null, null, false, false);
    }
}
