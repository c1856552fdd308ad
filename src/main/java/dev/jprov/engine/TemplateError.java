package dev.jprov.engine;

/**
 * A template could not be rendered for a host (undefined variable, bad filter use): the task fails on that
 * host with this message, which names the file and line, as Ansible fails the task.
 */
public class TemplateError extends RuntimeException {
    private final boolean undefined;

    public TemplateError(String message, Throwable cause) {
        this(message, cause, false);
    }

    public TemplateError(String message, Throwable cause, boolean undefined) {
        super(message, cause);
        this.undefined = undefined;
    }

    /** An undefined variable, as Ansible's AnsibleUndefinedVariable (the only loop error a false when skips). */
    public boolean undefined() {
        return undefined;
    }
}
