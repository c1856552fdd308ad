package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pf.conf(5) text as far as the module must understand it without pfctl: its statements (lines joined at a
 * trailing backslash, comments and quoted strings left out, as parse.y's lexer reads them), whether a rule logs
 * (then pflog.ko is needed for the log to go anywhere: rc.d/pflog loads it when pflog_enable is set) and whether
 * it has rules at all (a ruleset of macros and options only loads nothing).
 */
record PfRuleset(String text) {
    /** The first words of statements that are rules (pf.conf(5) grammar), not macros, options or tables. */
    private static final Set<String> RULE_WORDS = Set.of("pass", "block", "match", "scrub", "nat", "rdr", "binat",
            "nat-anchor", "rdr-anchor", "binat-anchor", "anchor", "antispoof", "ether", "load");

    /** The statements, one string each, words separated by single blanks. */
    List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String line = withoutCommentsAndStrings(raw);
            boolean continued = line.endsWith("\\");
            current.append(' ').append(continued ? line.substring(0, line.length() - 1) : line);
            if (!continued) {
                String s = current.toString().strip().replaceAll("\\s+", " ");
                if (!s.isEmpty()) out.add(s);
                current.setLength(0);
            }
        }
        String rest = current.toString().strip();
        if (!rest.isEmpty()) out.add(rest.replaceAll("\\s+", " "));
        return out;
    }

    /** Whether a rule has the {@code log} option (pass log, block log (all), match log ...). */
    boolean logs() {
        return rules().stream().anyMatch(s -> List.of(s.replace("(", " ( ").split(" ")).contains("log"));
    }

    boolean hasRules() {
        return !rules().isEmpty();
    }

    private List<String> rules() {
        return statements().stream().filter(s -> RULE_WORDS.contains(s.split(" ", 2)[0])).toList();
    }

    /** The line with quoted strings blanked ("..." becomes "") and a # comment cut. */
    private static String withoutCommentsAndStrings(String line) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (quoted) {
                continue;
            } else if (c == '#') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString().stripTrailing();
    }
}
