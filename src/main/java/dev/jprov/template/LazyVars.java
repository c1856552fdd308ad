package dev.jprov.template;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of a task as Ansible sees them: a read-only view over the engine's layered map in which a value
 * that is itself a template ({@code a: "{{ b }}-x"}) is rendered when it is read, recursively, inside lists and
 * dicts too. Reading a variable while it is being rendered is a recursive loop and fails with the chain.
 * Nothing is cached: the view always reflects the map under it (set_fact, register).
 */
public final class LazyVars extends AbstractMap<String, Object> {
    private final Templar templar;
    private final Map<String, ?> raw;
    private final List<Path> searchRoots;
    private final ThreadLocal<Deque<String>> resolving = ThreadLocal.withInitial(ArrayDeque::new);

    LazyVars(Templar templar, Map<String, ?> raw, List<Path> searchRoots) {
        this.templar = templar;
        this.raw = raw;
        this.searchRoots = searchRoots;
    }

    /** The same variables, with lookups and includes searching these directories (e.g. role dir, playbook dir). */
    public LazyVars withSearchRoots(List<Path> roots) {
        return new LazyVars(templar, raw, List.copyOf(roots));
    }

    /** These variables with {@code extra} laid over them (same search roots). */
    LazyVars with(Map<String, ?> extra) {
        Map<String, Object> layered = new java.util.LinkedHashMap<>(raw);
        layered.putAll(extra);
        return new LazyVars(templar, layered, searchRoots);
    }

    /** The values as the engine stored them, templates unrendered. */
    public Map<String, ?> raw() {
        return raw;
    }

    Templar templar() {
        return templar;
    }

    /**
     * Where lookup('file') and friends look, as Ansible: each root's {@code subdir}, then the root itself.
     * Roots are the explicit ones, else role_path and playbook_dir from the variables.
     */
    List<Path> searchPaths(String subdir) {
        List<Path> roots = new ArrayList<>(searchRoots);
        if (roots.isEmpty()) {
            for (String key : List.of("role_path", "playbook_dir")) {
                Object v = raw.get(key);
                if (v instanceof String s && !s.isEmpty()) roots.add(Path.of(s));
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (subdir != null) out.add(root.resolve(subdir));
            out.add(root);
        }
        return out;
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || !raw.containsKey(name)) return null;
        return resolve(name, raw.get(name));
    }

    @Override
    public int size() {
        return raw.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> keys = new ArrayList<>(raw.keySet()).iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return keys.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String k = keys.next();
                        return new SimpleImmutableEntry<>(k, get(k));
                    }
                };
            }

            @Override
            public int size() {
                return raw.size();
            }
        };
    }

    /** Renders a raw value found at {@code path} (a variable name, or a path inside one) on demand. */
    Object resolve(String path, Object value) {
        if (value instanceof String s) {
            if (!Templar.isTemplate(s)) return s;
            Deque<String> stack = resolving.get();
            if (stack.contains(path)) {
                List<String> chain = new ArrayList<>();
                for (Iterator<String> it = stack.descendingIterator(); it.hasNext(); ) chain.add(it.next());
                chain.add(path);
                throw RenderSession.failure("recursive loop detected in template: " + String.join(" -> ", chain));
            }
            stack.push(path);
            try {
                return templar.renderVariable(s, this, path);
            } catch (TemplateFailure f) {
                // As in Ansible, a variable whose template uses something undefined is itself undefined, so
                // default() and "is defined" work on it; other failures fail the render that used it.
                if (f.undefined() && RenderSession.current() != null) return new Undefined(f.getMessage());
                throw RenderSession.current() != null ? RenderSession.failure(f.getMessage()) : f;
            } finally {
                stack.pop();
            }
        }
        // another host's variables (hostvars) render in that host's scope, so they stay their own view
        if (value instanceof LazyVars || value instanceof RenderingMap || value instanceof RenderingList) return value;
        if (value instanceof Map<?, ?> m) return new RenderingMap(this, path, m);
        if (value instanceof List<?> l) return new RenderingList(this, path, l);
        return value;
    }

    /** A dict inside a variable; its values render when read. */
    static final class RenderingMap extends AbstractMap<Object, Object> {
        private final LazyVars vars;
        private final String path;
        private final Map<?, ?> raw;

        RenderingMap(LazyVars vars, String path, Map<?, ?> raw) {
            this.vars = vars;
            this.path = path;
            this.raw = raw;
        }

        @Override
        public boolean containsKey(Object key) {
            return raw.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            if (!raw.containsKey(key)) return null;
            return vars.resolve(path + "." + key, raw.get(key));
        }

        @Override
        public int size() {
            return raw.size();
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Object, Object>> iterator() {
                    Iterator<?> keys = new ArrayList<>(raw.keySet()).iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return keys.hasNext();
                        }

                        @Override
                        public Entry<Object, Object> next() {
                            Object k = keys.next();
                            return new SimpleImmutableEntry<>(k, get(k));
                        }
                    };
                }

                @Override
                public int size() {
                    return raw.size();
                }
            };
        }
    }

    /** A list inside a variable; its items render when read. */
    static final class RenderingList extends AbstractList<Object> {
        private final LazyVars vars;
        private final String path;
        private final List<?> raw;

        RenderingList(LazyVars vars, String path, List<?> raw) {
            this.vars = vars;
            this.path = path;
            this.raw = raw;
        }

        @Override
        public Object get(int index) {
            return vars.resolve(path + "[" + index + "]", raw.get(index));
        }

        @Override
        public int size() {
            return raw.size();
        }
    }
}
