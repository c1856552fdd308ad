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
        return (t instanceof com.hubspot.jinjava.interpret.TemplateSyntaxException ? "template syntax error: "
                : "template error: ") + message;
    }

    static String describe(TemplateError error) {
        String message = error.getMessage() == null ? "template error" : error.getMessage().strip();
        int nl = message.indexOf('\n');
        if (nl > 0) message = message.substring(0, nl);
        return switch (error.getReason()) {
            case SYNTAX_ERROR -> "template syntax error: " + message;
            default -> "template error: " + message;
        };
    }
}
