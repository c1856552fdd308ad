package dev.jprov.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so loaders can report errors at file:line:column.
 * {@link #toPlain()} gives the ordinary Java value (LinkedHashMap, ArrayList, String, Integer/Long/BigInteger,
 * Double, Boolean, null) with YAML 1.1 typing, as Ansible's PyYAML reads it ({@code yes} is true, {@code 0755} is 493).
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    SourceLocation location();

    Object toPlain();

    /** A mapping; keys are kept as written (as strings) and in order. */
    record Mapping(Map<String, YamlNode> entries, Map<String, SourceLocation> keyLocations, SourceLocation location)
            implements YamlNode {
        public YamlNode get(String key) {
            return entries.get(key);
        }

        public SourceLocation keyLocation(String key) {
            return keyLocations.getOrDefault(key, location);
        }

        @Override
        public Object toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        @Override
        public Object toPlain() {
            List<Object> out = new ArrayList<>(items.size());
            for (YamlNode item : items) out.add(item.toPlain());
            return out;
        }
    }

    /** A scalar: {@code value} is typed (null, Boolean, Integer, Long, BigInteger, Double, String). */
    record Scalar(Object value, SourceLocation location) implements YamlNode {
        @Override
        public Object toPlain() {
            return value;
        }
    }
}
