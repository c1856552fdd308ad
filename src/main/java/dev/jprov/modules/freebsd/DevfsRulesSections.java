package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [name=number]} sections of a devfs.rules(5) file. A section spans its header and its lines up to
 * the last rule before the next header, so the comments and blank lines that lead into the next section stay
 * with it when a section is replaced or removed.
 */
final class DevfsRulesSections {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([^=\\]\\s]+)\\s*=\\s*([0-9]+)\\s*\\]\\s*$");

    record Section(String name, int number, int firstLine, int lastLine) {}

    private final List<String> lines;
    private final List<Section> sections = new ArrayList<>();

    DevfsRulesSections(String text) {
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n") || text.isEmpty()) l.removeLast();
        this.lines = l;
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (HEADER.matcher(lines.get(i)).matches()) headers.add(i);
        for (int k = 0; k < headers.size(); k++) {
            int h = headers.get(k);
            int next = k + 1 < headers.size() ? headers.get(k + 1) : lines.size();
            int last = h;
            for (int i = h + 1; i < next; i++) {
                String t = lines.get(i).strip();
                if (!t.isEmpty() && !t.startsWith("#")) last = i;
            }
            Matcher m = HEADER.matcher(lines.get(h));
            m.matches();
            sections.add(new Section(m.group(1), Integer.parseInt(m.group(2)), h, last));
        }
    }

    List<Section> sections() {
        return sections;
    }

    Optional<Section> named(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    String text(Section s) {
        return String.join("\n", lines.subList(s.firstLine(), s.lastLine() + 1)) + "\n";
    }

    /** name -> number of every section. */
    Map<String, Integer> numbers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Section s : sections) out.put(s.name(), s.number());
        return out;
    }

    /** The file with {@code section} (text ending in a newline) in place of {@code old}, or appended. */
    String with(Optional<Section> old, String section) {
        List<String> out = new ArrayList<>();
        List<String> add = List.of(section.substring(0, section.length() - 1).split("\n", -1));
        if (old.isPresent()) {
            out.addAll(lines.subList(0, old.get().firstLine()));
            out.addAll(add);
            out.addAll(lines.subList(old.get().lastLine() + 1, lines.size()));
        } else {
            out.addAll(lines);
            if (!out.isEmpty() && !out.getLast().isBlank()) out.add("");
            out.addAll(add);
        }
        return String.join("\n", out) + "\n";
    }

    /** The file without {@code old} (and without the blank line that separated it from what came before). */
    String without(Section old) {
        List<String> out = new ArrayList<>(lines.subList(0, old.firstLine()));
        List<String> rest = lines.subList(old.lastLine() + 1, lines.size());
        if (!out.isEmpty() && out.getLast().isBlank() && (rest.isEmpty() || rest.getFirst().isBlank())) out.removeLast();
        out.addAll(rest);
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }
}
