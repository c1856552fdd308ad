package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code mode:} argument as Ansible reads it: an integer as YAML gives it (493 for 0755), an octal string
 * ("0755", "755"), or a symbolic chmod string ("u+rwx,g-w"). Symbolic modes are resolved against the current
 * mode in Java so the plan shows the resulting octal mode and a second run is a no-op.
 */
public sealed interface FileMode {

    /** The remote umask Ansible consults for who-less symbolic modes ("+x"); hosts run with 022 (FreeBSD's default). */
    int ASSUMED_UMASK = 0022;

    record Octal(int bits) implements FileMode {
        @Override
        public int resolve(int current, boolean directory) {
            return bits;
        }
    }

    record Symbolic(String text) implements FileMode {
        @Override
        public int resolve(int current, boolean directory) {
            return SymbolicMode.apply(text, current, directory, ASSUMED_UMASK);
        }
    }

    /** The mode the path has after applying this to a path whose mode is {@code current}. */
    int resolve(int current, boolean directory);

    /** Parses the argument as Ansible does (int(mode, 8), else symbolic); empty when not given. */
    static Optional<FileMode> parse(Object value) {
        if (value == null) return Optional.empty();
        if (value instanceof Number n) return Optional.of(checked(n.longValue(), value));
        String s = value.toString().trim();
        if (s.isEmpty()) return Optional.empty();
        if (OCTAL.matcher(s).matches()) {
            String digits = s.startsWith("0o") || s.startsWith("0O") ? s.substring(2) : s;
            return Optional.of(checked(Long.parseLong(digits, 8), value));
        }
        try {
            SymbolicMode.apply(s, 0644, false, ASSUMED_UMASK);
        } catch (IllegalArgumentException e) {
            throw new ArgsException("mode must be in octal or symbolic form: " + s + " (" + e.getMessage() + ")");
        }
        return Optional.of(new Symbolic(s));
    }

    Pattern OCTAL = Pattern.compile("(0[oO])?[0-7]+");

    private static Octal checked(long bits, Object given) {
        if (bits < 0 || bits > 07777) {
            throw new ArgsException("Invalid mode supplied, only permission info is allowed: " + given);
        }
        return new Octal((int) bits);
    }

    /** Ansible's rendering of a mode in diffs and results: '0%03o'. */
    static String format(int bits) {
        return "0" + String.format("%03o", bits);
    }

    /** Parses FileFacts' "0644". */
    static int parseFacts(String mode) {
        return mode == null || mode.isEmpty() ? 0 : Integer.parseInt(mode, 8);
    }
}
