package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the inheritable keywords ({@link TaskKeywords}) of a play, role reference, block or task mapping. */
final class TaskKeywordsReader {

    static final Set<String> KEYS = Set.of("when", "tags", "vars", "environment", "notify", "become",
            "become_method", "become_user", "remote_user", "ignore_errors", "ignore_unreachable", "check_mode",
            "diff", "no_log", "run_once", "any_errors_fatal", "delegate_to", "delegate_facts", "throttle");

    /** Ansible keywords jprov knows but does not implement: a clear error instead of "not a valid attribute". */
    static final Set<String> UNSUPPORTED = Set.of("timeout", "connection", "port",
            "debugger", "become_flags", "become_exe", "module_defaults");

    private TaskKeywordsReader() {
    }

    static void rejectUnsupported(YamlNode.Mapping m, String key) {
        if (key.equals("module_defaults")) {
            throw new LoadException(m.keyLocation(key), "'module_defaults' is not supported yet by jprov");
        }
        if (UNSUPPORTED.contains(key)) {
            throw new LoadException(m.keyLocation(key), "'" + key + "' is not supported by jprov");
        }
    }

    /** Reads the keys of {@link #KEYS} present in {@code m}; {@code owner} names the thing in errors ("Task"). */
    static TaskKeywords read(YamlNode.Mapping m, String owner) {
        List<Condition> when = List.of();
        List<String> tags = List.of();
        Map<String, Object> vars = Map.of();
        List<Object> env = List.of();
        List<String> notify = List.of();
        Flag become = null, ignoreErrors = null, ignoreUnreachable = null, checkMode = null, diff = null;
        Flag noLog = null, runOnce = null, anyErrorsFatal = null, delegateFacts = null;
        String becomeMethod = null, becomeUser = null, remoteUser = null, delegateTo = null;
        Object throttle = null;
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String k = e.getKey();
            YamlNode v = e.getValue();
            switch (k) {
                case "when" -> when = KeywordValues.conditions(k, v);
                case "tags" -> tags = KeywordValues.tags(v);
                case "vars" -> vars = KeywordValues.vars(owner, v);
                case "environment" -> env = KeywordValues.environment(v);
                case "notify" -> notify = new ArrayList<>(KeywordValues.textList(k, v));
                case "become" -> become = Flag.parse(k, v);
                case "become_method" -> becomeMethod = KeywordValues.text(k, v);
                case "become_user" -> becomeUser = KeywordValues.text(k, v);
                case "remote_user" -> remoteUser = KeywordValues.text(k, v);
                case "ignore_errors" -> ignoreErrors = Flag.parse(k, v);
                case "ignore_unreachable" -> ignoreUnreachable = Flag.parse(k, v);
                case "check_mode" -> checkMode = Flag.parse(k, v);
                case "diff" -> diff = Flag.parse(k, v);
                case "no_log" -> noLog = Flag.parse(k, v);
                case "run_once" -> runOnce = Flag.parse(k, v);
                case "any_errors_fatal" -> anyErrorsFatal = Flag.parse(k, v);
                case "delegate_to" -> delegateTo = KeywordValues.text(k, v);
                case "delegate_facts" -> delegateFacts = Flag.parse(k, v);
                case "throttle" -> throttle = KeywordValues.number(k, v);
                default -> { }
            }
        }
        return new TaskKeywords(when, tags, vars, env, notify, become, becomeMethod, becomeUser, remoteUser,
                ignoreErrors, ignoreUnreachable, checkMode, diff, noLog, runOnce, anyErrorsFatal, delegateTo,
                delegateFacts, throttle);
    }
}
