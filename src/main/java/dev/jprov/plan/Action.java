package dev.jprov.plan;

/** What a change does to its subject. NONE is a no-op: the host already is as asked. */
public enum Action {
    CREATE, UPDATE, DELETE, RUN,
    /** Steps that run but change nothing a user counts (removing a spent async job file): reported ok. */
    TIDY,
    NONE;

    public boolean changes() {
        return this != NONE && this != TIDY;
    }
}
