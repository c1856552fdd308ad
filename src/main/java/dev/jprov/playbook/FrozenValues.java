package dev.jprov.playbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping, null-tolerant read-only copies of plain YAML values (Map.copyOf rejects the nulls YAML
 * has, and loses key order, which matters for vars and module args).
 */
final class FrozenValues {
    private FrozenValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, ?> in) {
        if (in == null || in.isEmpty()) return Map.of();
        return (Map<String, Object>) freeze(in);
    }

    static <T> List<T> list(List<T> in) {
        if (in == null || in.isEmpty()) return List.of();
        return Collections.unmodifiableList(new ArrayList<>(in));
    }

    static Object freeze(Object v) {
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
}
