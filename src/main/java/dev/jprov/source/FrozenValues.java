package dev.jprov.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep read-only copies of plain YAML values ({@link YamlNode#toPlain()}'s maps, lists and scalars), for the
 * inventory's and the playbook's immutable models. Map.copyOf and List.copyOf would lose key order and refuse
 * nulls, and both matter: vars and module args keep the order they were written in, and {@code key: ~} is a
 * value. Keys become strings, as YAML mapping keys are read.
 */
public final class FrozenValues {
    private FrozenValues() {}

    /** A map, a list or a scalar, frozen all the way down. */
    public static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), freeze(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(freeze(x));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** A frozen map; null is an empty one (which, unlike Map.of(), answers get(null)). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> in) {
        return in == null || in.isEmpty() ? Collections.emptyMap() : (Map<String, Object>) freeze(in);
    }

    /** A frozen list; null is an empty one. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> list(List<T> in) {
        return in == null || in.isEmpty() ? Collections.emptyList() : (List<T>) freeze(in);
    }
}
