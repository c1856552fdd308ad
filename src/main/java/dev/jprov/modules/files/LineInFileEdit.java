package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.pyregex.PythonMatch;
import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * lineinfile's text edit, a line-for-line port of Ansible 2.14's present()/absent() on bytes (held as
 * ISO-8859-1 strings), so the file it leaves is byte-identical to Ansible's, quirks included.
 */
public record LineInFileEdit(Optional<PythonRegex> regexp, Optional<String> searchString, Optional<String> line,
                             Optional<String> insertAfter, Optional<String> insertBefore, boolean backrefs,
                             boolean firstMatch) {

    public record Result(List<String> lines, boolean changed, String msg, int found) {
        public String text() {
            return String.join("", lines);
        }
    }

    /** Python's bytes.readlines(): split after each \n, keeping it. */
    public static List<String> readLines(String latin1) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) == '\n') {
                lines.add(latin1.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < latin1.length()) lines.add(latin1.substring(start));
        return lines;
    }

    private static String rstripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) end--;
        return s.substring(0, end);
    }

    private static boolean endsWithEol(String s) {
        return !s.isEmpty() && (s.charAt(s.length() - 1) == '\n' || s.charAt(s.length() - 1) == '\r');
    }

    public Result present(List<String> original) {
        List<String> lines = new ArrayList<>(original);
        String bLine = line.orElseThrow();
        String insAfter = insertAfter.orElse(null);
        String insBefore = insertBefore.orElse(null);
        if (insAfter == null && insBefore == null) insAfter = "EOF";
        PythonRegex ins = null;
        if (insAfter != null && !insAfter.equals("BOF") && !insAfter.equals("EOF")) {
            ins = BytesPattern.compile(insAfter, "insertafter");
        } else if (insBefore != null && !insBefore.equals("BOF")) {
            ins = BytesPattern.compile(insBefore, "insertbefore");
        }
        int index0 = -1, index1 = -1;
        PythonMatch match = null;
        boolean matchedSearch = false;
        boolean exactLineMatch = false;
        if (regexp.isPresent()) {
            for (int no = 0; no < lines.size(); no++) {
                Optional<PythonMatch> m = regexp.get().search(lines.get(no));
                if (m.isPresent()) {
                    index0 = no;
                    match = m.get();
                    if (firstMatch) break;
                }
            }
        }
        if (searchString.isPresent()) {
            for (int no = 0; no < lines.size(); no++) {
                if (lines.get(no).contains(searchString.get())) {
                    index0 = no;
                    matchedSearch = true;
                    if (firstMatch) break;
                }
            }
        }
        boolean anyMatch = match != null || matchedSearch;
        if (!anyMatch) {
            for (int no = 0; no < lines.size(); no++) {
                String cur = lines.get(no);
                if (bLine.equals(rstripEol(cur))) {
                    index0 = no;
                    exactLineMatch = true;
                } else if (ins != null && ins.search(cur).isPresent()) {
                    if (insAfter != null) {
                        index1 = no + 1;
                        if (firstMatch) break;
                    }
                    if (insBefore != null) {
                        index1 = no;
                        if (firstMatch) break;
                    }
                }
            }
        }
        String msg = "";
        boolean changed = false;
        if (index0 != -1) {
            String newLine = backrefs && match != null ? expand(match, bLine) : bLine;
            if (!newLine.endsWith("\n")) newLine += "\n";
            if (regexp.isEmpty() && searchString.isEmpty() && !anyMatch && !exactLineMatch) {
                // Unreachable in practice (index0 is only set by a match), kept to mirror Ansible's structure.
                return new Result(lines, false, "", 0);
            } else if (!lines.get(index0).equals(newLine)) {
                lines.set(index0, newLine);
                msg = "line replaced";
                changed = true;
            }
        } else if (backrefs) {
            // Nothing: without a match the backrefs cannot be filled in.
        } else if ("BOF".equals(insBefore) || "BOF".equals(insAfter)) {
            lines.add(0, bLine + "\n");
            msg = "line added";
            changed = true;
        } else if ("EOF".equals(insAfter) || index1 == -1) {
            if (!lines.isEmpty() && !endsWithEol(lines.get(lines.size() - 1))) lines.add("\n");
            lines.add(bLine + "\n");
            msg = "line added";
            changed = true;
        } else if (insAfter != null && index1 != -1) {
            if (lines.size() == index1) {
                if (!rstripEol(lines.get(index1 - 1)).equals(bLine)) {
                    lines.add(bLine + "\n");
                    msg = "line added";
                    changed = true;
                }
            } else if (!bLine.equals(rstripEol(lines.get(index1)))) {
                lines.add(index1, bLine + "\n");
                msg = "line added";
                changed = true;
            }
        } else {
            lines.add(index1, bLine + "\n");
            msg = "line added";
            changed = true;
        }
        return new Result(lines, changed, msg, 0);
    }

    /** Match.expand(line); where re raises (a bad group or escape), Ansible's module fails, and so does the task. */
    private static String expand(PythonMatch m, String line) {
        try {
            return m.expand(line);
        } catch (PythonRegexException e) {
            throw new ArgsException(e.getMessage() + " in line: " + line);
        }
    }

    public Result absent(List<String> original) {
        List<String> kept = new ArrayList<>();
        int found = 0;
        for (String cur : original) {
            boolean hit;
            if (regexp.isPresent()) hit = regexp.get().search(cur).isPresent();
            else if (searchString.isPresent()) hit = cur.contains(searchString.get());
            else hit = line.orElseThrow().equals(rstripEol(cur));
            if (hit) found++;
            else kept.add(cur);
        }
        return new Result(kept, found > 0, found > 0 ? found + " line(s) removed" : "", found);
    }
}
