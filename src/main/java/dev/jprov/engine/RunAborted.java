package dev.jprov.engine;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;

/**
 * The run stopped at an error that is no task's failure: a task file that does not parse, found when an include
 * loads it, a keyword the strategy needs that cannot render, or a bug. The recap of what was done so far is still
 * reported; the message names the file:line of the task at hand, and the kind decides ansible-playbook's exit code.
 */
public final class RunAborted extends RuntimeException {

    /** What stopped the run, as ansible-playbook's CLI tells them apart (AnsibleParserError, AnsibleError, other). */
    public enum Kind { PARSE, ERROR, UNEXPECTED }

    private final Kind kind;

    private RunAborted(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code e} as an abort at {@code where} (the node being run): located there unless it names a place itself. */
    static RunAborted of(RuntimeException e, SourceLocation where) {
        if (e instanceof RunAborted a) return a;
        Kind kind = switch (e) {
            case LoadException l -> Kind.PARSE;
            case TemplateError t -> Kind.ERROR;
            case IllegalArgumentException i -> Kind.ERROR;
            default -> Kind.UNEXPECTED;
        };
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (kind == Kind.UNEXPECTED) message = e.getClass().getSimpleName() + ": " + message;
        boolean located = e instanceof LoadException l && l.location() != null
                || where != null && message.startsWith(where.file().toString());
        if (!located && where != null) message = where + ": " + message;
        return new RunAborted(kind, message, e);
    }
}
