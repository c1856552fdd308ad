package dev.jprov.modules.freebsd;

import dev.jprov.modules.ArgsException;
import java.util.regex.Pattern;

/**
 * Checks a jail name given as a module argument. jail(8) takes almost any string, but the name ends up in
 * jail.conf, in file names (/etc/jail.conf.d/NAME.conf), in interface names (e0a_NAME) and on command lines, so
 * jprov accepts the portable subset: letters, digits, '_' and '-' (not first). All digits would read as a jid.
 */
public final class JailNameArg {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,254}");

    private JailNameArg() {}

    /** The name, or an ArgsException naming the module and what is wrong with it. */
    public static String check(String module, String argument, String name) {
        if (name == null || name.isEmpty()) throw new ArgsException(module + ": " + argument + " must not be empty");
        if (!VALID.matcher(name).matches()) {
            throw new ArgsException(module + ": " + argument + " '" + name + "' is not a valid jail name: use "
                    + "letters, digits, '_' and '-' (not first); no spaces, dots or shell characters");
        }
        if (name.chars().allMatch(Character::isDigit)) {
            throw new ArgsException(module + ": " + argument + " '" + name
                    + "' is all digits, which jail(8) and jls(8) read as a jail id");
        }
        return name;
    }
}
