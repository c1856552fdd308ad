package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import dev.jprov.source.LoadException;
import dev.jprov.source.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts keyword values read from YAML into their typed forms, with Ansible's leniency and located errors. */
final class KeywordValues {
    private KeywordValues() {
    }

    static String describe(YamlNode node) {
        return switch (node) {
            case YamlNode.Mapping m -> "a mapping";
            case YamlNode.Sequence s -> "a list";
            case YamlNode.Scalar s when s.value() == null -> "nothing (null)";
            case YamlNode.Scalar s when s.value() instanceof String -> "a string";
            case YamlNode.Scalar s when s.value() instanceof Boolean -> "a boolean";
            case YamlNode.Scalar s -> "a number";
        };
    }

    /** A scalar as text (numbers and booleans as Python prints them); null stays null. */
    static String text(String keyword, YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            Object v = s.value();
            if (v == null) return null;
            if (v instanceof Boolean b) return b ? "True" : "False";
            return v.toString();
        }
        throw new LoadException(node.location(), "'" + keyword + "' must be a string, got " + describe(node));
    }

    static String requiredText(String keyword, YamlNode node) {
        String s = text(keyword, node);
        if (s == null || s.isEmpty()) throw new LoadException(node.location(), "'" + keyword + "' must not be empty");
        return s;
    }

    /** A string or a list of strings (notify, listen, hosts). */
    static List<String> textList(String keyword, YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                String s = text(keyword, item);
                if (s != null) out.add(s);
            }
        } else {
            String s = text(keyword, node);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** Taggable._load_tags: a comma-separated string, or a list (items not split further). */
    static List<String> tags(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Sequence inner) {
                    for (YamlNode x : inner.items()) addTag(out, x);
                } else {
                    addTag(out, item);
                }
            }
        } else if (node instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            for (String part : str.split(",", -1)) out.add(part.strip());
        } else if (node instanceof YamlNode.Scalar s && s.value() instanceof Number n) {
            out.add(n.toString());
        } else if (!(node instanceof YamlNode.Scalar s && s.value() == null)) {
            throw new LoadException(node.location(), "tags must be specified as a list");
        }
        return out;
    }

    private static void addTag(List<String> out, YamlNode item) {
        if (item instanceof YamlNode.Scalar s && (s.value() instanceof String || s.value() instanceof Number)) {
            out.add(s.value().toString());
        } else {
            throw new LoadException(item.location(), "a tag must be a string or a number, got " + describe(item));
        }
    }

    /** when / changed_when / failed_when / until: an expression, a boolean, or a list of them. */
    static List<Condition> conditions(String keyword, YamlNode node) {
        List<Condition> out = new ArrayList<>();
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) out.add(condition(keyword, item));
        } else if (!(node instanceof YamlNode.Scalar s && s.value() == null)) {
            out.add(condition(keyword, node));
        }
        return out;
    }

    private static Condition condition(String keyword, YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return new Condition(text(keyword, node), node.location());
        }
        throw new LoadException(node.location(),
                "'" + keyword + "' must be a condition (an expression, a boolean, or a list of them), got "
                        + describe(node));
    }

    /**
     * vars: a mapping (plain values, unrendered), or a list of mappings merged in order, later keys winning, as
     * Ansible's Base._load_vars does.
     */
    static Map<String, Object> vars(String owner, YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() == null) return Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        if (node instanceof YamlNode.Mapping m) {
            m.entries().forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlNode.Mapping m)) {
                    throw new LoadException(item.location(), "Vars in a " + owner + " must be specified as a"
                            + " dictionary, or a list of dictionaries, got " + describe(item) + " in the list");
                }
                m.entries().forEach((k, v) -> out.put(k, v.toPlain()));
            }
            return out;
        }
        throw new LoadException(node.location(), "Vars in a " + owner + " must be specified as a dictionary, or a"
                + " list of dictionaries, got " + describe(node));
    }

    /** environment: a mapping, a template, or a list of those. */
    static List<Object> environment(YamlNode node) {
        List<Object> out = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Mapping m) {
                out.add(FrozenValues.freeze(m.toPlain()));
            } else if (item instanceof YamlNode.Scalar s && s.value() instanceof String str
                    && Templates.isTemplate(str)) {
                out.add(str);
            } else if (!(item instanceof YamlNode.Scalar s && s.value() == null)) {
                throw new LoadException(item.location(),
                        "'environment' must be a mapping of variable names to values, or a template");
            }
        }
        return out;
    }

    static YamlNode.Mapping mapping(String what, YamlNode node) {
        if (node instanceof YamlNode.Mapping m) return m;
        throw new LoadException(node.location(), what + " must be a mapping, got " + describe(node));
    }

    static List<YamlNode> list(String what, YamlNode node) {
        if (node instanceof YamlNode.Sequence s) return s.items();
        if (node instanceof YamlNode.Scalar s && s.value() == null) return List.of();
        throw new LoadException(node.location(), what + " must be a list, got " + describe(node));
    }

    /** A number keyword (retries, async, throttle ...): a number, or a template rendered by the executor. */
    static Object number(String key, YamlNode node) {
        Object v = node.toPlain();
        if (v instanceof Number) return v;
        if (v instanceof String s) {
            if (Templates.isTemplate(s)) return s;
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new LoadException(node.location(), "'" + key + "' must be a number or a template, got: " + v);
    }
}
