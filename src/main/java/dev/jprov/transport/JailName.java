package dev.jprov.transport;

import java.util.regex.Pattern;

/**
 * A jail's name or jid as jexec(8) takes it. jail(8) allows almost any string but reserves '.' for the
 * hierarchy (parent.child); we accept the portable subset (letters, digits, '_' and '-', dot-separated, not
 * starting with '-') so a name can never be read as an option or need quoting by a csh login shell.
 */
public record JailName(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_][A-Za-z0-9_-]*)*");
    private static final int MAX_LENGTH = 255;

    public JailName {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException("jail name is empty");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("jail name is longer than " + MAX_LENGTH + " characters: " + value);
        }
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("jail name '" + value + "' is not valid: use letters, digits, '_' "
                    + "and '-' (not first), with '.' only between the names of nested jails");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
