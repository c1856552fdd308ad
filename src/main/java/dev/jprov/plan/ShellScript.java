package dev.jprov.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell text assembled from quoted commands and fixed fragments written by jprov's own code. The fragments
 * ({@link #raw}) must be constants of our modules, never user input; user values go in through {@link Cmd}
 * or {@link #quote}.
 */
public final class ShellScript {
    private final List<String> lines = new ArrayList<>();

    public static ShellScript create() {
        return new ShellScript();
    }

    public ShellScript cmd(Cmd cmd) {
        lines.add(cmd.toShell());
        return this;
    }

    /** A line of jprov's own shell text with {@code {}} placeholders filled with quoted values. */
    public ShellScript line(String template, String... values) {
        lines.add(fill(template, values));
        return this;
    }

    public ShellScript raw(String constant) {
        lines.add(constant);
        return this;
    }

    public String text() {
        return String.join("\n", lines);
    }

    public static String quote(String value) {
        return ShellQuote.quote(value);
    }

    /** Replaces each {} in the template with the next value, quoted. */
    public static String fill(String template, String... values) {
        StringBuilder out = new StringBuilder(template.length() + 16 * values.length);
        int v = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (v >= values.length) throw new IllegalArgumentException("too few values for " + template);
                out.append(ShellQuote.quote(values[v++]));
                i++;
            } else {
                out.append(c);
            }
        }
        if (v != values.length) throw new IllegalArgumentException("too many values for " + template);
        return out.toString();
    }
}
