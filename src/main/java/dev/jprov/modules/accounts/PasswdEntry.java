package dev.jprov.modules.accounts;

import java.util.List;
import java.util.Optional;

/**
 * One line of FreeBSD's /etc/master.passwd (passwd(5)): name, encrypted password, uid, gid, login class, password
 * change time, account expiry time, gecos, home and shell. The password is a secret: {@link #toString} hides it.
 */
record PasswdEntry(String name, String password, long uid, long gid, String loginClass, long change, long expire,
                   String gecos, String home, String shell) {

    static final String LOCKED = "*LOCKED*";

    /** The entry of a 10-field line; empty for comments, blank and malformed lines (pwd_mkdb refuses those). */
    static Optional<PasswdEntry> parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) return Optional.empty();
        List<String> f = List.of(line.split(":", -1));
        if (f.size() != 10) return Optional.empty();
        try {
            return Optional.of(new PasswdEntry(f.get(0), f.get(1), Long.parseLong(f.get(2)), Long.parseLong(f.get(3)),
                    f.get(4), number(f.get(5)), number(f.get(6)), f.get(7), f.get(8), f.get(9)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long number(String s) {
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }

    boolean locked() {
        return password.startsWith(LOCKED);
    }

    PasswdEntry withUid(long value) {
        return new PasswdEntry(name, password, value, gid, loginClass, change, expire, gecos, home, shell);
    }

    PasswdEntry withGid(long value) {
        return new PasswdEntry(name, password, uid, value, loginClass, change, expire, gecos, home, shell);
    }

    PasswdEntry withLoginClass(String value) {
        return new PasswdEntry(name, password, uid, gid, value, change, expire, gecos, home, shell);
    }

    PasswdEntry withExpire(long value) {
        return new PasswdEntry(name, password, uid, gid, loginClass, change, value, gecos, home, shell);
    }

    PasswdEntry withGecos(String value) {
        return new PasswdEntry(name, password, uid, gid, loginClass, change, expire, value, home, shell);
    }

    PasswdEntry withHome(String value) {
        return new PasswdEntry(name, password, uid, gid, loginClass, change, expire, gecos, value, shell);
    }

    PasswdEntry withShell(String value) {
        return new PasswdEntry(name, password, uid, gid, loginClass, change, expire, gecos, home, value);
    }

    PasswdEntry withPassword(String value) {
        return new PasswdEntry(name, value, uid, gid, loginClass, change, expire, gecos, home, shell);
    }

    @Override
    public String toString() {
        return "PasswdEntry[" + name + ":" + uid + ":" + gid + ":" + gecos + ":" + home + ":" + shell + "]";
    }
}
