package dev.jprov.engine.script;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Splits a batched script's stdout and stderr into the records between {@link Boundary} markers.
 * A record that started but never ended means the script died there (the host's shell was killed, or
 * a step exited the shell): its exit code is empty.
 */
public final class ScriptRecords {

    /** One record: what it printed and, when it completed, its exit code. */
    public record Entry(String stdout, String stderr, OptionalInt exitCode) {}

    private final Map<String, Entry> entries;

    private ScriptRecords(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static ScriptRecords parse(Boundary boundary, byte[] stdout, byte[] stderr) {
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets are byte offsets and nothing is lost before decoding.
        String out = new String(stdout, StandardCharsets.ISO_8859_1);
        String err = new String(stderr, StandardCharsets.ISO_8859_1);
        Map<String, String[]> outs = split(boundary, out, true);
        Map<String, String[]> errs = split(boundary, err, false);
        Map<String, Entry> entries = new LinkedHashMap<>();
        outs.forEach((id, v) -> {
            String[] e = errs.get(id);
            OptionalInt rc = v[1] == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v[1]));
            entries.put(id, new Entry(utf8(v[0]), e == null ? "" : utf8(e[0]), rc));
        });
        return new ScriptRecords(entries);
    }

    public boolean has(String id) {
        return entries.containsKey(id);
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    public Map<String, Entry> all() {
        return entries;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** id -> {content, exit code or null}. */
    private static Map<String, String[]> split(Boundary boundary, String text, boolean withRc) {
        Map<String, String[]> out = new LinkedHashMap<>();
        String start = "\n" + boundary.token() + " S ";
        String end = "\n" + boundary.token() + " E ";
        int pos = 0;
        while (true) {
            int s = text.indexOf(start, pos);
            if (s < 0) break;
            int idEnd = text.indexOf('\n', s + start.length());
            if (idEnd < 0) break;
            String id = text.substring(s + start.length(), idEnd);
            int contentStart = idEnd + 1;
            int e = text.indexOf(end + id + (withRc ? " " : "\n"), contentStart);
            if (e < 0) {
                // Unterminated: the script stopped inside this record.
                int next = text.indexOf(start, contentStart);
                out.put(id, new String[] {text.substring(contentStart, next < 0 ? text.length() : next), null});
                if (next < 0) break;
                pos = next;
                continue;
            }
            String rc = null;
            int after = e + end.length() + id.length() + 1;
            if (withRc) {
                int nl = text.indexOf('\n', after);
                rc = text.substring(after, nl < 0 ? text.length() : nl).trim();
                after = nl < 0 ? text.length() : nl;
            }
            out.put(id, new String[] {text.substring(contentStart, e), rc});
            pos = after;
        }
        return out;
    }
}
