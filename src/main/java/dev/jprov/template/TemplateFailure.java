package dev.jprov.template;

/**
 * A failure inside a render, carrying the template line where it happened. Internal: jinjava catches most
 * exceptions and carries on, so {@link RenderSession} also remembers the first failure and the render rethrows
 * it; {@link Templar} turns it into a {@link TemplateException} with the caller's location.
 */
final class TemplateFailure extends RuntimeException {
    private final int line;
    private final boolean undefined;

    TemplateFailure(String message, int line) {
        this(message, line, false);
    }

    TemplateFailure(String message, int line, boolean undefined) {
        super(message, null, false, false);
        this.line = line;
        this.undefined = undefined;
    }

    /** The failure is an undefined variable or attribute (which a lazily rendered variable passes on as Undefined). */
    boolean undefined() {
        return undefined;
    }

    int line() {
        return line;
    }
}
