package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads task lists (tasks, pre_tasks, post_tasks, handlers, task files, role tasks) into {@link TaskNode}s:
 * blocks with inheritance, static imports (import_tasks, import_role) expanded in place, dynamic includes kept
 * as nodes, and roles compiled with their meta dependencies and Ansible's per-play deduplication.
 */
final class TaskListLoader {

    /** Ansible's builtin lookup plugins: the with_X loops it accepts. */
    static final Set<String> LOOKUPS = Set.of("items", "list", "dict", "fileglob", "indexed_items", "nested",
            "together", "subelements", "sequence", "flattened", "first_found", "random_choice", "lines", "file",
            "env", "template", "inventory_hostnames", "pipe", "password", "csvfile", "ini", "url", "varnames",
            "vars", "config", "unvault");

    private static final Set<String> TASK_ONLY_KEYS = Set.of("name", "action", "args", "loop", "loop_control",
            "register", "changed_when", "failed_when", "until", "retries", "delay", "collections", "async", "poll");

    private static final Set<String> BLOCK_KEYS = union(TaskKeywordsReader.KEYS, Set.of("block", "rescue", "always",
            "name", "collections"));

    private static final Set<String> IMPORT_KEYS = union(TaskKeywordsReader.KEYS, Set.of("name", "args",
            "collections"));

    private static final Set<String> INCLUDE_KEYS = union(IMPORT_KEYS, Set.of("loop", "loop_control", "register"));

    private static final Set<String> LOOP_CONTROL_KEYS = Set.of("loop_var", "index_var", "label", "pause",
            "extended", "extended_allitems");

    private static final Set<String> ROLE_ARGS = Set.of("name", "tasks_from", "vars_from", "defaults_from",
            "handlers_from", "allow_duplicates", "public", "rolespec_validate", "apply");

    /** A role compiled for a play: the use and its tasks (dependencies' tasks first). */
    record CompiledRole(RoleUse use, List<TaskNode> tasks) {
    }

    private final YamlReader yaml;
    private final ActionResolver actions;
    private final RoleFinder finder;
    private final RoleFiles roleFiles;
    private final LoadTemplating templating; // null: templated import_role names are an error

    TaskListLoader(YamlReader yaml, ActionResolver actions, RoleFinder finder, RoleFiles roleFiles,
                   LoadTemplating templating) {
        this.templating = templating;
        this.yaml = yaml;
        this.actions = actions;
        this.finder = finder;
        this.roleFiles = roleFiles;
    }

    // ---------------------------------------------------------------- task lists and files

    List<TaskNode> loadFile(Path file, Scope scope, PlayLoadState st, boolean handlers, SourceLocation at) {
        st.enter(file.toAbsolutePath().normalize(), at, "tasks file");
        try {
            YamlNode node = yaml.read(file);
            if (node == null || node instanceof YamlNode.Scalar s && s.value() == null) return List.of();
            if (!(node instanceof YamlNode.Sequence seq)) {
                throw new LoadException(node.location(), "a tasks file must contain a list of tasks, got "
                        + KeywordValues.describe(node));
            }
            return loadList(seq.items(), scope.inFile(file), st, handlers);
        } finally {
            st.leave();
        }
    }

    List<TaskNode> loadList(List<YamlNode> items, Scope scope, PlayLoadState st, boolean handlers) {
        List<TaskNode> out = new ArrayList<>();
        for (YamlNode item : items) out.addAll(loadItem(item, scope, st, handlers));
        return out;
    }

