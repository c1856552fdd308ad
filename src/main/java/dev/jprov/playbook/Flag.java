package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.YamlNode;
import java.util.Locale;
import java.util.function.Function;

/**
 * A yes/no keyword (become, ignore_errors, check_mode, ...). Ansible lets these be templates, rendered per host,
 * so a flag is either a literal or the template text the executor renders.
 */
public sealed interface Flag permits Flag.Literal, Flag.Template {

    record Literal(boolean value) implements Flag {
    }

    record Template(String expression) implements Flag {
    }

    Flag TRUE = new Literal(true);
    Flag FALSE = new Literal(false);

    /** Resolves the flag; {@code render} turns a template into its value (as the template engine gives it). */
    default boolean resolve(Function<String, Object> render) {
        return switch (this) {
            case Literal l -> l.value();
            case Template t -> truthy(render.apply(t.expression()));
        };
    }

    /** Ansible's boolean(): yes/on/true/1 are true; everything else false. */
    static boolean truthy(Object v) {
        if (v instanceof Boolean b) return b;
        if (v == null) return false;
        return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
            case "yes", "on", "1", "true", "y", "t", "1.0" -> true;
            default -> false;
        };
    }

    /** Reads a keyword value: a boolean, yes/no style text, 0/1, or a template. */
    static Flag parse(String keyword, YamlNode node) {
        Object v = node.toPlain();
        if (v instanceof Boolean b) return b ? TRUE : FALSE;
        if (v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1)) return n.intValue() == 1 ? TRUE : FALSE;
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            switch (t) {
                case "yes", "on", "true", "y", "t", "1" -> { return TRUE; }
                case "no", "off", "false", "n", "f", "0", "" -> { return FALSE; }
                default -> { }
            }
            if (Templates.isTemplate(s)) return new Template(s);
        }
        throw new LoadException(node.location(),
                "'" + keyword + "' must be a boolean (yes/no, true/false) or a template, got: " + v);
    }
}
