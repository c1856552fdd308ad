package dev.jprov.engine;

/**
 * A template could not be rendered for a host (undefined variable, bad filter use): the task fails on that
 * host with this message, which names the file and line, as Ansible fails the task.
 */
public class TemplateError extends RuntimeException {
    public TemplateError(String message, Throwable cause) {
        super(message, cause);
    }
}
