package dev.jprov.modules.files;

import dev.jprov.pyregex.PythonMatch;
import dev.jprov.pyregex.PythonRegex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * blockinfile's text edit, a port of Ansible 2.14's main() on bytes (held as ISO-8859-1 strings): the same
 * markers find a block Ansible wrote, so files it managed are taken over without a second block.
 * 2.14 has no prepend_newline/append_newline (they came in 2.16), so neither does this.
 */
public record BlockInFileEdit(String markerBegin, String markerEnd, String block, boolean present,
                              Optional<String> insertAfter, Optional<String> insertBefore) {

    public static BlockInFileEdit of(String marker, String begin, String end, String block, boolean present,
                                     Optional<String> insertAfter, Optional<String> insertBefore) {
        return new BlockInFileEdit(marker.replace("{mark}", begin) + "\n", marker.replace("{mark}", end) + "\n",
                block, present, insertAfter, insertBefore);
    }

    /** Python's bytes.splitlines(True): \n, \r\n and a lone \r end a line. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0, i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                lines.add(s.substring(start, end));
                start = i = end;
            } else {
                i++;
            }
        }
        if (start < n) lines.add(s.substring(start));
        return lines;
    }

    /** @param original the file's content, or empty when it does not exist; returns the new content. */
    public String apply(Optional<String> original) {
        List<String> lines = original.map(BlockInFileEdit::splitLines).orElseGet(ArrayList::new);
        String insAfter = insertAfter.orElse(null);
        String insBefore = insertBefore.orElse(null);
        if (insAfter == null && insBefore == null) insAfter = "EOF";
        PythonRegex re = null;
        if (insAfter != null && !insAfter.equals("EOF")) re = BytesPattern.compile(insAfter, "insertafter");
        else if (insBefore != null && !insBefore.equals("BOF")) re = BytesPattern.compile(insBefore, "insertbefore");

        List<String> blockLines = new ArrayList<>();
        if (present && !block.isEmpty()) {
            String b = block.endsWith("\n") ? block : block + "\n";
            blockLines.add(markerBegin);
            blockLines.addAll(splitLines(b));
            blockLines.add(markerEnd);
        }
        Integer n0 = null, n1 = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(markerBegin)) n0 = i;
            if (lines.get(i).equals(markerEnd)) n1 = i;
        }
        if (n0 == null || n1 == null) {
            n0 = null;
            if (re != null) {
                if (re.has(PythonRegex.Flag.MULTILINE)) {
                    String text = original.orElse("");
                    Optional<PythonMatch> m = re.search(text);
                    if (m.isPresent()) {
                        n0 = newlinesBefore(text, insAfter != null ? m.get().end() : m.get().start());
                    }
                } else {
                    for (int i = 0; i < lines.size(); i++) {
                        if (re.search(lines.get(i)).isPresent()) n0 = i;
                    }
                }
                if (n0 == null) n0 = lines.size();
                else if (insAfter != null) n0 += 1;
            } else if (insBefore != null) {
                n0 = 0;
            } else {
                n0 = lines.size();
            }
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
        } else {
            lines.subList(n1, n0 + 1).clear();
            n0 = n1;
        }
        if (n0 > 0 && !lines.get(n0 - 1).endsWith("\n")) {
            lines.set(n0 - 1, lines.get(n0 - 1) + "\n");
        }
        lines.addAll(n0, blockLines);
        return String.join("", lines);
    }

    /**
     * Ansible's to_native(original).count('\n', 0, offset): the match's byte offset used as an index into the
     * decoded text, so with non-ASCII text before the match it counts past it and the block goes further down.
     */
    private static int newlinesBefore(String latin1, int byteOffset) {
        String text = new String(TextFileTarget.bytes(latin1), StandardCharsets.UTF_8);
        int end = text.offsetByCodePoints(0, Math.min(byteOffset, text.codePointCount(0, text.length())));
        int c = 0;
        for (int i = 0; i < end; i++) if (text.charAt(i) == '\n') c++;
        return c;
    }
}
