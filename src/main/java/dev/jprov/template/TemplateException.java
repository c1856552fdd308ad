package dev.jprov.template;

import dev.jprov.source.SourceLocation;

/**
 * A template could not be rendered: an undefined variable, a syntax error, a failing filter or lookup. Like
 * Ansible, this fails the task (not the load), so it is not a LoadException; the message still starts with the
 * location (task or template file, and line) so the user can jump to it.
 */
public final class TemplateException extends RuntimeException {
    private final transient SourceLocation location;
    private final String problem;
    private final boolean undefined;

    public TemplateException(SourceLocation location, String problem) {
        this(location, problem, false);
    }

    public TemplateException(SourceLocation location, String problem, boolean undefined) {
        super((location == null ? "" : location + ": ") + problem);
        this.location = location;
        this.problem = problem;
        this.undefined = undefined;
    }

    /** An undefined variable (Ansible's AnsibleUndefinedVariable): a loop's may wait for the task's when. */
    public boolean undefined() {
        return undefined;
    }

    public SourceLocation location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
