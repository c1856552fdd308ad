package dev.jprov.playbook;

import java.util.Locale;

/** The meta: actions jprov runs. */
public enum MetaAction {
    FLUSH_HANDLERS, END_PLAY, END_HOST, NOOP, CLEAR_HOST_ERRORS, RESET_CONNECTION;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MetaAction parse(String s) {
        for (MetaAction a : values()) if (a.keyword().equals(s)) return a;
        return null;
    }
}
