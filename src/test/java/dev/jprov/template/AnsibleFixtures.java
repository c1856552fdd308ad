package dev.jprov.template;

import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixtures under src/test/resources/template: templates, the vars they render with, and what Ansible 2.14's
 * template module wrote for them (expected/), plus a split of "label: ..." templates into one row per label.
 */
final class AnsibleFixtures {
    static final Path DIR = Path.of("src/test/resources/template");

    private AnsibleFixtures() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> vars() {
        return (Map<String, Object>) new YamlReader().read(DIR.resolve("vars.yaml")).toPlain();
    }

    static Path template(String name) {
        return DIR.resolve("templates").resolve(name + ".j2");
    }

    static String expected(String name) {
        try {
            return Files.readString(DIR.resolve("expected").resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labels ("bool", "int", ...) that start the lines of a row-per-line fixture template, in order. */
    static List<String> labels(String name) {
        try {
            List<String> labels = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^([a-z_0-9]+): ").matcher(Files.readString(template(name)));
            while (m.find()) labels.add(m.group(1));
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits rendered text into the rows of the labels, found in order (a row may span several lines). */
    static Map<String, String> rows(String rendered, List<String> labels) {
        Map<String, String> rows = new LinkedHashMap<>();
        int[] starts = new int[labels.size() + 1];
        int from = 0;
        for (int i = 0; i < labels.size(); i++) {
            String marker = labels.get(i) + ": ";
            int at = rendered.startsWith(marker, from) ? from : rendered.indexOf("\n" + marker, from);
            if (at < 0) throw new AssertionError("row '" + labels.get(i) + "' missing from output:\n" + rendered);
            if (at != from || !rendered.startsWith(marker, from)) at++;
            starts[i] = at;
            from = at + marker.length();
        }
        starts[labels.size()] = rendered.length();
        for (int i = 0; i < labels.size(); i++) rows.put(labels.get(i), rendered.substring(starts[i], starts[i + 1]));
        return rows;
    }
}
