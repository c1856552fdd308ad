package dev.jprov.template;

import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The lookups that look at the run's variables or the controller beyond files: varnames,
 * community.general.merge_variables and pipe, each as its plugin in ansible-core 2.14 / community.general 6.
 */
final class ControllerLookups {
    private ControllerLookups() {}

    /** varnames: the names of the variables that a Python regex (re.search) matches, in the variables' order. */
    static List<Object> varnames(RenderSession session, List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof String pattern)) {
                throw RenderSession.failure("Invalid setting identifier, \"" + PythonRepr.str(term) + "\" is not a string, it is a "
                        + "<class '" + PythonRepr.typeName(term) + "'>");
            }
            PythonRegex regex = regex(pattern);
            for (String name : session.vars().raw().keySet()) {
                if (regex.search(name).isPresent()) out.add(name);
            }
        }
        return out;
    }

    private static PythonRegex regex(String pattern) {
        try {
            return PythonRegex.str(pattern);
        } catch (PythonRegexException e) {
            throw RenderSession.failure("Unable to use \"" + pattern + "\" as a search parameter: " + e.getMessage());
        }
    }

    /**
     * merge_variables: the variables whose names match (regex by re.search, prefix or suffix), in sorted name order,
     * merged onto initial_value: lists concatenated, dicts merged deeply (lists under the same key concatenated); a
     * key given two different values is an error unless override is 'warn' or 'ignore'.
     */
    static List<Object> mergeVariables(RenderSession session, List<Object> terms, Map<String, Object> named) {
        String patternType = named.containsKey("pattern_type") ? PythonRepr.str(named.get("pattern_type")) : "regex";
        String override = named.containsKey("override") ? PythonRepr.str(named.get("override")) : "error";
        if (!List.of("regex", "prefix", "suffix").contains(patternType)) {
            throw RenderSession.failure("value of pattern_type must be one of: regex, prefix, suffix, got: " + patternType);
        }
        if (!List.of("error", "warn", "ignore").contains(override)) {
            throw RenderSession.failure("value of override must be one of: error, warn, ignore, got: " + override);
        }
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof String pattern)) {
                throw RenderSession.failure("Non-string type '<class '" + PythonRepr.typeName(term)
                        + "'>' passed, only 'str' types are allowed!");
            }
            PythonRegex regex = patternType.equals("regex") ? regex(pattern) : null;
            List<String> names = new ArrayList<>();
            for (String name : session.vars().raw().keySet()) {
                boolean match = switch (patternType) {
                    case "prefix" -> name.startsWith(pattern);
                    case "suffix" -> name.endsWith(pattern);
                    default -> regex.search(name).isPresent();
                };
                if (match) names.add(name);
            }
            names.sort(null); // Python's sorted(): by code point, as String's order is for the BMP
            Object initial = named.get("initial_value");
            Object result = initial == null ? null : copy(initial);
            String type = initial == null ? null : typeOf(initial);
            for (String name : names) {
                Object value = copy(Templar.materialize(session.vars().get(name)));
                String t = typeOf(value);
                if (type == null) type = t;
                else if (!type.equals(t)) throw RenderSession.failure("Unable to merge, not all variables are of the same type");
                if (result == null) {
                    result = value;
                } else if (t.equals("dict")) {
                    result = mergeDict(asMap(value), asMap(result), List.of(name), override);
                } else {
                    asList(result).addAll(asList(value));
                }
            }
            out.add(result);
        }
        return out;
    }

    private static String typeOf(Object v) {
        if (v instanceof List<?>) return "list";
        if (v instanceof Map<?, ?>) return "dict";
        throw RenderSession.failure("Not supported type detected, variable must be a list or a dict");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asMap(Object v) {
        return (Map<Object, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object v) {
        return (List<Object>) v;
    }

    /** A mutable deep copy: the merge changes its result in place, and the variables must stay as they are. */
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, copy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(copy(x));
            return out;
        }
        return v;
    }

    private static Map<Object, Object> mergeDict(Map<Object, Object> src, Map<Object, Object> dest, List<String> path,
            String override) {
        for (Map.Entry<Object, Object> e : src.entrySet()) {
            Object key = e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?>) {
                Object node = dest.get(key);
                if (node == null && !dest.containsKey(key)) {
                    node = new LinkedHashMap<>();
                    dest.put(key, node);
                }
                if (!(node instanceof Map<?, ?>)) throw RenderSession.failure("'" + PythonRepr.typeName(node) + "' object has no attribute 'setdefault'");
                List<String> deeper = new ArrayList<>(path);
                deeper.add(PythonRepr.str(key));
                mergeDict(asMap(value), asMap(node), deeper, override);
            } else if (value instanceof List<?> l && dest.containsKey(key)) {
                Object existing = dest.get(key);
                if (!(existing instanceof List<?>)) {
                    throw RenderSession.failure("unsupported operand type(s) for +=: '" + PythonRepr.typeName(existing) + "' and 'list'");
                }
                asList(existing).addAll(l);
            } else {
                if (dest.containsKey(key) && !Objects.equals(dest.get(key), value) && override.equals("error")) {
                    throw RenderSession.failure("The key '" + PythonRepr.str(key) + "' with value '" + PythonRepr.str(dest.get(key))
                            + "' will be overwritten with value '" + PythonRepr.str(value) + "' from '"
                            + String.join(".", path) + "." + PythonRepr.str(key) + "'");
                }
                dest.put(key, value);
            }
        }
        return dest;
    }

    /**
     * pipe: each term run by /bin/sh on the controller in the playbook's directory (Ansible's loader basedir), its
     * standard output with trailing whitespace stripped (Python's rstrip()); a non-zero exit fails the lookup.
     * It runs in --check too, as Ansible's lookups do: a lookup is part of templating, not of a task's changes.
     */
    static List<Object> pipe(RenderSession session, List<Object> terms) {
        List<Object> out = new ArrayList<>();
        Object playbookDir = session.vars().raw().get("playbook_dir");
        for (Object term : terms) {
            String command = PythonRepr.str(term);
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            if (playbookDir instanceof String dir && !dir.isEmpty()) pb.directory(Path.of(dir).toFile());
            try {
                Process p = pb.start();
                p.getOutputStream().close(); // stdin: an empty pipe, as subprocess.PIPE never written
                byte[] stdout;
                try (InputStream in = p.getInputStream()) {
                    stdout = in.readAllBytes();
                }
                long waitNanos = Math.max(1, session.remainingNanos());
                if (!p.waitFor(waitNanos, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                    throw RenderSession.failure("lookup_plugin.pipe(" + command + ") did not finish within the render's time limit");
                }
                if (p.exitValue() != 0) {
                    throw RenderSession.failure("lookup_plugin.pipe(" + command + ") returned " + p.exitValue());
                }
                out.add(PythonMethods.strip(new String(stdout, StandardCharsets.UTF_8), null, false, true));
            } catch (IOException e) {
                throw RenderSession.failure("lookup_plugin.pipe(" + command + ") could not run: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RenderSession.failure("lookup_plugin.pipe(" + command + ") interrupted");
            }
        }
        return out;
    }
}