    private List<TaskNode> loadItem(YamlNode item, Scope scope, PlayLoadState st, boolean handlers) {
        if (!(item instanceof YamlNode.Mapping m)) {
            throw new LoadException(item.location(), "a task must be a mapping of keywords (for example"
                    + " '- name: ...' with a module), got " + KeywordValues.describe(item)
                    + (item instanceof YamlNode.Scalar s && s.value() != null ? " ('" + s.value() + "')" : ""));
        }
        if (m.get("block") != null || m.entries().containsKey("block") || m.entries().containsKey("rescue")
                || m.entries().containsKey("always")) {
            return List.of(loadBlock(m, scope, st, handlers));
        }
        for (String k : m.entries().keySet()) TaskKeywordsReader.rejectUnsupported(m, k);
        ActionResolver.Resolved r = actions.resolve(m);
        String builtin = builtin(r);
        if (builtin == null) return List.of(loadTask(m, r, scope, handlers));
        // meta and include_tasks as handlers run when notified (setup_remote_tmp_dir's cleanup is an include_tasks)
        if (handlers && !builtin.equals("import_tasks") && !builtin.equals("meta") && !builtin.equals("include_tasks")) {
            throw new LoadException(r.location(), "'" + r.written() + "' is not supported in handlers by jprov");
        }
        return switch (builtin) {
            case "import_tasks" -> importTasks(m, r, scope, st, handlers);
            case "include_tasks" -> List.of(includeTasks(m, r, scope));
            case "import_role" -> importRole(m, r, scope, st);
            case "include_role" -> List.of(includeRole(m, r, scope));
            case "meta" -> List.of(meta(m, r, scope));
            case "import_playbook" -> throw new LoadException(r.location(),
                    "'import_playbook' is only allowed at the top level of a playbook, not in a task list");
            default -> throw new LoadException(r.location(), "'include' was removed from Ansible and is not"
                    + " supported: use 'include_tasks' or 'import_tasks'");
        };
    }

    private static String builtin(ActionResolver.Resolved r) {
        if (!ActionResolver.BUILTIN.contains(r.canonical())) return null;
        String w = r.written();
        if (w.equals(r.canonical()) || w.startsWith("ansible.builtin.") || w.startsWith("ansible.legacy.")) {
            return r.canonical();
        }
        return null;
    }

    // ---------------------------------------------------------------- tasks and blocks

    private Task loadTask(YamlNode.Mapping m, ActionResolver.Resolved r, Scope scope, boolean handler) {
        for (String k : m.entries().keySet()) {
            if (k.equals(r.written()) || TaskKeywordsReader.KEYS.contains(k) || TASK_ONLY_KEYS.contains(k)) continue;
            if (k.equals("listen") && handler) continue;
            if (k.startsWith("with_") && LOOKUPS.contains(k.substring(5))) continue;
            throw new LoadException(m.keyLocation(k), "'" + k + "' is not a valid attribute for a "
                    + (handler ? "Handler" : "Task"));
        }
        TaskKeywords own = TaskKeywordsReader.read(m, handler ? "Handler" : "Task");
        Until until = null;
        if (m.get("until") != null) {
            until = new Until(KeywordValues.conditions("until", m.get("until")),
                    m.get("retries") == null ? 3 : number("retries", m.get("retries")),
                    m.get("delay") == null ? 5 : number("delay", m.get("delay")));
        }
        return new Task(
                name(m),
                new ModuleCall(r.written(), r.canonical(), r.args(), r.location()),
                own.under(scope.keywords()),
                loop(m),
                m.get("register") == null ? null : register(m.get("register")),
                m.get("changed_when") == null ? List.of() : KeywordValues.conditions("changed_when", m.get("changed_when")),
                m.get("failed_when") == null ? List.of() : KeywordValues.conditions("failed_when", m.get("failed_when")),
                until,
                m.get("listen") == null ? List.of() : KeywordValues.textList("listen", m.get("listen")),
                scope.role(),
                m.location(),
                m.get("async") == null ? null : new AsyncKeywords(number("async", m.get("async")),
                        m.get("poll") == null ? null : number("poll", m.get("poll"))));
    }

    private Block loadBlock(YamlNode.Mapping m, Scope scope, PlayLoadState st, boolean handlers) {
        checkKeys(m, BLOCK_KEYS, "Block");
        TaskKeywords own = TaskKeywordsReader.read(m, "Block");
        Scope inner = scope.with(own);
        List<TaskNode> block = m.get("block") == null ? List.of()
                : loadList(KeywordValues.list("block", m.get("block")), inner, st, handlers);
        List<TaskNode> rescue = m.get("rescue") == null ? List.of()
                : loadList(KeywordValues.list("rescue", m.get("rescue")), inner, st, handlers);
        List<TaskNode> always = m.get("always") == null ? List.of()
                : loadList(KeywordValues.list("always", m.get("always")), inner, st, handlers);
        return new Block(name(m), block, rescue, always, inner.keywords(), scope.role(), m.location());
    }

