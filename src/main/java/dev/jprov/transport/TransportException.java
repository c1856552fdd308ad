package dev.jprov.transport;

/**
 * The target could not be reached or the connection broke: the host is reported UNREACHABLE (exit code 3),
 * unlike a script that ran and failed.
 */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
