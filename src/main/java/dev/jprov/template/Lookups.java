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
 * Ansible's lookup()/query()/q() with the lookups templates use: file, template, env, vars, items, list, dict,
 * first_found, fileglob. Commands (pipe, lines) are left out on purpose: templates never run programs.
 * Local files are found along the session's search path (role files/, role, playbook files/, playbook dir).
 */
final class Lookups {
    private Lookups() {}

    static void registerAll(Jinjava jinjava) {
        jinjava.registerFunction(new ELFunctionDefinition("", "lookup", Lookups.class, "lookup", String.class, Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "query", Lookups.class, "query", String.class, Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "q", Lookups.class, "query", String.class, Object[].class));
    }

    /** lookup(): one result as itself, several joined with commas, unless wantlist=True. */
    public static Object lookup(String name, Object... args) {
        Call call = Call.of(args);
        List<Object> results = run(name, call);
        boolean wantlist = call.named.containsKey("wantlist") && PythonTypeConverter.truthy(call.named.get("wantlist"));
        if (results == null) return wantlist ? new ArrayList<>() : null; // errors='ignore'
        if (wantlist) return results;
        if (results.size() == 1) return results.get(0);
        List<String> parts = new ArrayList<>();
        for (Object r : results) parts.add(PythonRepr.str(r));
        return String.join(",", parts);
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
        try {
            return switch (name) {
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
                case "vars" -> {
                    List<Object> out = new ArrayList<>();
                    for (Object t : call.terms) {
                        String key = PythonRepr.str(t);
                        if (session.vars().containsKey(key)) out.add(session.vars().get(key));
                        else if (call.named.containsKey("default")) out.add(call.named.get("default"));
                        else throw RenderSession.failure("No variable found with this name: " + key);
                    }
                    yield out;
                }
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

    private static List<Object> firstFound(RenderSession session, Call call) {
        List<Object> names = new ArrayList<>();
        for (Object t : call.terms) {
            if (t instanceof Map<?, ?> m) {
                Object files = m.get("files");
                Object paths = m.get("paths");
                for (Object f : files instanceof List<?> l ? l : List.of(String.valueOf(files))) {
                    if (paths == null) names.add(f);
                    else for (Object d : paths instanceof List<?> pl ? pl : List.of(paths)) names.add(d + "/" + f);
                }
            } else if (t instanceof List<?> l) {
                names.addAll(l);
            } else {
                names.add(t);
            }
        }
        for (Object n : names) {
            try {
                return new ArrayList<>(List.of(SearchPathLocator.find(session, "files", PythonRepr.str(n), false).toString()));
            } catch (IOException e) {
                // try the next name
            }
        }
        if (call.named.containsKey("skip") && PythonTypeConverter.truthy(call.named.get("skip"))) return new ArrayList<>();
        throw RenderSession.failure("No file was found when using first_found.");
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
