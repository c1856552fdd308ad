package dev.jprov.report;

/** Receives the executor's events. Called from many host threads: implementations must be thread safe. */
public interface Reporter extends AutoCloseable {
    void on(Event event);

    @Override
    default void close() {}
}
