package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible's include_vars (an action on the controller, ansible-core 2.14's plugins/action/include_vars.py): the
 * variables of one vars file, or of the files of a directory, for the host at include_vars' precedence (above task
 * vars, below set_fact) for the rest of the run.
 */
public final class IncludeVarsModule implements Module {
    private static final Set<String> DIR_ARGS = Set.of("dir", "depth", "files_matching", "ignore_files", "extensions",
            "ignore_unknown_extensions");
    private static final Set<String> FILE_ARGS = Set.of("file", "_raw_params");
    private static final Set<String> ALL_ARGS = Set.of("name", "hash_behaviour");

    @Override
    public List<String> names() {
        return List.of("include_vars", "ansible.builtin.include_vars");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        int dirs = 0, files = 0;
        for (String k : args.raw().keySet()) {
            if (k.startsWith("_ansible_")) continue;
            if (DIR_ARGS.contains(k)) dirs++;
            else if (FILE_ARGS.contains(k)) files++;
            else if (!ALL_ARGS.contains(k)) throw new ArgsException(k + " is not a valid option in include_vars");
        }
        if (dirs > 0 && files > 0) {
            throw new ArgsException("You are mixing file only and dir only arguments, these are incompatible");
        }
        Optional<String> hashBehaviour = args.string("hash_behaviour");
        hashBehaviour.filter(h -> !h.equals("replace") && !h.equals("merge")).ifPresent(h -> {
            throw new ArgsException("value of hash_behaviour must be one of: replace, merge, got: " + h);
        });
        Optional<String> name = args.string("name").filter(n -> !n.isEmpty());
        Optional<String> dir = args.string("dir").filter(d -> !d.isEmpty());
        Optional<String> file = args.string("file").filter(f -> !f.isEmpty());
        if (dir.isEmpty() && file.isEmpty()) file = args.string("_raw_params").map(s -> s.replaceAll("\n+$", ""));
        else args.value("_raw_params");
        VarsDirectory walk = new VarsDirectory(args.integer("depth").orElse(0L).intValue(),
                args.string("files_matching").filter(s -> !s.isEmpty()),
                ignoreFiles(args.value("ignore_files")), extensions(args.value("extensions")),
                args.bool("ignore_unknown_extensions", false));
        args.finish();

        VarsLoad load = new VarsLoad(context);
        if (dir.isPresent()) {
            walk.load(resolveDir(dir.get(), context), load);
        } else if (file.isPresent()) {
            try {
                load.file(findFile(file.get(), context), false, walk.extensions());
            } catch (ArgsException notFound) {
                if (!notFound.getMessage().startsWith("Could not find")) throw notFound;
                load.fail(notFound.getMessage());
            }
        } else {
            load.fail("No file was found to include");
        }
        Map<String, Object> vars = load.vars();
        if (name.isPresent()) {
            Map<String, Object> scoped = new LinkedHashMap<>();
            scoped.put(name.get(), vars);
            vars = scoped;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (load.error().isPresent()) {
            result.put("message", load.error().get());
            result.put("ansible_included_var_files", load.included());
            result.put("ansible_facts", Map.of());
            return new Immediate(new Planned(Planned.Outcome.FAILED, List.of(), result, Planned.AfterApply.KEEP));
        }
        if (hashBehaviour.equals(Optional.of("merge"))) vars = mergedOver(context.vars(), vars);
        result.put("ansible_included_var_files", load.included());
        result.put("ansible_facts", vars);
        return new Immediate(Planned.ok(result).withEffects(RunEffects.includesVars(vars)));
    }

    /** hash_behaviour=merge: each loaded variable merged recursively over the host's current value (combine_vars). */
    private static Map<String, Object> mergedOver(Map<String, Object> current, Map<String, Object> loaded) {
        Map<String, Object> out = new LinkedHashMap<>();
        loaded.forEach((k, v) -> out.put(k, merge(current.get(k), v)));
        return out;
    }

    /** merge_hash: both sides must be mappings, at the top (a variable not defined yet fails too), then recursively. */
    @SuppressWarnings("unchecked")
    private static Object merge(Object old, Object value) {
        if (!(old instanceof Map<?, ?> a) || !(value instanceof Map<?, ?> b)) {
            throw new ArgsException("failed to combine variables, expected dicts but got a '" + pythonType(old)
                    + "' and a '" + pythonType(value) + "'");
        }
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) a);
        ((Map<String, Object>) b).forEach((k, v) -> out.put(k,
                out.get(k) instanceof Map<?, ?> && v instanceof Map<?, ?> ? merge(out.get(k), v) : v));
        return out;
    }

    private static String pythonType(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof String) return "AnsibleUnicode";
        if (v instanceof Map) return "dict";
        if (v instanceof List) return "list";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Number n) return n instanceof Double || n instanceof Float ? "float" : "int";
        return v.getClass().getSimpleName();
    }

    /** include_vars' file: found as _find_needle('vars', file) finds it (role vars/, the task's dir, the playbook's). */
    private static Path findFile(String file, ModuleContext context) {
        return context.findLocalFile("vars", file).toAbsolutePath();
    }

    /** _set_root_dir: below the role's vars/ (vars/... as given, when it exists there), else the task file's dir. */
    private static Path resolveDir(String dir, ModuleContext context) {
        Optional<Path> role = context.roleDir();
        if (role.isPresent()) {
            if (dir.split("/")[0].equals("vars")) {
                Path p = role.get().resolve(dir);
                return java.nio.file.Files.exists(p) ? p : Path.of(dir);
            }
            return role.get().resolve("vars").resolve(dir);
        }
        return context.taskDir().map(d -> d.resolve(dir)).orElse(Path.of(dir));
    }

    private static List<String> ignoreFiles(Optional<Object> value) {
        if (value.isEmpty()) return List.of();
        Object v = value.get();
        if (v instanceof String s) return List.of(s.trim().isEmpty() ? new String[0] : s.trim().split("\\s+"));
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        throw new ArgsException(v + " must be a list");
    }

    private static List<String> extensions(Optional<Object> value) {
        if (value.isEmpty()) return List.of("yaml", "yml", "json");
        Object v = value.get();
        // Ansible's list(str): a string is taken one character at a time
        if (v instanceof String s) return s.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(String::valueOf).toList());
        throw new ArgsException("Invalid type for \"extensions\" option, it must be a list");
    }
}
