package dev.jprov.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code !unsafe} YAML tag: the tagged value (a string, or every string inside a list or mapping) is
 * never templated. jprov keeps such a string as Jinja text that renders to itself ({@code {% raw %}...}), so every
 * place that renders a value, once, gets the text as written, and a value without Jinja markup stays as it is.
 */
final class UnsafeText {
    static final String TAG = "!unsafe";
    private static final String END = "{% endraw %}";

    private UnsafeText() {
    }

    /** The node with each string in it made literal. */
    static YamlNode of(YamlNode node) {
        return switch (node) {
            case YamlNode.Scalar s -> new YamlNode.Scalar(s.value() instanceof String t ? literal(t) : s.value(),
                    s.location());
            case YamlNode.Sequence s -> {
                List<YamlNode> items = new ArrayList<>();
                for (YamlNode i : s.items()) items.add(of(i));
                yield new YamlNode.Sequence(items, s.location());
            }
            case YamlNode.Mapping m -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> entries.put(k, of(v)));
                yield new YamlNode.Mapping(entries, m.keyLocations(), m.location());
            }
        };
    }

    /** Text that a Jinja render turns back into {@code text}; text without markup is left as it is. */
    static String literal(String text) {
        if (!(text.contains("{{") || text.contains("{%") || text.contains("{#"))) return text;
        // an "{% endraw %}" inside the text would close the raw block: it is written as an expression instead
        String body = text.replace(END, END + "{{ '" + END + "' }}{% raw %}");
        return "{% raw %}" + body + END;
    }
}
