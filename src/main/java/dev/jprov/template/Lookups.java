package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's lookup()/query()/q() with the lookups templates use: file, template, env, vars, varnames, pipe, items,
 * list, dict, first_found, fileglob (also as ansible.builtin.NAME) and community.general.merge_variables.
 * Local files are found along the session's search path (role files/, role, playbook files/, playbook dir) and read
 * when the lookup runs.
 */
final class Lookups {
    private Lookups() {}

    static void registerAll(Jinjava jinjava) {
        jinjava.registerFunction(new ELFunctionDefinition("", "lookup", Lookups.class, "lookup", String.class, Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "query", Lookups.class, "query", String.class, Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "q", Lookups.class, "query", String.class, Object[].class));
    }

    /** lookup(): strings joined with commas, else one result as itself or the list; a list with wantlist=True. */
    public static Object lookup(String name, Object... args) {
        Call call = Call.of(args);
        List<Object> results = run(name, call);
        boolean wantlist = call.named.containsKey("wantlist") && PythonTypeConverter.truthy(call.named.get("wantlist"));
        if (results == null) return wantlist ? new ArrayList<>() : null; // errors='ignore'
        if (wantlist || results.isEmpty()) return results;
        // Ansible's _lookup: ",".join(ran), which only strings pass; else the one result, or the list
        if (results.stream().allMatch(r -> r instanceof String || r instanceof com.hubspot.jinjava.objects.SafeString)) {
            List<String> parts = new ArrayList<>();
            for (Object r : results) parts.add(r.toString());
            return String.join(",", parts);
        }
        return results.size() == 1 ? results.get(0) : results;
    }

    public static Object query(String name, Object... args) {
        List<Object> results = run(name, Call.of(args));
        return results == null ? new ArrayList<>() : results;
    }

    private record Call(List<Object> terms, Map<String, Object> named) {
        static Call of(Object[] args) {
            List<Object> terms = new ArrayList<>();
            Map<String, Object> named = new LinkedHashMap<>();
            for (Object a : args == null ? new Object[0] : args) {
                if (a instanceof NamedParameter p) named.put(p.getName(), p.getValue());
                else if (a instanceof Undefined u) throw u.fail();
                else terms.add(a);
            }
            return new Call(terms, named);
        }
    }

    /** The lookup's results, or null when it failed and errors='ignore' or 'warn' said to carry on. */
    private static List<Object> run(String name, Call call) {
        RenderSession session = RenderSession.current();
        if (session == null) throw RenderSession.failure("lookup outside a template");
        String errors = call.named.containsKey("errors") ? PythonRepr.str(call.named.get("errors")) : "strict";
        String plugin = name.startsWith("ansible.builtin.") ? name.substring("ansible.builtin.".length()) : name;
        if (name.equals("community.general.merge_variables")) plugin = "merge_variables";
        else if (plugin.equals("merge_variables")) plugin = ""; // only by its collection's name: not found
        try {
            return switch (plugin) {
                case "varnames" -> ControllerLookups.varnames(session, call.terms);
                case "merge_variables" -> ControllerLookups.mergeVariables(session, call.terms, call.named);
                case "pipe" -> ControllerLookups.pipe(session, call.terms);
                case "file" -> files(session, call, "files", false);
                case "template" -> files(session, call, "templates", true);
                // Ansible's unvault: a file's text, decrypted, not stripped.
                case "unvault" -> files(session, call, "files", false, false);
                case "env" -> {
                    List<Object> out = new ArrayList<>();
                    Object dflt = call.named.getOrDefault("default", "");
                    for (Object t : call.terms) {
                        String v = System.getenv(PythonRepr.str(t));
                        out.add(v == null ? dflt : v);
                    }
                    yield out;
                }
                case "vars" -> vars(session, call);
                case "items" -> CollectionFilters.flatten(new ArrayList<>(call.terms), 1, false);
                case "list" -> new ArrayList<>(call.terms.size() == 1 && call.terms.get(0) instanceof List<?> l ? l : call.terms);
                case "dict" -> {
                    List<Object> out = new ArrayList<>();
                    for (Object t : call.terms) {
                        if (!(t instanceof Map<?, ?> m)) throw RenderSession.failure("with_dict expects a dict");
                        for (Map.Entry<?, ?> e : m.entrySet()) {
                            Map<Object, Object> item = new LinkedHashMap<>();
                            item.put("key", e.getKey());
                            item.put("value", e.getValue());
                            out.add(item);
                        }
                    }
                    yield out;
                }
                case "first_found" -> firstFound(session, call);
                case "fileglob" -> fileglob(session, call);
                default -> throw RenderSession.failure("lookup plugin (" + name + ") not found");
            };
        } catch (TemplateFailure f) {
            if (errors.equals("ignore") || errors.equals("warn")) {
                RenderSession.forget(f);
                return null;
            }
            throw f;
        }
    }

    /**
     * vars: each name's value, rendered; a name not among the variables is looked for in hostvars of the current
     * host, as ansible-core 2.14's vars lookup does. default= (when not None) stands in for a missing name or a
     * value that renders to an undefined variable.
     */
    private static List<Object> vars(RenderSession session, Call call) {
        List<Object> out = new ArrayList<>();
        Object dflt = call.named.get("default");
        LazyVars vars = session.vars();
        for (Object t : call.terms) {
            if (!(t instanceof String key)) {
                throw RenderSession.failure("Invalid setting identifier, \"" + PythonRepr.str(t) + "\" is not a string, its a "
                        + "<class '" + PythonRepr.typeName(t) + "'>");
            }
            try {
                Object value;
                if (vars.containsKey(key)) {
                    value = vars.get(key);
                } else if (vars.get("hostvars") instanceof Map<?, ?> hostvars
                        && hostvars.get(vars.get("inventory_hostname")) instanceof Map<?, ?> own && own.containsKey(key)) {
                    value = own.get(key);
                } else {
                    throw new TemplateFailure("No variable found with this name: " + key, 0, true);
                }
                if (value instanceof Undefined u) throw u.fail();
                out.add(value);
            } catch (TemplateFailure f) {
                if (!f.undefined() || dflt == null) throw RenderSession.failure(f.getMessage());
                RenderSession.forget(f);
                out.add(dflt);
            }
        }
        return out;
    }

