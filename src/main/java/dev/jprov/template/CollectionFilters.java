package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Filters on lists and dicts, with Jinja2's and Ansible's semantics (order kept, case-insensitive sorts). */
final class CollectionFilters {
    private CollectionFilters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                f("join", (v, a) -> {
                    String attr = a.string(-1, "attribute", null);
                    StringBuilder sb = new StringBuilder();
                    boolean first = true;
                    for (Object o : items(v)) {
                        if (!first) sb.append(a.string(0, "d", ""));
                        first = false;
                        sb.append(PythonRepr.str(attr == null ? o : attribute(o, attr)));
                    }
                    return sb.toString();
                }),
                f("map", CollectionFilters::map),
                f("select", (v, a) -> select(v, a, null, true)),
                f("reject", (v, a) -> select(v, a, null, false)),
                f("selectattr", (v, a) -> select(v, a, a.string(0, null, ""), true)),
                f("rejectattr", (v, a) -> select(v, a, a.string(0, null, ""), false)),
                f("unique", (v, a) -> unique(items(v), a.bool(0, "case_sensitive", false), a.string(1, "attribute", null))),
                f("sort", CollectionFilters::sort),
                f("length", (v, a) -> length(v)),
                f("count", (v, a) -> length(v)),
                f("first", (v, a) -> {
                    List<Object> l = items(v);
                    return l.isEmpty() ? new Undefined("No first item, sequence was empty.") : l.get(0);
                }),
                f("last", (v, a) -> {
                    List<Object> l = items(v);
                    return l.isEmpty() ? new Undefined("No last item, sequence was empty.") : l.get(l.size() - 1);
                }),
                f("reverse", (v, a) -> {
                    if (v instanceof String s) return new StringBuilder(s).reverse().toString();
                    List<Object> l = items(v);
                    java.util.Collections.reverse(l);
                    return l;
                }),
                f("combine", CollectionFilters::combine),
                f("dict2items", CollectionFilters::dict2items),
                f("items2dict", CollectionFilters::items2dict),
                f("items", (v, a) -> pairs(dict(v, "items"))),
                f("dictsort", (v, a) -> {
                    List<Object> pairs = pairs(dict(v, "dictsort"));
                    int by = "value".equals(a.string(1, "by", "key")) ? 1 : 0;
                    boolean cs = a.bool(0, "case_sensitive", false);
                    pairs.sort((x, y) -> PythonOrder.compare(key(((List<?>) x).get(by), cs), key(((List<?>) y).get(by), cs)));
                    if (a.bool(2, "reverse", false)) java.util.Collections.reverse(pairs);
                    return pairs;
                }),
                f("list", (v, a) -> items(v)),
                f("dict", (v, a) -> toDict(v)),
                f("min", (v, a) -> extreme(v, a, -1)),
                f("max", (v, a) -> extreme(v, a, 1)),
                f("sum", CollectionFilters::sum),
                f("flatten", (v, a) -> flatten(items(v), a.get(0, "levels", null) == null ? -1 : a.integer(0, "levels", -1),
                        a.bool(1, "skip_nulls", true))),
                f("zip", (v, a) -> zip(v, a, false)),
                f("zip_longest", (v, a) -> zip(v, a, true)),
                f("difference", (v, a) -> {
                    List<Object> b = items(a.require(0, null));
                    return unique(items(v).stream().filter(x -> !b.contains(x)).toList(), true, null);
                }),
                f("intersect", (v, a) -> {
                    List<Object> b = items(a.require(0, null));
                    return unique(items(v).stream().filter(b::contains).toList(), true, null);
                }),
                f("union", (v, a) -> {
                    List<Object> all = items(v);
                    all.addAll(items(a.require(0, null)));
                    return unique(all, true, null);
                }),
                f("symmetric_difference", (v, a) -> {
                    List<Object> x = items(v);
                    List<Object> y = items(a.require(0, null));
                    List<Object> both = unique(x.stream().filter(y::contains).toList(), true, null);
                    List<Object> all = new ArrayList<>(x);
                    all.addAll(y);
                    return unique(all, true, null).stream().filter(o -> !both.contains(o)).toList();
                }),
                f("subelements", CollectionFilters::subelements),
                f("extract", (v, a) -> {
                    Object value = attributeOf(a.require(0, "container"), v);
                    Object more = a.get(1, "morekeys", null);
                    if (more != null) {
                        for (Object k : more instanceof List<?> l ? l : List.of(more)) value = attributeOf(value, k);
                    }
                    return value;
                }),
                f("groupby", (v, a) -> {
                    String attr = a.string(0, "attribute", "");
                    List<Object> sorted = items(v);
                    sorted.sort((x, y) -> PythonOrder.compare(attribute(x, attr), attribute(y, attr)));
                    Map<Object, List<Object>> groups = new LinkedHashMap<>();
                    for (Object o : sorted) groups.computeIfAbsent(attribute(o, attr), k -> new ArrayList<>()).add(o);
                    List<Object> out = new ArrayList<>();
                    groups.forEach((k, l) -> out.add(new ArrayList<>(List.of(k, l))));
                    return out;
                }),
                f("batch", (v, a) -> {
                    int size = a.integer(0, "linecount", 1);
                    List<Object> all = items(v);
                    List<Object> out = new ArrayList<>();
                    for (int i = 0; i < all.size(); i += size) {
                        List<Object> chunk = new ArrayList<>(all.subList(i, Math.min(all.size(), i + size)));
                        if (a.has(1, "fill_with")) while (chunk.size() < size) chunk.add(a.get(1, "fill_with", null));
                        out.add(chunk);
                    }
                    return out;
                }));
    }

    private static AnsibleFilter f(String name, AnsibleFilter.Function fn) {
        return new AnsibleFilter(name, false, fn);
    }

    /** A fresh list of an iterable's items (dicts give their keys, strings their characters, as Python). */
    static List<Object> items(Object v) {
        List<Object> out = new ArrayList<>();
        for (Object o : PythonMethods.iterable(v)) out.add(o);
        return out;
    }

    private static Map<?, ?> dict(Object v, String filter) {
        if (v instanceof Map<?, ?> m) return m;
        throw RenderSession.failure(filter + " requires a dictionary, got " + PythonRepr.typeName(v) + " instead.");
    }

    private static List<Object> pairs(Map<?, ?> m) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) out.add(new PythonTuple(e.getKey(), e.getValue()));
        return out;
    }

    /** Jinja's attribute getter: "a.b.0" walks dicts and lists. */
    static Object attribute(Object item, String path) {
        Object v = item;
        for (String part : path.split("\\.")) v = SandboxedResolver.attribute(v, part);
        return v;
    }

    private static Object attributeOf(Object container, Object key) {
        Object v = SandboxedResolver.attribute(container, key);
        if (v instanceof Undefined u) throw u.fail();
        return v;
    }

    private static Object length(Object v) {
        if (v instanceof String s) return (long) s.codePointCount(0, s.length());
        if (v instanceof Collection<?> c) return (long) c.size();
        if (v instanceof Map<?, ?> m) return (long) m.size();
        if (v instanceof com.hubspot.jinjava.objects.SafeString s) return (long) s.toString().length();
        throw RenderSession.failure("object of type '" + PythonRepr.typeName(v) + "' has no len()");
    }

    private static Object map(Object v, FilterArgs a) {
        JinjavaInterpreter interpreter = a.interpreter();
        List<Object> out = new ArrayList<>();
        if (a.has(-1, "attribute")) {
            String attr = a.string(-1, "attribute", "");
            boolean hasDefault = a.has(-1, "default");
            for (Object o : items(v)) {
                Object value = attribute(o, attr);
                out.add(value instanceof Undefined && hasDefault ? a.get(-1, "default", null) : value);
            }
            return out;
        }
        String name = a.string(0, null, null);
        if (name == null) throw RenderSession.failure("map requires a filter argument");
        Filter filter = interpreter.getContext().getFilter(name);
        if (filter == null) throw RenderSession.failure("No filter named '" + name + "'.");
        Object[] rest = a.rest(1).toArray();
        for (Object o : items(v)) out.add(filter.filter(o, interpreter, rest, a.named()));
        return out;
    }

    /** select/reject with a test (or truthiness), and selectattr/rejectattr on an attribute of each item. */
    private static Object select(Object v, FilterArgs a, String attr, boolean keep) {
        int testAt = attr == null ? 0 : 1;
        String testName = a.string(testAt, null, null);
        ExpTest test = null;
        if (testName != null) {
            test = a.interpreter().getContext().getExpTest(testName);
            if (test == null) throw RenderSession.failure("No test named '" + testName + "'.");
        }
        Object[] testArgs = a.rest(testAt + 1).toArray();
        List<Object> out = new ArrayList<>();
        for (Object o : items(v)) {
            Object subject = attr == null ? o : attribute(o, attr);
            boolean ok = test == null ? PythonTypeConverter.truthy(subject) : test.evaluate(subject, a.interpreter(), testArgs);
            if (ok == keep) out.add(o);
        }
        return out;
    }

    private static Object key(Object o, boolean caseSensitive) {
        return !caseSensitive && o instanceof String s ? s.toLowerCase(Locale.ROOT) : o;
    }

    static List<Object> unique(List<Object> in, boolean caseSensitive, String attr) {
        List<Object> seen = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object o : in) {
            Object k = key(attr == null ? o : attribute(o, attr), caseSensitive);
            if (!seen.contains(k)) {
                seen.add(k);
                out.add(o);
            }
        }
        return out;
    }

    private static Object sort(Object v, FilterArgs a) {
        boolean reverse = a.bool(0, "reverse", false);
        boolean cs = a.bool(1, "case_sensitive", false);
        String attr = a.string(2, "attribute", null);
        List<Object> l = items(v);
        Comparator<Object> cmp = (x, y) -> PythonOrder.compare(key(attr == null ? x : attribute(x, attr), cs),
                key(attr == null ? y : attribute(y, attr), cs));
        l.sort(reverse ? cmp.reversed() : cmp);
        return l;
    }

    private static Object extreme(Object v, FilterArgs a, int sign) {
        boolean cs = a.bool(0, "case_sensitive", false);
        String attr = a.string(1, "attribute", null);
        Object best = null;
        boolean found = false;
        for (Object o : items(v)) {
            Object k = key(attr == null ? o : attribute(o, attr), cs);
            if (!found || sign * PythonOrder.compare(k, key(attr == null ? best : attribute(best, attr), cs)) > 0) {
                best = o;
                found = true;
            }
        }
        return found ? best : new Undefined("No aggregated item, sequence was empty.");
    }

    private static Object sum(Object v, FilterArgs a) {
        String attr = a.string(0, "attribute", null);
        Object total = a.get(1, "start", 0L);
        for (Object o : items(v)) total = Arithmetic.add(total, attr == null ? o : attribute(o, attr));
        return total;
    }

    /** Ansible's flatten: nested lists to the given depth, dropping None/'None'/'null' unless told not to. */
    static List<Object> flatten(List<Object> in, int levels, boolean skipNulls) {
        List<Object> out = new ArrayList<>();
        for (Object o : in) {
            if (skipNulls && (o == null || "None".equals(o) || "null".equals(o))) continue;
            if (o instanceof List<?> l && levels != 0) {
                out.addAll(flatten(new ArrayList<>(l), levels < 0 ? -1 : levels - 1, skipNulls));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private static Object zip(Object v, FilterArgs a, boolean longest) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(items(v));
        for (Object o : a.positional()) lists.add(items(o));
        int n = longest ? lists.stream().mapToInt(List::size).max().orElse(0)
                : lists.stream().mapToInt(List::size).min().orElse(0);
        Object fill = a.get(-1, "fillvalue", null);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[lists.size()];
            for (int j = 0; j < lists.size(); j++) row[j] = i < lists.get(j).size() ? lists.get(j).get(i) : fill;
            out.add(new PythonTuple(row));
        }
        return out;
    }

    /** Ansible's combine: dicts merged left to right, recursively if asked, lists per list_merge. */
    private static Object combine(Object v, FilterArgs a) {
        boolean recursive = a.bool(-1, "recursive", false);
        String listMerge = a.string(-1, "list_merge", "replace");
        List<Object> dicts = new ArrayList<>();
        dicts.add(v);
        for (Object o : a.positional()) {
            if (o instanceof List<?> l) dicts.addAll(l);
            else dicts.add(o);
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object d : dicts) {
            if (!(d instanceof Map<?, ?> m)) {
                throw RenderSession.failure("combine expects dictionaries, got " + PythonRepr.repr(d));
            }
            merge(out, m, recursive, listMerge);
        }
        return out;
    }

    private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
        for (Map.Entry<?, ?> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object nu = e.getValue();
            if (recursive && old instanceof Map<?, ?> om && nu instanceof Map<?, ?> nm) {
                Map<Object, Object> merged = new LinkedHashMap<>(om);
                merge(merged, nm, true, listMerge);
                into.put(e.getKey(), merged);
            } else if (old instanceof List<?> ol && nu instanceof List<?> nl && !listMerge.equals("replace")) {
                List<Object> merged = new ArrayList<>();
                switch (listMerge) {
                    case "keep" -> merged.addAll(ol);
                    case "append" -> {
                        merged.addAll(ol);
                        merged.addAll(nl);
                    }
                    case "prepend" -> {
                        merged.addAll(nl);
                        merged.addAll(ol);
                    }
                    case "append_rp" -> {
                        ol.stream().filter(x -> !nl.contains(x)).forEach(merged::add);
                        merged.addAll(nl);
                    }
                    case "prepend_rp" -> {
                        merged.addAll(nl);
                        ol.stream().filter(x -> !nl.contains(x)).forEach(merged::add);
                    }
                    default -> throw RenderSession.failure("'" + listMerge + "' is not a valid list_merge value");
                }
                into.put(e.getKey(), merged);
            } else {
                into.put(e.getKey(), nu);
            }
        }
    }

    private static Object dict2items(Object v, FilterArgs a) {
        if (!(v instanceof Map<?, ?> m)) {
            throw RenderSession.failure("dict2items requires a dictionary, got <class '" + PythonRepr.typeName(v)
                    + "'> instead.");
        }
        String kn = a.string(0, "key_name", "key");
        String vn = a.string(1, "value_name", "value");
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Map<Object, Object> item = new LinkedHashMap<>();
            item.put(kn, e.getKey());
            item.put(vn, e.getValue());
            out.add(item);
        }
        return out;
    }

    private static Object items2dict(Object v, FilterArgs a) {
        String kn = a.string(0, "key_name", "key");
        String vn = a.string(1, "value_name", "value");
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object o : items(v)) {
            if (!(o instanceof Map<?, ?> m)) {
                throw RenderSession.failure("items2dict requires a list of dictionaries, got " + PythonRepr.repr(o));
            }
            if (!m.containsKey(kn) || !m.containsKey(vn)) {
                throw RenderSession.failure("items2dict requires each dictionary in the list to contain the keys '"
                        + kn + "' and '" + vn + "', got " + PythonRepr.repr(o));
            }
            out.put(m.get(kn), m.get(vn));
        }
        return out;
    }

    private static Object toDict(Object v) {
        if (v instanceof Map<?, ?> m) return new LinkedHashMap<Object, Object>(m);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object o : items(v)) {
            List<Object> pair = items(o);
            if (pair.size() != 2) throw RenderSession.failure("dictionary update sequence element has length " + pair.size() + "; 2 is required");
            out.put(pair.get(0), pair.get(1));
        }
        return out;
    }

    private static Object subelements(Object v, FilterArgs a) {
        String path = a.string(0, "subelements", "");
        boolean skipMissing = a.bool(1, "skip_missing", false);
        List<Object> out = new ArrayList<>();
        for (Object item : items(v)) {
            Object sub = attribute(item, path);
            if (sub instanceof Undefined) {
                if (skipMissing) continue;
                throw RenderSession.failure("could not find '" + path + "' key in iterated item " + PythonRepr.repr(item));
            }
            if (!(sub instanceof List<?> subs)) {
                throw RenderSession.failure("the key " + path + " should point to a list, got " + PythonRepr.repr(sub));
            }
            for (Object s : subs) out.add(new ArrayList<>(java.util.Arrays.asList(item, s)));
        }
        return out;
    }

}
