package dev.jprov.modules.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authorized_keys file as ansible.posix.authorized_key reads, edits and writes it (parsekey, parseoptions,
 * parsekeys, serialize of authorized_key.py), quirks included so the file is byte-identical to Ansible's: lines
 * are keyed by the key's base64 (a later line with the same key wins), comment and unparsable lines by their whole
 * text, the file is written in rank order, and a key line is always "options type key comment\n" (a trailing blank
 * when there is no comment).
 */
final class AuthorizedKeys {
    static final Set<String> KEY_TYPES = Set.of(
            "sk-ecdsa-sha2-nistp256@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "ssh-dss", "ssh-rsa",
            "ssh-xmss@openssh.com", "ssh-xmss-cert-v01@openssh.com", "rsa-sha2-256", "rsa-sha2-512",
            "ssh-rsa-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
            "ssh-dss-cert-v01@openssh.com");
    private static final Pattern OPTION = Pattern.compile("((?:[^,\"']|\"[^\"]*\"|'[^']*')+)");
    private static final Pattern WHITESPACE = Pattern.compile("[ \t\r\n]+");

    /** One key option, {@code value} null for a flag (no-pty). */
    record Option(String name, String value) {
        String text() {
            return value == null ? name : name + "=" + value;
        }
    }

    /**
     * A line of the file: a key ({@code type} set; {@code id} is its base64) or a line kept as it is ({@code type}
     * empty; {@code id} is the line with its newline).
     */
    record Line(String id, Optional<String> type, List<Option> options, String comment, int rank) {
        Line {
            options = List.copyOf(options);
        }

        Line withRank(int r) {
            return new Line(id, type, options, comment, r);
        }

        /** Equal as authorized_key's tuple comparison: options compared as a dict of lists, in any order. */
        boolean sameKey(Line other) {
            return id.equals(other.id) && type.equals(other.type) && Objects.equals(comment, other.comment)
                    && optionMap(options).equals(optionMap(other.options));
        }

        String text() {
            if (type.isEmpty()) return id;
            String opts = options.isEmpty() ? "" : String.join(",", options.stream().map(Option::text).toList()) + " ";
            return opts + type.get() + " " + id + " " + comment + "\n";
        }
    }

    private static Map<String, List<String>> optionMap(List<Option> options) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Option o : options) m.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o.value());
        return m;
    }

    private AuthorizedKeys() {}

    /** parseoptions: split on commas outside quotes. */
    static List<Option> options(String text) {
        List<Option> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        // re.split(regex, text)[1:-1]: the matches and the text between them, not the text before the first or after the last
        List<String> parts = new ArrayList<>();
        Matcher m = OPTION.matcher(text);
        int at = 0;
        boolean first = true;
        while (m.find()) {
            if (!first) parts.add(text.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
            first = false;
        }
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq >= 0) out.add(new Option(part.substring(0, eq), part.substring(eq + 1)));
            else if (!part.equals(",")) out.add(new Option(part, null));
        }
        return out;
    }

    /** parsekey: a key line, a kept line ('#' as first word), or empty when no key type is found. */
    static Optional<Line> parse(String raw, int rank) {
        String line = raw.replace("\\#", "#");
        String trimmed = line.strip();
        List<String> parts = trimmed.isEmpty() ? List.of() : List.of(WHITESPACE.split(trimmed));
        if (!parts.isEmpty() && parts.get(0).equals("#")) return Optional.of(new Line(line, Optional.empty(), List.of(), null, rank));
        int typeAt = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (KEY_TYPES.contains(parts.get(i))) {
                typeAt = i;
                break;
            }
        }
        if (typeAt < 0 || typeAt + 1 >= parts.size()) return Optional.empty();
        List<Option> options = typeAt > 0 ? options(String.join(" ", parts.subList(0, typeAt))) : List.of();
        String comment = String.join(" ", parts.subList(typeAt + 2, parts.size()));
        return Optional.of(new Line(parts.get(typeAt + 1), Optional.of(parts.get(typeAt)), options, comment, rank));
    }

    /** parsekeys: the file's lines by id, in file order (a later line with the same id replaces the earlier). */
    static LinkedHashMap<String, Line> read(String content) {
        LinkedHashMap<String, Line> keys = new LinkedHashMap<>();
        int rank = 0;
        for (String line : linesKeepingEnds(content)) {
            int r = rank++;
            Line parsed = parse(line, r).orElseGet(() -> new Line(line, Optional.empty(), List.of(), null, r));
            keys.put(parsed.id(), parsed);
        }
        return keys;
    }

    /** serialize: the lines in rank order (ties in map order, as Python's stable sort). */
    static String write(Map<String, Line> keys) {
        StringBuilder s = new StringBuilder();
        keys.values().stream().sorted(Comparator.comparingInt(Line::rank)).forEach(l -> s.append(l.text()));
        return s.toString();
    }

    /** Python's text-mode read (universal newlines) then splitlines(True). */
    static List<String> linesKeepingEnds(String content) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }
}
