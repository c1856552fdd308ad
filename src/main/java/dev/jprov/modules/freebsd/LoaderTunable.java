package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loader tunable in a loader.conf(5) file, read as the loader reads it (stand/lua/config.lua): lines
 * {@code name=value} or {@code name="value"}, # comments, the last assignment wins. The edit replaces that last
 * assignment in place or appends one, and leaves every other line as it is.
 */
record LoaderTunable(String name, String value) {

    private Pattern assignment() {
        return Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|([^\\s#\"]*))");
    }

    /** The value the file gives the tunable, if it sets it. */
    Optional<String> current(String text) {
        Optional<String> found = Optional.empty();
        for (String line : text.split("\n", -1)) {
            Matcher m = assignment().matcher(line);
            if (m.find()) found = Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
        }
        return found;
    }

    /** The line this edit writes, quoted as bsdinstall and loader.conf(5)'s examples write them. */
    String line() {
        return name + "=\"" + value + "\"";
    }

    /** The text with the tunable set to the value. */
    String edit(String text) {
        if (current(text).filter(value::equals).isPresent()) return text;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean newline = text.endsWith("\n") || text.isEmpty();
        if (newline) lines.removeLast();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) if (assignment().matcher(lines.get(i)).find()) last = i;
        if (last >= 0) {
            lines.set(last, line());
        } else {
            lines.add(line());
        }
        return String.join("\n", lines) + "\n";
    }

    /** The text without any assignment of the tunable. */
    String without(String text) {
        if (current(text).isEmpty()) return text;
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) if (!assignment().matcher(line).find()) kept.add(line);
        return String.join("\n", kept);
    }
}
