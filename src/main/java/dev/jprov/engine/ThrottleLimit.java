package dev.jprov.engine;

import java.util.Map;

/** A task's throttle rendered to a number, with ansible-core 2.14's message when it is not one. */
final class ThrottleLimit {
    private ThrottleLimit() {
    }

    static int of(Object throttle, Map<String, Object> vars, Templating templating) {
        if (throttle == null) return 0;
        Object r = templating.render(throttle, vars, null);
        try {
            return Integer.parseInt(String.valueOf(r).strip());
        } catch (NumberFormatException e) {
            throw new TemplateError("Failed to convert the throttle value to an integer.", e);
        }
    }
}