    private static List<Object> files(RenderSession session, Call call, String subdir, boolean render) {
        return files(session, call, subdir, render, true);
    }

    private static List<Object> files(RenderSession session, Call call, String subdir, boolean render, boolean strip) {
        List<Object> out = new ArrayList<>();
        boolean rstrip = strip
                && (!call.named.containsKey("rstrip") || PythonTypeConverter.truthy(call.named.get("rstrip")));
        boolean lstrip = call.named.containsKey("lstrip") && PythonTypeConverter.truthy(call.named.get("lstrip"));
        for (Object t : call.terms) {
            String name = PythonRepr.str(t);
            Path p;
            String text;
            try {
                p = SearchPathLocator.find(session, subdir, name, false);
                text = session.vars().templar().readControllerFile(p);
            } catch (dev.jprov.source.LoadException e) {
                throw RenderSession.failure(e.getMessage());
            } catch (IOException e) {
                throw RenderSession.failure("The '" + (render ? "template" : "file") + "' lookup had an issue accessing the file '"
                        + name + "'. " + e.getMessage());
            }
            if (render) {
                LazyVars vars = session.vars();
                out.add(vars.templar().renderFileText(text, vars.with(TemplateFileVars.of(p))));
            } else {
                if (rstrip) text = PythonMethods.strip(text, null, false, true);
                if (lstrip) text = PythonMethods.strip(text, null, true, false);
                out.add(text);
            }
        }
        return out;
    }

    /**
     * first_found as ansible-core 2.14's: a dict term (files, paths, skip), a string term (or files=/paths=/skip=
     * given by name), lists of either; files split on , and ;, paths on , : and ;, each file joined to each path.
     * Every candidate is looked up in the search path's files/ dirs (lookup() has no other subdir); the first that
     * exists is the result, else [] with skip, else an error.
     */
    private static List<Object> firstFound(RenderSession session, Call call) {
        List<Object> candidates = new ArrayList<>();
        boolean skip = firstFoundTerms(call.terms, call.named, candidates);
        for (Object n : candidates) {
            try {
                return new ArrayList<>(List.of(SearchPathLocator.find(session, "files", PythonRepr.str(n), false).toString()));
            } catch (IOException e) {
                // try the next name
            }
        }
        if (skip) return new ArrayList<>();
        throw RenderSession.failure("No file was found when using first_found.");
    }

    /** _process_terms: adds the candidates of {@code terms} in order; gives the last term's skip. */
    private static boolean firstFoundTerms(List<?> terms, Map<String, Object> named, List<Object> out) {
        boolean skip = false;
        for (Object term : terms) {
            Map<?, ?> options;
            if (term instanceof Map<?, ?> m) {
                options = m;
            } else if (term instanceof String) {
                options = named;
            } else if (term instanceof List<?> l) {
                skip = firstFoundTerms(l, named, out);
                continue;
            } else {
                throw RenderSession.failure("Invalid term supplied, can handle string, mapping or list of strings but got: <class '"
                        + PythonRepr.typeName(term) + "'> for " + PythonRepr.str(term));
            }
            List<String> files = splitOn(options.get("files"), ",;");
            List<String> paths = splitOn(options.get("paths"), ",:;");
            skip = options.get("skip") != null && Boolean.TRUE.equals(ValueFilters.toBool(options.get("skip")));
            if (!paths.isEmpty()) {
                for (String path : paths) for (String f : files) out.add(Path.of(path).resolve(f).toString());
            } else if (!files.isEmpty()) {
                out.clear(); // total_search = filelist: a term of files alone replaces what came before, as in 2.14
                out.addAll(files);
            } else {
                out.add(term);
            }
        }
        return skip;
    }

    /** _split_on: a string split on any of the separators (spaces kept), a list's strings each split. */
    private static List<String> splitOn(Object value, String separators) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        if (value instanceof List<?> l) {
            for (Object o : l) out.addAll(splitOn(o, separators));
            return out;
        }
        for (String part : PythonRepr.str(value).split("[" + separators + "]", -1)) {
            if (!part.isEmpty()) out.add(part); // an empty name would find the directory itself
        }
        return out;
    }

    private static List<Object> fileglob(RenderSession session, Call call) {
        List<Object> out = new ArrayList<>();
        for (Object t : call.terms) {
            String pattern = PythonRepr.str(t);
            Path rel = Path.of(pattern);
            List<Path> dirs = new ArrayList<>();
            if (rel.isAbsolute()) dirs.add(rel.getParent());
            else for (Path d : session.searchPaths("files")) dirs.add(rel.getParent() == null ? d : d.resolve(rel.getParent()));
            String glob = rel.getFileName().toString();
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) continue;
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                    List<String> found = new ArrayList<>();
                    for (Path p : ds) if (Files.isRegularFile(p)) found.add(p.toString());
                    found.sort(null);
                    if (!found.isEmpty()) {
                        out.addAll(found);
                        break;
                    }
                } catch (IOException e) {
                    // unreadable directory: nothing from it, as Ansible's glob
                }
            }
        }
        return out;
    }
}
