package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds which key of a task mapping is its action and normalises the action's arguments, following Ansible's
 * ModuleArgsParser: the module as key with a mapping, a free-form string or key=value text; {@code action:};
 * {@code args:} merged underneath.
 */
final class ActionResolver {

    /** Keys of a task that are keywords, not candidate actions. */
    static final Set<String> TASK_KEYS;

    static {
        java.util.HashSet<String> keys = new java.util.HashSet<>(TaskKeywordsReader.KEYS);
        keys.addAll(TaskKeywordsReader.UNSUPPORTED);
        keys.addAll(List.of("name", "action", "local_action", "args", "loop", "loop_control", "register",
                "changed_when", "failed_when", "until", "retries", "delay", "listen", "collections", "async", "poll"));
        TASK_KEYS = Set.copyOf(keys);
    }

    /** Actions the loader itself handles. */
    static final Set<String> BUILTIN = Set.of("meta", "include", "include_tasks", "include_role", "import_tasks",
            "import_role", "import_playbook");

    /** command-like modules: free-form text, only their own k=v options are split off (FREEFORM_ACTIONS). */
    static final Set<String> FREE_FORM = Set.of("command", "shell", "script", "raw");

    /** Actions that may have free-form text at all (RAW_PARAM_MODULES). */
    static final List<String> RAW_PARAM = List.of("command", "shell", "script", "raw", "include_vars", "add_host",
            "group_by", "set_fact", "meta", "include_tasks", "include_role", "import_tasks", "import_role");

    /** Collections whose modules jprov implements under their short names. */
    private static final Set<String> KNOWN_COLLECTIONS = Set.of("ansible.builtin", "ansible.legacy",
            "ansible.posix", "community.general");

    private final Predicate<String> isModule;

    ActionResolver(Predicate<String> isModule) {
        this.isModule = isModule;
    }

    /** A task's action: name as written, canonical short name, normalised args, and where it was written. */
    record Resolved(String written, String canonical, Map<String, Object> args, SourceLocation location) {
    }

    static String canonical(String written) {
        int dot = written.lastIndexOf('.');
        return dot < 0 ? written : written.substring(dot + 1);
    }

    private static String collection(String written) {
        int dot = written.lastIndexOf('.');
        return dot < 0 ? null : written.substring(0, dot);
    }

    /** Is {@code key} an action name (a module, or one of the loader's builtins, possibly by FQCN)? */
    boolean isAction(String key) {
        String coll = collection(key);
        String shortName = canonical(key);
        if (coll == null) return BUILTIN.contains(key) || isModule.test(key);
        if (isModule.test(key)) return true;
        if (coll.equals("ansible.builtin") || coll.equals("ansible.legacy")) {
            if (BUILTIN.contains(shortName)) return true;
        }
        return KNOWN_COLLECTIONS.contains(coll) && isModule.test(shortName);
    }

    Resolved resolve(YamlNode.Mapping task) {
        String action = null;
        SourceLocation at = task.location();
        YamlNode thing = null;
        Map<String, Object> args = null;
        YamlNode additional = task.get("args");

        if (task.get("local_action") != null) {
            throw new LoadException(task.keyLocation("local_action"),
                    "'local_action' is not supported by jprov: use the module with 'delegate_to: localhost'");
        }
        if (task.entries().containsKey("action")) {
            thing = task.get("action");
            at = task.keyLocation("action");
            Old old = oldStyle(thing);
            action = old.action;
            args = merge(additional, old.args);
        }
        for (Map.Entry<String, YamlNode> e : task.entries().entrySet()) {
            String key = e.getKey();
            if (TASK_KEYS.contains(key) || key.startsWith("with_")) continue;
            if (!isAction(key)) {
                throw new LoadException(task.keyLocation(key), "couldn't resolve module/action '" + key
                        + "'. This often indicates a misspelling, missing collection, or incorrect module path.");
            }
            if (action != null) {
                throw new LoadException(task.location(), "conflicting action statements: " + action + ", " + key);
            }
            action = key;
            at = task.keyLocation(key);
            args = merge(additional, newStyle(e.getValue(), key));
        }
        if (action == null) throw new LoadException(task.location(), "no module/action detected in task.");

        String canonical = canonical(action);
        Object raw = args.get("_raw_params");
        if (raw != null && !raw.toString().isEmpty() && !RAW_PARAM.contains(canonical)) {
            args.remove("_raw_params");
            if (Templates.isTemplate(raw.toString())) {
                args.put("_variable_params", raw);
            } else {
                throw new LoadException(at, "this task '" + action + "' has extra params, which is only allowed in"
                        + " the following modules: " + String.join(", ", RAW_PARAM));
            }
        }
        if (!FREE_FORM.contains(canonical)) {
            for (String k : args.keySet()) {
                if (k.startsWith("_ansible_")) {
                    throw new LoadException(at, "invalid parameter specified for action '" + action + "': '" + k + "'");
                }
            }
        }
        return new Resolved(action, canonical, args, at);
    }

