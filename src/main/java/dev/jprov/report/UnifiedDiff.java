package dev.jprov.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.jprov.plan.Diff;
import java.util.Arrays;
import java.util.List;

/** Renders a {@link Diff} as Ansible's diff callback does: difflib's unified format, 3 lines of context. */
public final class UnifiedDiff {
    private UnifiedDiff() {}

    public static String render(Diff diff) {
        if (diff.isEmpty()) return "";
        List<String> before = lines(diff.before());
        List<String> after = lines(diff.after());
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(header("before", diff.beforeHeader()),
                header("after", diff.afterHeader()), before, patch, 3);
        StringBuilder s = new StringBuilder();
        for (String line : out) s.append(line.startsWith("@@") ? pythonHunkHeader(line) : line).append('\n');
        if (!diff.before().isEmpty() && !diff.before().endsWith("\n") || !diff.after().isEmpty()
                && !diff.after().endsWith("\n")) {
            s.append("\\ No newline at end of file\n");
        }
        return s.toString();
    }

    private static final java.util.regex.Pattern HUNK =
            java.util.regex.Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)$");

    /** Python's difflib writes "-3" for a one-line range and "-0,0" for an empty one at the start. */
    private static String pythonHunkHeader(String line) {
        java.util.regex.Matcher m = HUNK.matcher(line);
        if (!m.matches()) return line;
        return "@@ -" + range(m.group(1), m.group(2)) + " +" + range(m.group(3), m.group(4)) + " @@" + m.group(5);
    }

    private static String range(String start, String length) {
        int s = Integer.parseInt(start);
        int n = length == null ? 1 : Integer.parseInt(length);
        if (n == 1) return Integer.toString(s);
        // difflib: an empty range names the line before it.
        return (n == 0 ? Math.max(0, s - 1) : s) + "," + n;
    }

    /** "before: HEADER", or just "before" when the module gave no header (as Ansible's callback prints it). */
    private static String header(String side, String header) {
        return header.isEmpty() ? side : side + ": " + header;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        return Arrays.asList(text.split("\n", -1)).subList(0, text.endsWith("\n")
                ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
    }
}
