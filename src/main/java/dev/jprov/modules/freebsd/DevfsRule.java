package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One devfs.rules(5) line, {@code add [rulenum] [type T] [path P] action...}, checked with the grammar of
 * devfs(8)'s rule.c. {@link #words()} are the arguments for {@code devfs rule -s N add} (quotes removed, an
 * {@code include $name} resolved to the ruleset's number) and {@link #shown(int)} is the line
 * {@code devfs rule -s N show} prints for it, so the live ruleset can be compared with the file.
 */
record DevfsRule(String line, Optional<Integer> number, Optional<String> type, Optional<String> path,
                 List<String> actions) {

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private static final Pattern VAR = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./*?\\[\\]!:+@%,=-]+");
    private static final List<String> TYPES = List.of("disk", "mem", "tape", "tty");

    static DevfsRule parse(String line) {
        List<String> w = tokens(line);
        if (w.isEmpty() || !w.getFirst().equals("add")) {
            throw new Invalid("devfs rule '" + line + "' must start with 'add'");
        }
        int i = 1;
        Optional<Integer> number = Optional.empty();
        if (i < w.size() && w.get(i).chars().allMatch(Character::isDigit)) {
            number = Optional.of(Integer.parseInt(w.get(i++)));
        }
        Optional<String> type = Optional.empty();
        Optional<String> path = Optional.empty();
        while (i < w.size() && (w.get(i).equals("type") || w.get(i).equals("path"))) {
            String what = w.get(i);
            if (i + 1 >= w.size()) throw new Invalid("devfs rule '" + line + "': " + what + " needs an argument");
            String v = w.get(i + 1);
            if (what.equals("type")) {
                if (!TYPES.contains(v)) throw new Invalid("devfs rule '" + line + "': unknown type " + v);
                type = Optional.of(v);
            } else {
                checkWord(line, v);
                path = Optional.of(v);
            }
            i += 2;
        }
        List<String> actions = new ArrayList<>();
        while (i < w.size()) {
            String a = w.get(i);
            switch (a) {
                case "hide", "unhide" -> {
                    actions.add(a);
                    i++;
                }
                case "user", "group", "mode", "include" -> {
                    if (i + 1 >= w.size()) throw new Invalid("devfs rule '" + line + "': " + a + " needs an argument");
                    String v = w.get(i + 1);
                    if (a.equals("include") && !VAR.matcher(v).matches() && !v.chars().allMatch(Character::isDigit)) {
                        throw new Invalid("devfs rule '" + line + "': include needs a ruleset number or $name");
                    }
                    if (a.equals("mode") && !v.matches("[0-7]{1,4}")) {
                        throw new Invalid("devfs rule '" + line + "': mode must be octal, got " + v);
                    }
                    if (!a.equals("include")) checkWord(line, v);
                    actions.add(a + " " + v);
                    i += 2;
                }
                default -> throw new Invalid("devfs rule '" + line + "': unknown argument '" + a + "'");
            }
        }
        if (actions.isEmpty()) throw new Invalid("devfs rule '" + line + "' has no action (hide, unhide, include ...)");
        return new DevfsRule(line.strip(), number, type, path, List.copyOf(actions));
    }

    private static void checkWord(String line, String v) {
        if (!SAFE.matcher(v).matches()) {
            throw new Invalid("devfs rule '" + line + "': '" + v + "' has characters devfs.rules cannot take "
                    + "(spaces, quotes or shell characters)");
        }
    }

    /** rule.c tokenize(): blanks separate words, '...' and "..." group them. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (cur == null) cur = new StringBuilder();
            } else if (c == ' ' || c == '\t') {
                if (cur != null) out.add(cur.toString());
                cur = null;
            } else {
                if (cur == null) cur = new StringBuilder();
                cur.append(c);
            }
        }
        if (quote != 0) throw new Invalid("devfs rule '" + line + "': unterminated quote");
        if (cur != null) out.add(cur.toString());
        return out;
    }

    private String resolved(String action, Map<String, Integer> names) {
        if (!action.startsWith("include $")) return action;
        String name = action.substring("include $".length());
        Integer n = names.get(name);
        if (n == null) throw new Invalid("devfs rule '" + line + "': no ruleset named " + name);
        return "include " + n;
    }

    /** The arguments after {@code devfs rule -s N add}. */
    List<String> words(Map<String, Integer> names) {
        List<String> out = new ArrayList<>();
        number.ifPresent(n -> out.add(Integer.toString(n)));
        type.ifPresent(t -> {
            out.add("type");
            out.add(t);
        });
        path.ifPresent(p -> {
            out.add("path");
            out.add(p);
        });
        for (String a : actions) out.addAll(List.of(resolved(a, names).split(" ")));
        return out;
    }

    /** What {@code devfs rule show} prints for this rule as number {@code n}. */
    String shown(int n, Map<String, Integer> names) {
        StringBuilder s = new StringBuilder(Integer.toString(number.orElse(n)));
        type.ifPresent(t -> s.append(" type ").append(t));
        path.ifPresent(p -> s.append(" path ").append(p));
        for (String order : List.of("hide", "unhide", "user", "group", "mode", "include")) {
            for (String a : actions) {
                if (a.equals(order) || a.startsWith(order + " ")) {
                    String r = resolved(a, names);
                    if (order.equals("mode")) r = "mode " + Integer.toOctalString(Integer.parseInt(a.substring(5), 8));
                    s.append(' ').append(r);
                }
            }
        }
        return s.toString();
    }
}
