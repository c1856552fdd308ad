package dev.jprov.modules.accounts;

import dev.jprov.modules.ArgsException;

/**
 * pw_checkname of usr.sbin/pw/pw_user.c: the characters a user or group name (or a login class) may not hold, and
 * those a gecos field may not hold, refused before anything runs with pw's own words.
 */
final class AccountName {
    private static final String BAD_NAME = " ,\t:+&#%$^()!@~*?<>=|\\/\"";
    private static final String BAD_GECOS = ":!@";
    /** MAXLOGNAME - 1 on FreeBSD 14. */
    static final int MAX_LENGTH = 32;

    private AccountName() {}

    static void check(String module, String what, String name) {
        if (name.isEmpty()) throw new ArgsException(module + ": " + what + " must not be empty");
        int bad = name.startsWith("-") ? 0 : -1;
        for (int i = 0; bad < 0 && i < name.length(); i++) {
            char c = name.charAt(i);
            if (BAD_NAME.indexOf(c) >= 0 || c < ' ' || c >= 127) bad = i;
        }
        if (bad == name.length() - 1 && name.endsWith("$") && name.length() > 1) bad = -1;   // samba's machine accounts
        if (bad >= 0) throw new ArgsException(module + ": " + what + " '" + name + "': " + invalid(name, bad, "userid/group name"));
        if (name.length() > MAX_LENGTH) {
            throw new ArgsException(module + ": " + what + " '" + name + "': name too long (max is " + MAX_LENGTH + ")");
        }
    }

    static void checkGecos(String module, String gecos) {
        for (int i = 0; i < gecos.length(); i++) {
            char c = gecos.charAt(i);
            if (BAD_GECOS.indexOf(c) >= 0 || c < ' ' || c == 127) {
                throw new ArgsException(module + ": comment '" + gecos + "': " + invalid(gecos, i, "gecos field"));
            }
        }
    }

    private static String invalid(String s, int at, String field) {
        char c = s.charAt(at);
        String shown = c >= ' ' && c < 127 ? "`" + c + "'" : String.format("0x%02x", (int) c);
        return "invalid character " + shown + " at position " + at + " in " + field;
    }
}
