package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads one play mapping: checks its keywords, compiles its roles and task lists. */
final class PlayLoader {

    private static final Set<String> PLAY_KEYS = Set.of("hosts", "name", "vars", "vars_files", "roles", "pre_tasks",
            "tasks", "post_tasks", "handlers", "gather_facts", "gather_subset", "gather_timeout", "fact_path",
            "serial", "max_fail_percentage", "any_errors_fatal", "become", "become_method", "become_user",
            "remote_user", "tags", "strategy", "environment", "check_mode", "diff", "ignore_errors",
            "ignore_unreachable", "no_log", "run_once", "force_handlers", "collections", "throttle");

    private final TaskListLoader tasks;
    private final LoadTemplating templating; // may be null

    PlayLoader(TaskListLoader tasks, LoadTemplating templating) {
        this.tasks = tasks;
        this.templating = templating;
    }

    /**
     * @param imported when/tags from import_playbook statements around this play (outermost first)
     * @param importVars vars of those statements; they win over the play's own vars, as in Ansible
     */
    Play load(YamlNode.Mapping m, Path file, TaskKeywords imported, Map<String, Object> importVars) {
        for (String k : m.entries().keySet()) {
            if (PLAY_KEYS.contains(k)) continue;
            if (k.equals("vars_prompt")) {
                throw new LoadException(m.keyLocation(k), "'vars_prompt' is not supported by jprov: jprov never"
                        + " prompts; pass the values with -e/--extra-vars instead");
            }
            if (k.equals("order")) throw new LoadException(m.keyLocation(k), "'order' is not supported by jprov");
            TaskKeywordsReader.rejectUnsupported(m, k);
            throw new LoadException(m.keyLocation(k), "'" + k + "' is not a valid attribute for a Play");
        }
        if (m.get("hosts") == null) {
            throw new LoadException(m.location(), "the field 'hosts' is required but was not set");
        }
        List<String> hosts = KeywordValues.textList("hosts", m.get("hosts"));
        if (hosts.isEmpty() || hosts.stream().allMatch(String::isBlank)) {
            throw new LoadException(m.get("hosts").location(), "Hosts list cannot be empty. Please check your playbook");
        }
        Path baseDir = file.toAbsolutePath().getParent();
        TaskKeywords own = TaskKeywordsReader.read(m, "Play");
        TaskKeywords keywords = own.withoutVars().under(imported);
        Map<String, Object> vars = new LinkedHashMap<>(own.vars());
        vars.putAll(importVars);

        Scope scope = new Scope(file, baseDir, null, keywords);
        PlayLoadState st = new PlayLoadState(vars);
        List<TaskNode> pre = list(m, "pre_tasks", scope, st);
        List<TaskNode> roleTasks = new ArrayList<>();
        if (m.get("roles") != null) {
            for (YamlNode r : KeywordValues.list("roles", m.get("roles"))) {
                roleTasks.addAll(tasks.compileRole(RoleRef.parse(r), RoleFrom.MAIN, false, null, scope, null, st)
                        .tasks());
            }
        }
        List<TaskNode> main = list(m, "tasks", scope, st);
        List<TaskNode> post = list(m, "post_tasks", scope, st);
        List<TaskNode> handlers = new ArrayList<>(st.roleHandlers);
        if (m.get("handlers") != null) {
            handlers.addAll(TaskListLoader.flattenHandlers(
                    tasks.loadList(KeywordValues.list("handlers", m.get("handlers")), scope, st, true)));
        }
        return new Play(
                m.get("name") == null ? null : KeywordValues.text("name", m.get("name")),
                hosts, m.location(), file, baseDir, vars, varsFiles(m.get("vars_files")), st.uses,
                pre, roleTasks, main, post, handlers, keywords,
                m.get("gather_facts") == null ? null : Flag.parse("gather_facts", m.get("gather_facts")),
                serial(m.get("serial")),
                percent(m.get("max_fail_percentage")),
                strategy(m.get("strategy"), vars),
                m.get("force_handlers") == null ? null : Flag.parse("force_handlers", m.get("force_handlers")));
    }

    private List<TaskNode> list(YamlNode.Mapping m, String key, Scope scope, PlayLoadState st) {
        if (m.get(key) == null) return List.of();
        return tasks.loadList(KeywordValues.list(key, m.get(key)), scope, st, false);
    }

    private static List<VarsFile> varsFiles(YamlNode node) {
        if (node == null) return List.of();
        List<VarsFile> out = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && s.value() == null) continue;
            List<String> candidates = KeywordValues.textList("vars_files", item);
            if (candidates.isEmpty()) throw new LoadException(item.location(), "an empty vars_files entry");
            out.add(new VarsFile(candidates, item.location()));
        }
        return out;
    }

    /** serial: a number, a percentage, or a list of those (batch sizes); templates are kept as text. */
    private static List<Object> serial(YamlNode node) {
        if (node == null) return List.of();
        List<Object> out = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
        for (YamlNode item : items) {
            Object v = item.toPlain();
            if (v instanceof Integer || v instanceof Long) {
                out.add(((Number) v).intValue());
            } else if (v instanceof String s && s.strip().matches("\\d+(\\.\\d+)?%")) {
                out.add(s.strip());
            } else if (v instanceof String s && s.strip().matches("\\d+")) {
                out.add(Integer.parseInt(s.strip()));
            } else if (v instanceof String s && Templates.isTemplate(s)) {
                out.add(s);
            } else {
                throw new LoadException(item.location(), "'serial' must be a number, a percentage like \"30%\", or a"
                        + " list of those, got: " + v);
            }
        }
        return out;
    }

    private static Object percent(YamlNode node) {
        if (node == null) return null;
        Object v = node.toPlain();
        if (v instanceof Number n) return n;
        if (v instanceof String s) {
            String t = s.strip();
            if (Templates.isTemplate(t)) return t;
            try {
                return Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                // error below
            }
        }
        throw new LoadException(node.location(), "'max_fail_percentage' must be a number or a percentage, got: " + v);
    }

    /** strategy: Ansible templates it with the play's and extra vars before the play runs. */
    private String strategy(YamlNode node, Map<String, Object> playVars) {
        if (node == null) return "linear";
        String s = KeywordValues.text("strategy", node);
        if (Templates.isTemplate(s) && templating != null) {
            Map<String, Object> v = new LinkedHashMap<>(playVars);
            v.putAll(templating.extraVars());
            s = String.valueOf(templating.render(s, v, node.location()));
        }
        if (!"linear".equals(s) && !"free".equals(s)) {
            throw new LoadException(node.location(), "Invalid play strategy specified: " + s
                    + " (jprov supports linear and free)");
        }
        return s;
    }
}