    private Map<String, Object> newStyle(YamlNode thing, String action) {
        return switch (thing) {
            case YamlNode.Mapping m -> plainMap(m);
            case YamlNode.Scalar s when s.value() == null -> new LinkedHashMap<>();
            case YamlNode.Scalar s when s.value() instanceof String str -> kv(str, canonical(action), s.location());
            default -> throw new LoadException(thing.location(), "unexpected parameter type in action: "
                    + KeywordValues.describe(thing) + " (give the arguments as a mapping or key=value text)");
        };
    }

    private record Old(String action, Map<String, Object> args) {
    }

    /** {@code action: copy src=a dest=b} or {@code action: {module: copy, src: a}}. */
    private Old oldStyle(YamlNode thing) {
        if (thing instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            return splitModuleString(str, s.location(), new LinkedHashMap<>());
        }
        if (thing instanceof YamlNode.Mapping m && m.get("module") != null) {
            Map<String, Object> rest = plainMap(m);
            rest.remove("module");
            String module = KeywordValues.requiredText("module", m.get("module"));
            return splitModuleString(module, m.get("module").location(), rest);
        }
        throw new LoadException(thing.location(), "unexpected parameter type in action: "
                + KeywordValues.describe(thing) + " (expected 'module args' text or a mapping with 'module:')");
    }

    private Old splitModuleString(String text, SourceLocation at, Map<String, Object> base) {
        List<String> tokens = split(text, at);
        if (tokens.isEmpty()) throw new LoadException(at, "no module/action detected in task.");
        String module = tokens.get(0).strip();
        if (!isAction(module)) {
            throw new LoadException(at, "couldn't resolve module/action '" + module
                    + "'. This often indicates a misspelling, missing collection, or incorrect module path.");
        }
        String rest = String.join(" ", tokens.subList(1, tokens.size()));
        base.putAll(kv(rest, canonical(module), at));
        return new Old(module, base);
    }

    private static List<String> split(String text, SourceLocation at) {
        try {
            return KeyValueArgs.split(text);
        } catch (KeyValueArgs.SplitException e) {
            throw new LoadException(at, e.getMessage());
        }
    }

    private static Map<String, Object> kv(String text, String canonical, SourceLocation at) {
        try {
            return new LinkedHashMap<>(KeyValueArgs.parse(text, FREE_FORM.contains(canonical)));
        } catch (KeyValueArgs.SplitException e) {
            throw new LoadException(at, e.getMessage());
        }
    }

    /** {@code args:} first, overridden by the arguments given with the action. */
    private static Map<String, Object> merge(YamlNode additional, Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (additional != null) {
            switch (additional) {
                case YamlNode.Mapping m -> out.putAll(plainMap(m));
                case YamlNode.Scalar s when s.value() == null -> { }
                case YamlNode.Scalar s when s.value() instanceof String str && Templates.isTemplate(str) ->
                        out.put("_variable_params", str);
                case YamlNode.Scalar s when s.value() instanceof String -> throw new LoadException(s.location(),
                        "Complex args containing variables cannot use bare variables (without Jinja2 delimiters),"
                                + " and must use the full variable style ('{{var_name}}')");
                default -> throw new LoadException(additional.location(),
                        "Complex args must be a dictionary or variable string (\"{{var}}\").");
            }
        }
        out.putAll(args);
        return out;
    }

    private static Map<String, Object> plainMap(YamlNode.Mapping m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> out.put(k, v.toPlain()));
        return out;
    }
}
