package dev.jprov.modules.files;

import dev.jprov.pyregex.PythonMatch;
import dev.jprov.pyregex.PythonRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * community.general 6.6's ini_file do_ini(), line for line on the decoded text, so the file it leaves is the one
 * Ansible leaves (a missing final newline added, options appended after the section's last non-comment line, a
 * null section meaning the lines before the first section).
 */
record IniFileEdit(Optional<String> section, Optional<String> option, List<String> values, boolean present,
                   boolean exclusive, boolean noExtraSpaces, boolean allowNoValue) {

    /** The commit hash ini_file uses as the name of the section around the file, matching no real one. */
    private static final String FAKE = "ad01e11446efb704fcdbdb21f2c43757423d91c5";
    private static final PythonRegex BLANK_OR_COMMENT = PythonRegex.str("^[ \\t]*([#;].*)?$");

    record Result(String text, boolean changed, String msg) {}

    IniFileEdit {
        List<String> unique = new ArrayList<>();
        for (String v : values) if (v != null && !unique.contains(v)) unique.add(v);
        values = List.copyOf(unique);
    }

    /** io.open(..., 'r') lines: universal newlines (\r\n and \r read as \n), split after each \n. */
    static List<String> readLines(String text) {
        return LineInFileEdit.readLines(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private Optional<PythonMatch> matchOpt(String line) {
        return PythonRegex.str("[#;]?( |\\t)*(" + PythonRegex.escape(option.orElseThrow()) + ")( |\\t)*(=|$)( |\\t)*(.*)")
                .match(line);
    }

    private Optional<PythonMatch> matchActiveOpt(String line) {
        return PythonRegex.str("( |\\t)*(" + PythonRegex.escape(option.orElseThrow()) + ")( |\\t)*(=|$)( |\\t)*(.*)")
                .match(line);
    }

    private String assignment(String value) {
        return option.orElseThrow() + (noExtraSpaces ? "=" : " = ") + value + "\n";
    }

    /** @param original the file's text, empty when it does not exist */
    Result apply(Optional<String> original) {
        List<String> lines = new ArrayList<>(original.map(IniFileEdit::readLines).orElseGet(List::of));
        List<String> vals = new ArrayList<>(values);
        boolean changed = false;
        if (lines.isEmpty()) lines.add("\n");
        String last = lines.get(lines.size() - 1);
        if (last.isEmpty() || !last.endsWith("\n")) {
            lines.set(lines.size() - 1, last + "\n");
            changed = true;
        }
        lines.add(0, "[" + FAKE + "]");
        lines.add("[");
        String sec = section.filter(s -> !s.isEmpty()).orElse(FAKE);
        boolean within = false;
        int start = 0, end = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("[" + sec + "]")) {
                within = true;
                start = i;
            } else if (line.startsWith("[") && within) {
                end = i;
                break;
            }
        }
        List<String> before = new ArrayList<>(lines.subList(0, start));
        List<String> sectionLines = new ArrayList<>(lines.subList(start, end));
        List<String> after = new ArrayList<>(lines.subList(end, lines.size()));
        List<Boolean> touched = new ArrayList<>();
        for (int i = 0; i < sectionLines.size(); i++) touched.add(false);
        String msg = "OK";
        boolean noValuePresent = false;

        if (present && option.isPresent()) {
            for (int i = 0; i < sectionLines.size(); i++) {
                Optional<PythonMatch> m = matchOpt(sectionLines.get(i));
                if (m.isEmpty()) continue;
                String matched = m.get().group(6);
                if (!vals.isEmpty() && vals.contains(matched)) {
                    String newline;
                    if (matched.isEmpty() && allowNoValue) {
                        newline = option.get() + "\n";
                        noValuePresent = true;
                    } else {
                        newline = assignment(matched);
                    }
                    if (!sectionLines.get(i).equals(newline)) {
                        changed = true;
                        msg = "option changed";
                    }
                    sectionLines.set(i, newline);
                    touched.set(i, true);
                    vals.remove(matched);
                } else if (vals.isEmpty() && allowNoValue) {
                    String newline = option.get() + "\n";
                    if (!sectionLines.get(i).equals(newline)) {
                        changed = true;
                        msg = "option changed";
                    }
                    sectionLines.set(i, newline);
                    touched.set(i, true);
                    noValuePresent = true;
                    break;
                }
            }
        }
        if (present && exclusive && !allowNoValue) {
            if (!vals.isEmpty()) {
                for (int i = 0; i < sectionLines.size(); i++) {
                    if (!touched.get(i) && matchOpt(sectionLines.get(i)).isPresent()) {
                        String newline = assignment(vals.remove(0));
                        if (!sectionLines.get(i).equals(newline)) {
                            changed = true;
                            msg = "option changed";
                        }
                        sectionLines.set(i, newline);
                        touched.set(i, true);
                        if (vals.isEmpty()) break;
                    }
                }
            }
            // ini_file removes the remaining occurrences from the end down to index 1 (the section header is 0).
            for (int i = sectionLines.size() - 1; i > 0; i--) {
                if (!touched.get(i) && matchOpt(sectionLines.get(i)).isPresent()) {
                    sectionLines.remove(i);
                    touched.remove(i);
                    changed = true;
                    msg = "option changed";
                }
            }
        }
        if (present) {
            for (int i = sectionLines.size(); i > 0; i--) {
                if (BLANK_OR_COMMENT.match(sectionLines.get(i - 1)).isEmpty()) {
                    if (option.isPresent() && !vals.isEmpty()) {
                        for (int v = vals.size() - 1; v >= 0; v--) {
                            sectionLines.add(i, assignment(vals.get(v)));
                            msg = "option added";
                            changed = true;
                        }
                    } else if (option.isPresent() && allowNoValue && !noValuePresent) {
                        sectionLines.add(i, option.get() + "\n");
                        msg = "option added";
                        changed = true;
                    }
                    break;
                }
            }
        } else if (option.isPresent()) {
            List<String> kept = new ArrayList<>();
            for (String line : sectionLines) {
                Optional<PythonMatch> m = matchActiveOpt(line);
                boolean drop = exclusive ? m.isPresent() : m.isPresent() && values.contains(m.get().group(6));
                if (!drop) kept.add(line);
            }
            if ((exclusive || !values.isEmpty()) && !kept.equals(sectionLines)) {
                changed = true;
                msg = "option changed";
                sectionLines = kept;
            }
        } else if (!sectionLines.isEmpty()) {
            sectionLines = new ArrayList<>();
            msg = "section removed";
            changed = true;
        }
        List<String> out = new ArrayList<>(before);
        out.addAll(sectionLines);
        out.addAll(after);
        out.remove(0);
        out.remove(out.size() - 1);
        if (!within && present) {
            out.add("[" + sec + "]\n");
            msg = "section and option added";
            if (option.isPresent() && !vals.isEmpty()) {
                for (String v : vals) out.add(assignment(v));
            } else if (option.isPresent() && allowNoValue) {
                out.add(option.get() + "\n");
            } else {
                msg = "only section added";
            }
            changed = true;
        }
        return new Result(String.join("", out), changed, msg);
    }
}
