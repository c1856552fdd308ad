package dev.jprov.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * PyYAML's yaml.dump as Ansible's to_yaml / to_nice_yaml call it (keys sorted, allow_unicode, width 80),
 * on snakeyaml, which is a port of PyYAML's emitter and so writes the same text.
 */
final class PythonYaml {
    private PythonYaml() {}

    static String dump(Object value, Integer indent, Boolean defaultFlowStyle, int width) {
        DumperOptions options = new DumperOptions();
        options.setAllowUnicode(true);
        options.setDefaultFlowStyle(defaultFlowStyle == null ? DumperOptions.FlowStyle.AUTO
                : defaultFlowStyle ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        if (indent != null) options.setIndent(indent);
        options.setWidth(width);
        options.setSplitLines(true);
        return new Yaml(new PyYamlRepresenter(options), options).dump(plain(value));
    }

    /**
     * PyYAML leaves a string's style to the emitter (plain, else quoted); snakeyaml picks the literal block
     * style for multi-line strings, which PyYAML never does by itself.
     */
    private static final class PyYamlRepresenter extends org.yaml.snakeyaml.representer.Representer {
        PyYamlRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> representScalar(org.yaml.snakeyaml.nodes.Tag.STR,
                    data.toString(), DumperOptions.ScalarStyle.PLAIN));
        }
    }

    /** Sorted plain maps and lists (PyYAML sorts keys by default), floats and ints as they are. */
    private static Object plain(Object v) {
        if (v instanceof Undefined u) throw u.fail();
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            entries.sort((a, b) -> PythonOrder.compare(a.getKey(), b.getKey()));
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : entries) out.put(plain(e.getKey()), plain(e.getValue()));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(plain(o));
            return out;
        }
        if (v instanceof com.hubspot.jinjava.objects.SafeString s) return s.toString();
        return v;
    }
}