    private Meta meta(YamlNode.Mapping m, ActionResolver.Resolved r, Scope scope) {
        checkKeys(m, r.written(), IMPORT_KEYS, "meta task");
        Object raw = r.args().get("_raw_params");
        if (raw == null || r.args().size() != 1) {
            throw new LoadException(r.location(), "meta needs one action, e.g. 'meta: flush_handlers'");
        }
        MetaAction action = MetaAction.parse(raw.toString().strip());
        if (action == null) {
            throw new LoadException(r.location(), "invalid meta action requested: " + raw + " (jprov supports: "
                    + java.util.Arrays.stream(MetaAction.values()).map(MetaAction::keyword)
                    .collect(Collectors.joining(", ")) + ")");
        }
        TaskKeywords own = TaskKeywordsReader.read(m, "Task");
        return new Meta(name(m), r.written(), action, own.under(scope.keywords()), scope.role(), m.location());
    }

    // ---------------------------------------------------------------- imports and includes

    private List<TaskNode> importTasks(YamlNode.Mapping m, ActionResolver.Resolved r, Scope scope, PlayLoadState st,
                                       boolean handlers) {
        rejectLoop(m, r.written(), "include_tasks");
        checkKeys(m, r.written(), IMPORT_KEYS, r.written());
        String file = taskFileArg(r, Set.of());
        if (Templates.isTemplate(file)) {
            throw new LoadException(r.location(), "the file name of import_tasks cannot be a template in jprov"
                    + " (imports are resolved when loading): use include_tasks");
        }
        Path resolved = resolveTaskFile(file, scope, r.location());
        TaskKeywords own = TaskKeywordsReader.read(m, "Task");
        return loadFile(resolved, scope.with(own), st, handlers, r.location());
    }

    private IncludeTasks includeTasks(YamlNode.Mapping m, ActionResolver.Resolved r, Scope scope) {
        checkKeys(m, r.written(), INCLUDE_KEYS, r.written());
        String file = taskFileArg(r, Set.of("apply"));
        TaskKeywords own = TaskKeywordsReader.read(m, "Task");
        Map<String, Object> args = new java.util.LinkedHashMap<>(r.args());
        args.remove("file");
        args.remove("_raw_params");
        return new IncludeTasks(name(m), r.written(), file, own.under(scope.keywords()), loop(m),
                apply(m, r), scope, m.location(), register(m), args);
    }

    private static String taskFileArg(ActionResolver.Resolved r, Set<String> extra) {
        Object file = null;
        for (Map.Entry<String, Object> e : r.args().entrySet()) {
            switch (e.getKey()) {
                case "file", "_raw_params" -> {
                    if (file != null) {
                        throw new LoadException(r.location(), "Invalid options for " + r.written()
                                + ": give the file name once (free-form or file:)");
                    }
                    file = e.getValue();
                }
                default -> {
                    if (!extra.contains(e.getKey())) {
                        throw new LoadException(r.location(), "Invalid options for " + r.written() + ": " + e.getKey());
                    }
                }
            }
        }
        if (file == null || file.toString().isBlank()) {
            throw new LoadException(r.location(), "No file specified for " + r.written());
        }
        return file.toString();
    }

    /** A tasks file named by an import or include: next to the including file, in the role's tasks/, or the play dir. */
    Path resolveTaskFile(String file, Scope scope, SourceLocation at) {
        Path asked = Path.of(file);
        List<Path> candidates = new ArrayList<>();
        if (asked.isAbsolute()) {
            candidates.add(asked);
        } else {
            Path dir = scope.file() == null ? null : scope.file().toAbsolutePath().getParent();
            if (dir != null) candidates.add(dir.resolve(asked).normalize());
            if (scope.role() != null) candidates.add(scope.role().role().tasksDir().resolve(asked).normalize());
            candidates.add(scope.playDir().resolve(asked).normalize());
        }
        for (Path p : candidates) if (Files.isRegularFile(p)) return p;
        throw new MissingFile(at, "Could not find or access '" + file + "' (searched: "
                + candidates.stream().distinct().map(Path::toString).collect(Collectors.joining(", ")) + ")");
    }

