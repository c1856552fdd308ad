package dev.jprov.engine;

import dev.jprov.playbook.Task;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a task may read the controller's files while it is templated or planned: a lookup or query call in its
 * text or in a variable's template (lookup('file'), lookup('template'), first_found, fileglob, pipe), a with_
 * loop over such a lookup, or a module source ({@code src:} of copy and template). Before such a task, the writes
 * queued on the controller (hosts with ansible_connection: local) are made, so it reads files as they are when
 * called, as in Ansible, while other tasks keep their changes queued.
 */
final class ControllerReads {
    private ControllerReads() {}

    private static final Pattern LOOKUP_CALL = Pattern.compile("\\b(?:lookup|query|q)\\s*\\(");

    /** The with_ loops that are not fed from the controller's files. */
    private static final Set<String> PLAIN_LOOPS = Set.of("items", "list", "dict", "indexed_items", "nested",
            "together", "subelements", "sequence", "random_choice", "flattened", "cartesian");

    static boolean mayRead(Task task, Map<String, Object> taskVars) {
        if (task.loop() != null && task.loop().lookup() != null && !PLAIN_LOOPS.contains(task.loop().lookup())) return true;
        if (task.action() != null && task.action().args() != null && task.action().args().containsKey("src")) return true;
        if (mentionsLookup(task.toString())) return true;
        for (Map.Entry<String, Object> v : taskVars.entrySet()) {
            // other hosts' variables and gathered facts hold no template of this play's
            if (v.getKey().equals("hostvars") || v.getKey().startsWith("ansible_")) continue;
            if (mentionsLookup(v.getValue(), 0)) return true;
        }
        return false;
    }

    private static boolean mentionsLookup(String text) {
        return text.contains("(") && LOOKUP_CALL.matcher(text).find();
    }

    /** Variables' unrendered values: only strings that are templates can call a lookup. */
    private static boolean mentionsLookup(Object value, int depth) {
        if (depth > 32) return false;
        if (value instanceof String s) return s.contains("{") && mentionsLookup(s);
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) if (mentionsLookup(v, depth + 1)) return true;
        } else if (value instanceof List<?> l) {
            for (Object v : l) if (mentionsLookup(v, depth + 1)) return true;
        }
        return false;
    }
}
