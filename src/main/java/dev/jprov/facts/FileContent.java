package dev.jprov.facts;

import java.util.Arrays;
import java.util.Optional;

/** The answer to a {@link Probe.FileContent}: the file's bytes, or that it is not a regular file, or unreadable. */
public sealed interface FileContent permits FileContent.Bytes, FileContent.Absent, FileContent.Unreadable {

    record Bytes(byte[] bytes) implements FileContent {
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + "]";
        }
    }

    /** Not a regular file (missing, a directory, a device). */
    record Absent() implements FileContent {}

    /** The read failed (permissions): what the host said. */
    record Unreadable(String reason) implements FileContent {}

    /** What a probe of {@code probe} answers once the file holds {@code content}. */
    static FileContent of(Probe.FileContent probe, byte[] content) {
        int n = (int) Math.min(content.length, probe.limit().orElse(Long.MAX_VALUE - 1) + 1);
        return new Bytes(n == content.length ? content : Arrays.copyOf(content, n));
    }

    /**
     * A file read as {@code od -An -v -tx1} prints it (or "absent" when not a regular file): how probe scripts
     * carry bytes, byte-exact and plain ASCII whatever the file holds.
     */
    static FileContent ofOdDump(ProbeAnswer answer, String path) {
        if (!answer.ok()) return new Unreadable(answer.stderr().strip());
        String out = answer.stdout().strip();
        if (out.equals("absent")) return new Absent();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(out.length() / 3 + 1);
        int i = 0, n = out.length();
        while (i < n) {
            char c = out.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (i + 1 >= n) return new Unreadable("unexpected od output for " + path);
            bytes.write(Integer.parseInt(out, i, i + 2, 16));
            i += 2;
        }
        return new Bytes(bytes.toByteArray());
    }

    /** The bytes, or empty when the path is not a regular file. Throws when the read failed. */
    default Optional<byte[]> bytes(String path) {
        return switch (this) {
            case Bytes b -> Optional.of(b.bytes());
            case Absent a -> Optional.empty();
            case Unreadable u -> throw new IllegalStateException("cannot read " + path + ": " + u.reason());
        };
    }
}
