package dev.jprov.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep read-only copies of plain YAML values. Map.copyOf would lose the key order and refuse nulls, and both
 * matter: variables keep the order they were written in and {@code key: ~} is a legitimate value.
 */
final class Frozen {
    private Frozen() {}

    static Map<String, Object> map(Map<String, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, value(v)));
        return Collections.unmodifiableMap(out);
    }

    static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), value(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) out.add(value(x));
            return Collections.unmodifiableList(out);
        }
        return v;
    }
}
