package dev.jprov.modules.files;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a regular file's bytes (following symlinks) in a probe. The bytes travel as od's hex dump: od is POSIX
 * (FreeBSD, GNU, busybox), the answer is byte-exact (trailing newline, NUL, CR) and plain ASCII, so it cannot
 * clash with the executor's record delimiters whatever the file holds. Costs one process per file, so modules
 * only ask for it when they must edit the text (lineinfile, blockinfile) or show a diff.
 */
public record FileContentProbe(String path, OptionalLong limit) {

    /** Ansible's MAX_FILE_SIZE_FOR_DIFF: larger files are not diffed. */
    public static final long DIFF_LIMIT = 104448;

    public static FileContentProbe whole(String path) {
        return new FileContentProbe(path, OptionalLong.empty());
    }

    /** Reads at most {@code limit}+1 bytes, enough to tell "too big to diff". */
    public static FileContentProbe forDiff(String path) {
        return new FileContentProbe(path, OptionalLong.of(DIFF_LIMIT));
    }

    public Probe.Shell probe() {
        String od = limit.isPresent()
                ? ShellScript.fill("od -An -v -tx1 -N " + (limit.getAsLong() + 1) + " {}", path)
                : ShellScript.fill("od -An -v -tx1 {}", path);
        String script = ShellScript.fill("if [ -f {} ]; then ", path) + od + "; else echo absent; fi";
        return new Probe.Shell(script, List.of(Resource.path(path)));
    }

    /**
     * What this path's content probes answer once it holds {@code content} (a whole-file write that is certain
     * to be made or, in check mode, would be), so later reads plan against it without asking the host.
     */
    public static Map<Probe, Object> answersFor(String path, byte[] content) {
        int limited = (int) Math.min(content.length, DIFF_LIMIT + 1);
        return Map.of(whole(path).probe(), new ProbeAnswer(0, odHex(content, content.length), ""),
                forDiff(path).probe(), new ProbeAnswer(0, odHex(content, limited), ""));
    }

    /** The first {@code n} bytes as {@code od -An -v -tx1} prints them. */
    private static String odHex(byte[] c, int n) {
        StringBuilder b = new StringBuilder(n * 3 + n / 16 + 1);
        for (int i = 0; i < n; i++) {
            b.append(' ').append(Character.forDigit((c[i] >> 4) & 0xf, 16))
                    .append(Character.forDigit(c[i] & 0xf, 16));
            if (i % 16 == 15 || i == n - 1) b.append('\n');
        }
        return b.toString();
    }

    /** The bytes, or empty when the path is not a regular file. Throws when the read failed (permissions). */
    public static Optional<byte[]> parse(ProbeAnswer answer, String path) {
        if (!answer.ok()) {
            throw new IllegalStateException("cannot read " + path + ": " + answer.stderr().strip());
        }
        String out = answer.stdout().strip();
        if (out.equals("absent")) return Optional.empty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.length() / 3 + 1);
        int i = 0, n = out.length();
        while (i < n) {
            char c = out.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (i + 1 >= n) throw new IllegalStateException("unexpected od output for " + path);
            bytes.write(Integer.parseInt(out, i, i + 2, 16));
            i += 2;
        }
        return Optional.of(bytes.toByteArray());
    }
}
