package dev.jprov.plan;

/** What a change does to its subject. NONE is a no-op: the host already is as asked. */
public enum Action {
    CREATE, UPDATE, DELETE, RUN, NONE;

    public boolean changes() {
        return this != NONE;
    }
}