    private List<TaskNode> importRole(YamlNode.Mapping m, ActionResolver.Resolved r, Scope scope, PlayLoadState st) {
        rejectLoop(m, r.written(), "include_role");
        checkKeys(m, r.written(), IMPORT_KEYS, r.written());
        RoleArgs a = roleArgs(m, r);
        if (a.apply != TaskKeywords.NONE) {
            throw new LoadException(r.location(), "Invalid options for import_role: apply");
        }
        TaskKeywords own = TaskKeywordsReader.read(m, "Task");
        if (Templates.isTemplate(a.name)) a = a.named(roleName(a.name, scope, own, st, r.location()));
        // The import's vars: are also the role use's vars, as RoleInclude.vars in Ansible's get_block_list: they
        // then reach the whole play, as the vars of a roles: entry do.
        RoleRef ref = new RoleRef(a.name, TaskKeywords.NONE, own.vars(), Map.of(), r.location());
        Path parent = scope.role() == null ? null : scope.role().path().getParent();
        return compileRole(ref, a.from, true, a.allowDuplicates, scope.with(own), parent, st).tasks();
    }

    /**
     * An import_role's templated name, rendered now as Ansible's load_list_of_tasks does, with the variables known
     * without a host: play vars, the enclosing blocks' and the task's vars, extra vars on top.
     */
    private String roleName(String name, Scope scope, TaskKeywords own, PlayLoadState st, SourceLocation at) {
        if (templating == null) {
            throw new LoadException(at, "the role name of import_role is a template (" + name + "), which jprov"
                    + " renders only when it runs a playbook");
        }
        Map<String, Object> vars = new LinkedHashMap<>(st.playVars);
        vars.putAll(scope.keywords().vars());
        vars.putAll(own.vars());
        vars.putAll(templating.extraVars());
        Object rendered = templating.render(name, vars, at);
        if (rendered == null || rendered.toString().isBlank()) {
            throw new LoadException(at, "the role name of import_role (" + name + ") renders to nothing");
        }
        return rendered.toString();
    }

    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert",
            "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    /**
     * register: a variable name (Python's isidentifier and not a keyword, as ansible.utils.vars.isidentifier).
     * Ansible finds a bad one only when the task has run; jprov refuses it while loading, at its place.
     */
    private static String register(YamlNode node) {
        String name = KeywordValues.text("register", node);
        boolean identifier = !name.isEmpty() && (Character.isLetter(name.codePointAt(0)) || name.charAt(0) == '_')
                && name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        if (!identifier || PYTHON_KEYWORDS.contains(name)) {
            throw new LoadException(node.location(), "Invalid variable name in 'register' specified: '" + name + "'");
        }
        return name;
    }

    private IncludeRole includeRole(YamlNode.Mapping m, ActionResolver.Resolved r, Scope scope) {
        checkKeys(m, r.written(), INCLUDE_KEYS, r.written());
        RoleArgs a = roleArgs(m, r);
        TaskKeywords own = TaskKeywordsReader.read(m, "Task");
        return new IncludeRole(name(m), r.written(), a.name, a.from, a.allowDuplicates, a.isPublic,
                own.under(scope.keywords()), loop(m), a.apply, scope, m.location(), register(m), r.args());
    }

    private record RoleArgs(String name, RoleFrom from, boolean allowDuplicates, boolean isPublic,
                            TaskKeywords apply) {
        RoleArgs named(String rendered) {
            return new RoleArgs(rendered, from, allowDuplicates, isPublic, apply);
        }
    }

    private static RoleArgs roleArgs(YamlNode.Mapping m, ActionResolver.Resolved r) {
        for (String k : r.args().keySet()) {
            if (!ROLE_ARGS.contains(k)) {
                throw new LoadException(r.location(), "Invalid options for " + r.written() + ": " + k);
            }
        }
        Object name = r.args().get("name");
        if (name == null || name.toString().isBlank()) {
            throw new LoadException(r.location(), "'name' is a required field for " + r.written() + ".");
        }
        RoleFrom from = new RoleFrom(str(r.args().get("tasks_from")), str(r.args().get("vars_from")),
                str(r.args().get("defaults_from")), str(r.args().get("handlers_from")));
        return new RoleArgs(name.toString(), from, bool(r, "allow_duplicates", true), bool(r, "public", false),
                apply(m, r));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean bool(ActionResolver.Resolved r, String key, boolean fallback) {
        Object v = r.args().get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        String s = v.toString().toLowerCase(java.util.Locale.ROOT);
        if (Set.of("yes", "true", "on", "1").contains(s)) return true;
        if (Set.of("no", "false", "off", "0").contains(s)) return false;
        throw new LoadException(r.location(), "'" + key + "' of " + r.written() + " must be a boolean, got: " + v);
    }

    /** {@code apply:} of include_tasks / include_role: block keywords for what gets included. */
    private static TaskKeywords apply(YamlNode.Mapping m, ActionResolver.Resolved r) {
        if (!r.args().containsKey("apply")) return TaskKeywords.NONE;
        YamlNode node = null;
        for (String holder : new String[] {r.written(), "args"}) {
            if (m.get(holder) instanceof YamlNode.Mapping h && h.get("apply") != null) node = h.get("apply");
        }
        if (node == null) return TaskKeywords.NONE;
        YamlNode.Mapping a = KeywordValues.mapping("'apply' of " + r.written(), node);
        for (String k : a.entries().keySet()) {
            if (!TaskKeywordsReader.KEYS.contains(k)) {
                TaskKeywordsReader.rejectUnsupported(a, k);
                throw new LoadException(a.keyLocation(k), "'" + k + "' is not a valid attribute for a Block (in apply)");
            }
        }
        return TaskKeywordsReader.read(a, "Block");
    }

    // ---------------------------------------------------------------- roles

    /**
     * Compiles a static role use (play roles:, meta dependency, import_role): dependencies first, then the role's
     * tasks, unless the same use (same role, params, when, tags, vars and files) already ran in this play and
     * duplicates are not allowed: Ansible then skips it.
     */
    CompiledRole compileRole(RoleRef ref, RoleFrom from, boolean fromInclude, Boolean allowDuplicates, Scope outer,
                             Path parentRoleDir, PlayLoadState st) {
        Path path = finder.find(ref.name(), outer.playDir(), parentRoleDir, ref.location());
        RoleFiles.RoleData data = roleFiles.load(path, RoleFinder.roleName(ref.name()), from, ref.location());
        st.enterRole(path, ref.location());
        try {
            Scope roleScope = outer.with(ref.keywords());
            List<TaskNode> out = new ArrayList<>();
            List<RoleUse> deps = new ArrayList<>();
            for (RoleRef dep : data.dependencies()) {
                CompiledRole c = compileRole(dep, RoleFrom.MAIN, false, null, roleScope, path.getParent(), st);
                deps.add(c.use());
                out.addAll(c.tasks());
            }
            PlayLoadState.RoleKey key = new PlayLoadState.RoleKey(path, ref.params(), ref.keywords().when(),
                    ref.keywords().tags(), ref.vars(), from, fromInclude);
            RoleUse cached = st.cache.get(key);
            RoleUse use = cached != null ? cached : new RoleUse(data.role(), ref.vars(), ref.params(), deps, ref.location());
            boolean allow = allowDuplicates != null ? allowDuplicates : data.role().allowDuplicates();
            if (cached != null && !allow) return new CompiledRole(use, out);
            st.cache.put(key, use);
            Scope taskScope = new Scope(data.tasksFile(), outer.playDir(), use, roleScope.keywords());
            if (data.tasksFile() != null) out.addAll(loadFile(data.tasksFile(), taskScope, st, false, ref.location()));
            List<TaskNode> handlers = data.handlersFile() == null ? List.of()
                    : flattenHandlers(loadFile(data.handlersFile(), taskScope.inFile(data.handlersFile()), st, true,
                    ref.location()));
            st.recordUse(use, handlers);
            return new CompiledRole(use, out);
        } finally {
            st.leaveRole();
        }
    }

    /** Handlers in the order they are listed: tasks, meta tasks and include_tasks (blocks are flattened). */
    static List<TaskNode> flattenHandlers(List<TaskNode> nodes) {
        List<TaskNode> out = new ArrayList<>();
        for (TaskNode n : nodes) {
            switch (n) {
                case Task t -> out.add(t);
                case Meta m -> out.add(m);
                case IncludeTasks inc -> out.add(inc);
                case Block b -> {
                    out.addAll(flattenHandlers(b.block()));
                    out.addAll(flattenHandlers(b.rescue()));
                    out.addAll(flattenHandlers(b.always()));
                }
                default -> throw new LoadException(n.location(), "'" + n.actionName()
                        + "' is not supported in handlers by jprov");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- small readers

    private static String register(YamlNode.Mapping m) {
        return m.get("register") == null ? null : KeywordValues.text("register", m.get("register"));
    }

    private static String name(YamlNode.Mapping m) {
        return m.get("name") == null ? null : KeywordValues.text("name", m.get("name"));
    }

    private static Object number(String key, YamlNode node) {
        return KeywordValues.number(key, node);
    }

    private static Loop loop(YamlNode.Mapping m) {
        Loop loop = null;
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String k = e.getKey();
            String lookup;
            if (k.equals("loop")) {
                lookup = null;
            } else if (k.startsWith("with_")) {
                lookup = k.substring(5);
                if (!LOOKUPS.contains(lookup)) {
                    throw new LoadException(m.keyLocation(k), "'" + k + "' is not a valid attribute for a Task");
                }
            } else {
                continue;
            }
            if (loop != null) {
                throw new LoadException(m.keyLocation(k), "duplicate loop in task: "
                        + (lookup == null ? loop.lookup() : lookup));
            }
            loop = new Loop(lookup, FrozenValues.freeze(e.getValue().toPlain()), LoopControl.DEFAULT, m.keyLocation(k));
        }
        YamlNode lc = m.get("loop_control");
        if (lc == null || lc instanceof YamlNode.Scalar s && s.value() == null) return loop;
        YamlNode.Mapping c = KeywordValues.mapping("loop_control", lc);
        for (String k : c.entries().keySet()) {
            if (!LOOP_CONTROL_KEYS.contains(k)) {
                throw new LoadException(c.keyLocation(k), "'" + k + "' is not a valid attribute for a LoopControl");
            }
        }
        LoopControl control = new LoopControl(
                c.get("loop_var") == null ? "item" : KeywordValues.requiredText("loop_var", c.get("loop_var")),
                c.get("index_var") == null ? null : KeywordValues.requiredText("index_var", c.get("index_var")),
                c.get("label") == null ? null : KeywordValues.text("label", c.get("label")),
                c.get("pause") == null ? 0 : number("pause", c.get("pause")),
                c.get("extended") == null ? null : Flag.parse("extended", c.get("extended")));
        return loop == null ? null : new Loop(loop.lookup(), loop.items(), control, loop.location());
    }

    private static void rejectLoop(YamlNode.Mapping m, String written, String instead) {
        for (String k : m.entries().keySet()) {
            if (k.equals("loop") || k.startsWith("with_")) {
                throw new LoadException(m.keyLocation(k), "You cannot use loops on '" + written + "' statements."
                        + " You should use '" + instead + "' instead.");
            }
        }
    }

    private static void checkKeys(YamlNode.Mapping m, Set<String> allowed, String owner) {
        checkKeys(m, null, allowed, owner);
    }

    private static void checkKeys(YamlNode.Mapping m, String action, Set<String> allowed, String owner) {
        for (String k : m.entries().keySet()) {
            if (allowed.contains(k) || k.equals(action)) continue;
            TaskKeywordsReader.rejectUnsupported(m, k);
            throw new LoadException(m.keyLocation(k), "'" + k + "' is not a valid attribute for a " + owner);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
