package dev.jprov.template;

import com.hubspot.jinjava.interpret.TemplateError;

/** Turns jinjava's error records into the one-line messages users get. */
final class JinjavaErrors {
    private JinjavaErrors() {}

    /** Warnings jinjava lets pass that Jinja2 treats as errors: unknown filters, tests, functions, tags. */
    static boolean isFatalForAnsible(TemplateError error) {
        return error.getReason() == TemplateError.ErrorReason.UNKNOWN
                && error.getItem() != TemplateError.ErrorItem.PROPERTY
                || error.getItem() == TemplateError.ErrorItem.FILTER
                || error.getItem() == TemplateError.ErrorItem.EXPRESSION_TEST
                || error.getItem() == TemplateError.ErrorItem.TAG
                || error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR;
    }

    static String describe(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = message.indexOf('\n');
        if (nl > 0) message = message.substring(0, nl);
        String undefined = undefinedFunction(message);
        if (undefined != null) return undefined;
        return (t instanceof com.hubspot.jinjava.interpret.TemplateSyntaxException ? "template syntax error: "
                : "template error: ") + message;
    }

    static String describe(TemplateError error) {
        String message = error.getMessage() == null ? "template error" : error.getMessage().strip();
        int nl = message.indexOf('\n');
        if (nl > 0) message = message.substring(0, nl);
        String undefined = undefinedFunction(message);
        if (undefined != null) return undefined;
        return switch (error.getReason()) {
            case SYNTAX_ERROR -> "template syntax error: " + message;
            default -> "template error: " + message;
        };
    }

    private static final java.util.regex.Pattern UNKNOWN_FUNCTION =
            java.util.regex.Pattern.compile("Could not resolve function '(?:[^':]*:)?([^']+)'");

    /**
     * Calling a name that is no global ({@code all(l)}, {@code zip(a, b)}: Jinja2 has no such globals) is looking
     * up an undefined variable in Jinja2, so Ansible says "'all' is undefined"; jinjava calls it a syntax error.
     */
    private static String undefinedFunction(String message) {
        java.util.regex.Matcher m = UNKNOWN_FUNCTION.matcher(message);
        return m.find() ? "'" + m.group(1) + "' is undefined" : null;
    }
}
