package dev.jprov.modules.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How community.general's cronvar reads a crontab line (parse_for_var): Python's non-POSIX shlex with every ASCII
 * character but {@code = ' "} a word character. A line is a variable when its second token is "="; the value is
 * the remaining tokens joined with nothing between them (so blanks outside quotes vanish and quotes stay).
 */
record CronVarLine(String name, String value) {

    /** Raised where Python's shlex raises ValueError: the module fails with its message. */
    static final class Unparsable extends RuntimeException {
        Unparsable(String message) {
            super(message);
        }
    }

    static Optional<CronVarLine> parse(String line) {
        List<String> tokens = tokens(line);
        if (tokens.size() < 2 || !tokens.get(1).equals("=")) return Optional.empty();
        return Optional.of(new CronVarLine(tokens.get(0), String.join("", tokens.subList(2, tokens.size()))));
    }

    private static boolean word(char c) {
        return c < 128 && c != '=' && c != '\'' && c != '"';
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** shlex.shlex(line) with cronvar's wordchars, non-POSIX: quoted tokens keep their quotes, '#' starts a comment. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (blank(c)) {
                i++;
            } else if (c == '#') {
                break; // the comment runs to the end of the line
            } else if (c == '\'' || c == '"') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) throw new Unparsable("No closing quotation");
                out.add(line.substring(i, close + 1));
                i = close + 1;
            } else if (word(c)) {
                int start = i;
                while (i < n && word(line.charAt(i)) && !blank(line.charAt(i)) && line.charAt(i) != '#') i++;
                out.add(line.substring(start, i));
                if (i < n && line.charAt(i) == '#') break;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
