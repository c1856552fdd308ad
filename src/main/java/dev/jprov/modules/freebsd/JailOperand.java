package dev.jprov.modules.freebsd;

import dev.jprov.modules.ArgsException;
import java.util.regex.Pattern;

/**
 * The {@code jail} argument of sysrc, pkg, service and freebsd_update: a jail's name or jid as their -j option
 * takes it. Only the portable subset (letters, digits, '_', '-', not starting with '-') is accepted, so the value
 * can never be read as an option and needs no quoting anywhere it appears.
 */
public record JailOperand(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,254}");

    /** Checks {@code value}; the message names the module and the argument. */
    public static JailOperand of(String module, String value) {
        if (value.isEmpty()) throw new ArgsException(module + ": jail must not be empty");
        if (!VALID.matcher(value).matches()) {
            throw new ArgsException(module + ": jail '" + value + "' is not a valid jail name or jid: use letters, "
                    + "digits, '_' and '-' (not first); no spaces, dots or shell characters");
        }
        return new JailOperand(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
