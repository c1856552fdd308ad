package dev.jprov.engine.script;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random marker that separates the records of one batched script's output. Random per script so that no file
 * content or command output can forge a record boundary.
 */
public record Boundary(String token) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Boundary random() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return new Boundary("JPROV" + HexFormat.of().formatHex(b));
    }

    /** Shell lines that mark the start of record {@code id} on stdout and stderr. */
    String startMarker(String id) {
        return "printf '\\n%s S %s\\n' \"$jp_B\" " + id + "; printf '\\n%s S %s\\n' \"$jp_B\" " + id + " >&2";
    }

    /** Shell lines that close record {@code id} with the exit code in {@code $jp_rc}. */
    String endMarker(String id) {
        return "printf '\\n%s E %s %d\\n' \"$jp_B\" " + id + " \"$jp_rc\"; printf '\\n%s E %s\\n' \"$jp_B\" " + id
                + " >&2";
    }

    String declaration() {
        return "jp_B=" + token;
    }
}
