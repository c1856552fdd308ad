package dev.jprov.modules.files;

import dev.jprov.facts.Probe;
import dev.jprov.plan.Diff;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text diff of a file's content, with Ansible's rules: files over {@link dev.jprov.facts.Probe.FileContent#DIFF_LIMIT} bytes
 * and files with a NUL byte are not diffed (a note says why instead).
 */
public final class ContentDiff {
    private ContentDiff() {}

    /** {@code before} empty means the file does not exist yet. */
    public static Diff of(String path, Optional<byte[]> before, byte[] after) {
        String b = before.map(bytes -> text(bytes, "destination")).orElse("");
        String a = text(after, "source");
        return new Diff(path, b, path, a);
    }

    /**
     * A copy or template's diff: Ansible names the destination as the "before" side only when it exists (its
     * ActionBase._get_diff_data sets before_header from the remote stat of an existing file).
     */
    public static Diff ofWholeFile(String path, Optional<byte[]> before, byte[] after) {
        Diff d = of(path, before, after);
        return before.isPresent() ? d : new Diff("", d.before(), d.afterHeader(), d.after());
    }

    private static String text(byte[] bytes, String which) {
        if (bytes.length > Probe.FileContent.DIFF_LIMIT) {
            return "[diff skipped: " + which + " file size is greater than " + Probe.FileContent.DIFF_LIMIT + "]\n";
        }
        int head = Math.min(bytes.length, 8192);
        for (int i = 0; i < head; i++) {
            if (bytes[i] == 0) return "[diff skipped: " + which + " contains binary data]\n";
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
