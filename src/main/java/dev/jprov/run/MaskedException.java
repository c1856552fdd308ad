package dev.jprov.run;

import dev.jprov.vault.SecretMask;

/**
 * An unexpected exception whose message held a vault secret, with the secret masked: the command line prints
 * the message of whatever escapes the wiring. Same stack trace, no cause (the cause's message is the secret's).
 */
final class MaskedException extends RuntimeException {
    private MaskedException(String message, StackTraceElement[] trace) {
        super(message);
        setStackTrace(trace);
    }

    static RuntimeException of(RuntimeException e, SecretMask mask) {
        String message = e.getMessage();
        String masked = mask.mask(message);
        boolean causeLeaks = false;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && !mask.mask(c.getMessage()).equals(c.getMessage())) causeLeaks = true;
        }
        if (message == null || masked.equals(message) && !causeLeaks) return e;
        return new MaskedException(e.getClass().getSimpleName() + ": " + masked, e.getStackTrace());
    }
}
