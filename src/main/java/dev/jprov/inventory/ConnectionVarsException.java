package dev.jprov.inventory;

/** A connection variable of a host that cannot be used (a port that is not a number, an unknown become method). */
public class ConnectionVarsException extends RuntimeException {
    public ConnectionVarsException(String message) {
        super(message);
    }

    public ConnectionVarsException(String message, Throwable cause) {
        super(message, cause);
    }
}
