package dev.jprov.source;

/**
 * Bad input in a user's file (inventory, playbook, vars file, template). The message always starts with the
 * location so that the user can jump to it; the CLI maps this exception to ansible-playbook's exit code 4.
 */
public class LoadException extends RuntimeException {
    private final transient SourceLocation location;
    private final String problem;

    public LoadException(SourceLocation location, String problem) {
        this(location, problem, null);
    }

    public LoadException(SourceLocation location, String problem, Throwable cause) {
        super((location == null ? "" : location + ": ") + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    public SourceLocation location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
