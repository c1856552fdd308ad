package dev.jprov.modules.freebsd;

import java.util.regex.Pattern;

/**
 * How jprov writes a jail.conf(5) string value. Values are literal: a '$' is escaped so jail(8) does not expand
 * it as a jail.conf variable (the seed's {@code \$(ifconfig epair create)} lines), and so are '"' and '\'.
 * The quote style follows the seed 000 article, the reference users copy: double quotes by default,
 * single quotes for exec.start/exec.stop (text jail(8) never expands), and a bare word for exec.consolelog.
 */
final class JailConfQuoting {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@%+-]+");

    private JailConfQuoting() {}

    static String value(String param, String value) {
        boolean plain = value.indexOf('\'') < 0 && value.indexOf('\\') < 0 && value.indexOf('\n') < 0;
        if ((param.equals("exec.start") || param.equals("exec.stop")) && plain) return "'" + value + "'";
        if (param.equals("exec.consolelog") && BARE.matcher(value).matches()) return value;
        return doubleQuoted(value);
    }

    static String doubleQuoted(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '$' -> s.append("\\$");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }

    /** A boolean parameter set to false: "no" before the last component (nopersist, allow.noraw_sockets). */
    static String negated(String param) {
        int dot = param.lastIndexOf('.');
        return param.substring(0, dot + 1) + "no" + param.substring(dot + 1);
    }
}
