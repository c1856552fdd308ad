package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads Ansible playbooks and roles into the immutable model ({@link Playbook}, {@link Play}, {@link TaskNode}),
 * and, for the executor at run time, what dynamic includes name ({@link #loadTaskFile}, {@link #loadRole}).
 * Bad input is a {@link LoadException} whose message starts with file:line:column.
 *
 * <p>Thread-safe: the executor may call the run-time loaders from several hosts at once.
 */
public final class PlaybookLoader {

    private static final Set<String> IMPORT_PLAYBOOK_KEYS = Set.of("import_playbook",
            "ansible.builtin.import_playbook", "ansible.legacy.import_playbook", "name", "vars", "tags", "when");

    private final YamlReader yaml;
    private final TaskListLoader tasks;
    private final PlayLoader plays;

    /**
     * @param isModule  which action names are modules (the module registry's names, short and FQCN)
     * @param rolesPath configured role directories, searched after roles/ next to the playbook
     *                  (--roles-path, then ANSIBLE_ROLES_PATH: see {@link #rolesPath})
     */
    public PlaybookLoader(Predicate<String> isModule, List<Path> rolesPath) {
        this(isModule, rolesPath, new YamlReader(), null);
    }

    /**
     * @param yaml       reads playbooks, task files and role vars, opening ansible-vault data with the run's secrets
     * @param templating renders what Ansible templates at load time (see {@link LoadTemplating}); may be null
     */
    public PlaybookLoader(Predicate<String> isModule, List<Path> rolesPath, YamlReader yaml, LoadTemplating templating) {
        this.yaml = yaml;
        RoleFinder finder = new RoleFinder(rolesPath);
        this.tasks = new TaskListLoader(yaml, new ActionResolver(isModule), finder, new RoleFiles(yaml), templating);
        this.plays = new PlayLoader(tasks, templating);
    }

    /** The roles path from --roles-path values (each may hold several ':'-separated dirs), then ANSIBLE_ROLES_PATH. */
    public static List<Path> rolesPath(List<String> options, String env) {
        List<Path> out = new ArrayList<>();
        for (String o : options) split(o, out);
        if (env != null) split(env, out);
        return out;
    }

    private static void split(String value, List<Path> out) {
        for (String part : value.split(":")) {
            if (part.isBlank()) continue;
            String p = part.startsWith("~/") ? System.getProperty("user.home") + part.substring(1) : part;
            out.add(Path.of(p));
        }
    }

    /** Loads a playbook file with its import_playbook statements expanded. */
    public Playbook load(Path playbook) {
        if (!Files.exists(playbook)) {
            throw new LoadException(SourceLocation.of(playbook), "the playbook: " + playbook + " could not be found");
        }
        if (!Files.isRegularFile(playbook)) {
            throw new LoadException(SourceLocation.of(playbook), "the playbook: " + playbook
                    + " does not appear to be a file");
        }
        List<Play> out = new ArrayList<>();
        loadInto(playbook, TaskKeywords.NONE, Map.of(), new ArrayDeque<>(), out);
        return new Playbook(playbook, out);
    }

    private void loadInto(Path file, TaskKeywords imported, Map<String, Object> importVars, Deque<Path> stack,
                          List<Play> out) {
        Path key = file.toAbsolutePath().normalize();
        if (stack.contains(key)) {
            throw new LoadException(SourceLocation.of(file), "import_playbook loop: " + file + " imports itself");
        }
        stack.push(key);
        try {
            YamlNode root = yaml.read(file);
            if (root == null || root instanceof YamlNode.Scalar s && s.value() == null) {
                throw new LoadException(SourceLocation.of(file), "Empty playbook, nothing to do");
            }
            if (!(root instanceof YamlNode.Sequence seq)) {
                throw new LoadException(root.location(), "A playbook must be a list of plays, got "
                        + KeywordValues.describe(root) + " instead");
            }
            for (YamlNode entry : seq.items()) {
                if (!(entry instanceof YamlNode.Mapping m)) {
                    throw new LoadException(entry.location(),
                            "playbook entries must be either valid plays or 'import_playbook' statements");
                }
                String importKey = importKey(m);
                if (importKey != null) {
                    importPlaybook(m, importKey, file, imported, importVars, stack, out);
                } else if (m.entries().containsKey("include")) {
                    throw new LoadException(m.keyLocation("include"),
                            "'include' of playbooks was removed from Ansible: use 'import_playbook'");
                } else {
                    out.add(plays.load(m, file, imported, importVars));
                }
            }
        } finally {
            stack.pop();
        }
    }

    private static String importKey(YamlNode.Mapping m) {
        for (String k : List.of("import_playbook", "ansible.builtin.import_playbook", "ansible.legacy.import_playbook")) {
            if (m.entries().containsKey(k)) return k;
        }
        return null;
    }

    private void importPlaybook(YamlNode.Mapping m, String importKey, Path file, TaskKeywords imported,
                                Map<String, Object> importVars, Deque<Path> stack, List<Play> out) {
        for (String k : m.entries().keySet()) {
            if (!IMPORT_PLAYBOOK_KEYS.contains(k) || (k.contains("import_playbook") && !k.equals(importKey))) {
                throw new LoadException(m.keyLocation(k), "'" + k + "' is not a valid attribute for a PlaybookInclude");
            }
        }
        String target = KeywordValues.requiredText(importKey, m.get(importKey));
        SourceLocation at = m.get(importKey).location();
        if (Templates.isTemplate(target)) {
            throw new LoadException(at, "import_playbook paths cannot be templates in jprov: give a plain path");
        }
        Path path = Path.of(target);
        if (!path.isAbsolute()) {
            Path dir = file.getParent();
            path = dir == null ? path : dir.resolve(path).normalize();
        }
        if (!Files.isRegularFile(path)) {
            throw new LoadException(at, "the playbook: " + path + " could not be found");
        }
        TaskKeywords own = TaskKeywordsReader.read(m, "PlaybookInclude");
        TaskKeywords inner = TaskKeywords.whenAndTags(own.when(), own.tags()).under(imported);
        Map<String, Object> vars = new LinkedHashMap<>(own.vars());
        vars.putAll(importVars);
        loadInto(path, inner, vars, stack, out);
    }

    /**
     * Loads the tasks file of an include_tasks for the executor. {@code file} is the rendered file name; a
     * relative one is looked up next to the including file, in the role's tasks/, then in the play directory.
     * The tasks inherit the include's scope, its vars and its {@code apply} keywords (not its when or tags).
     */
    public List<TaskNode> loadTaskFile(Path file, IncludeTasks include) {
        Path resolved = tasks.resolveTaskFile(file.toString(), include.scope(), include.location());
        Scope scope = includedScope(include.scope(), include.keywords(), include.apply());
        return tasks.loadFile(resolved, scope, new PlayLoadState(), false, include.location());
    }

    /**
     * Loads the role of an include_role for the executor. {@code roleName} is the rendered name. Returns the
     * role's tasks (dependencies first) and its handlers; run-time deduplication against the play's roles is
     * the executor's (include_role allows duplicates by default, as in Ansible).
     */
    public LoadedRole loadRole(String roleName, IncludeRole include) {
        Scope scope = includedScope(include.scope(), include.keywords(), include.apply());
        PlayLoadState st = new PlayLoadState();
        RoleRef ref = new RoleRef(roleName, TaskKeywords.NONE, Map.of(), Map.of(), include.location());
        Path parent = include.scope().role() == null ? null : include.scope().role().path().getParent();
        TaskListLoader.CompiledRole c = tasks.compileRole(ref, include.from(), true, include.allowDuplicates(),
                scope, parent, st);
        return new LoadedRole(c.use(), st.uses, c.tasks(), st.roleHandlers);
    }

    private static Scope includedScope(Scope outer, TaskKeywords includeKeywords, TaskKeywords apply) {
        return outer.with(TaskKeywords.varsOnly(includeKeywords.vars())).with(apply);
    }
}
