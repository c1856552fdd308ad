package dev.jprov.playbook;

/**
 * A task's {@code async} and {@code poll} as written: numbers or templates, rendered by the executor. {@code poll}
 * is null when not given (Ansible's DEFAULT_POLL_INTERVAL then applies).
 */
public record AsyncKeywords(Object async, Object poll) {
}
