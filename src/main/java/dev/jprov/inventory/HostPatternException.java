package dev.jprov.inventory;

/** A host pattern that cannot be evaluated: a bad regular expression, a subscript past the end, a missing limit file. */
public class HostPatternException extends RuntimeException {
    public HostPatternException(String message) {
        super(message);
    }

    public HostPatternException(String message, Throwable cause) {
        super(message, cause);
    }
}
