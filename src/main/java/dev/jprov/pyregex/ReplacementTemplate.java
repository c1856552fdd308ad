package dev.jprov.pyregex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A replacement template as re.sub and Match.expand read it (re/_parser.py's parse_template): text, and group
 * references {@code \1}, {@code \12}, {@code \g<2>}, {@code \g<name>}; {@code \0} and three-digit escapes are
 * octal, {@code \n} {@code \t} ... are their characters, another escaped letter is an error and any other escape
 * stays as written. A group that did not take part is empty.
 *
 * @param parts literal text (String) and group numbers (Integer) in order
 */
record ReplacementTemplate(List<Object> parts) {
    private static final long MAXGROUPS = 1073741823L;

    static ReplacementTemplate parse(String template, int groups, Map<String, Integer> groupIndex) {
        PythonTokens s = new PythonTokens(template);
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (String t = s.get(); t != null; t = s.get()) {
            if (!t.startsWith("\\")) {
                literal.append(t);
                continue;
            }
            int c = t.codePointAt(1);
            if (c == 'g') {
                if (!s.match("<")) throw s.error("missing <", 0);
                String name = s.getUntil('>', "group name");
                int index;
                if (PythonTokens.isIdentifier(name)) {
                    Integer i = groupIndex.get(name);
                    if (i == null) throw new PythonRegexException("unknown group name " + PythonTokens.repr(name));
                    index = i;
                } else {
                    if (!name.matches("[0-9]+")) {
                        throw s.error("bad character in group name " + PythonTokens.repr(name),
                                PythonTokens.length(name) + 1);
                    }
                    if (name.length() > 10 || Long.parseLong(name) >= MAXGROUPS) {
                        throw s.error("invalid group reference " + name, PythonTokens.length(name) + 1);
                    }
                    index = Integer.parseInt(name);
                }
                addGroup(s, parts, literal, index, groups, PythonTokens.length(name) + 1);
            } else if (c == '0') {
                String esc = t + s.getWhile(2, "01234567");
                literal.append((char) (Integer.parseInt(esc.substring(1), 8) & 0xff));
            } else if (c >= '1' && c <= '9') {
                String esc = t;
                if (s.nextIn("0123456789")) {
                    esc += s.get();
                    if (c <= '7' && esc.charAt(2) <= '7' && s.nextIn("01234567")) {
                        esc += s.get();
                        int v = Integer.parseInt(esc.substring(1), 8);
                        if (v > 0377) throw s.error("octal escape value " + esc + " outside of range 0-0o377", esc.length());
                        literal.append((char) v);
                        continue;
                    }
                }
                addGroup(s, parts, literal, Integer.parseInt(esc.substring(1)), groups, esc.length() - 1);
            } else if (PythonTokens.escapedControl(c) >= 0) {
                literal.appendCodePoint(PythonTokens.escapedControl(c));
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                throw s.error("bad escape " + t, PythonTokens.length(t));
            } else {
                literal.append(t); // another escape stays as written: \- is \-
            }
        }
        if (!literal.isEmpty()) parts.add(literal.toString());
        return new ReplacementTemplate(List.copyOf(parts));
    }

    private static void addGroup(PythonTokens s, List<Object> parts, StringBuilder literal, int index, int groups,
                                 int offset) {
        if (index > groups) throw s.error("invalid group reference " + index, offset);
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
        parts.add(index);
    }

    String expand(PythonMatch m) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Integer g) {
                String v = m.group(g);
                if (v != null) sb.append(v);
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }
}
