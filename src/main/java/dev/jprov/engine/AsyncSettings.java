package dev.jprov.engine;

import dev.jprov.playbook.AsyncKeywords;
import dev.jprov.source.SourceLocation;
import java.util.Map;
import java.util.Set;

/**
 * A task's rendered async and poll: the job's time limit and the pause between status checks (0: fire and forget).
 * Ansible's poll default is its DEFAULT_POLL_INTERVAL, 15 seconds.
 */
record AsyncSettings(long async, long poll) {
    static final long DEFAULT_POLL = 15;

    /**
     * Modules whose Ansible action plugin refuses async (no _supports_async in ansible-core 2.14's action plugins):
     * Ansible's "async is not supported for this task." is theirs.
     */
    static final Set<String> REFUSED_BY_ANSIBLE = Set.of("raw", "copy", "template", "debug", "set_fact", "assert",
            "fail", "add_host", "group_by", "async_status");

    /** The settings, or null when the task is not async (no async, or 0). */
    static AsyncSettings of(AsyncKeywords k, Map<String, Object> vars, Templating templating, SourceLocation at) {
        if (k == null) return null;
        long async = number("async", k.async(), vars, templating, at);
        if (async <= 0) return null;
        long poll = k.poll() == null ? DEFAULT_POLL : number("poll", k.poll(), vars, templating, at);
        return new AsyncSettings(async, Math.max(0, poll));
    }

    private static long number(String key, Object value, Map<String, Object> vars, Templating templating,
                               SourceLocation at) {
        Object r = templating.render(value, vars, at);
        try {
            return (long) Double.parseDouble(String.valueOf(r).strip());
        } catch (NumberFormatException e) {
            throw new TemplateError((at == null ? "" : at + ": ") + "'" + key + "' must be a number, got: " + r, e);
        }
    }
}
