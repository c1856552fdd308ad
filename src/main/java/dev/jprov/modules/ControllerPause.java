package dev.jprov.modules;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A call that waits on the controller (pause): the engine waits {@link #length()} - modules never read the clock
 * or sleep - and then asks for the result with the controller's local start and stop times. Its {@link #plan}
 * (used before the wait, e.g. by the lookahead) has no changes and waits for nothing.
 */
public interface ControllerPause extends Invocation {

    Duration length();

    /** The result once the engine waited from {@code start} to {@code stop} ({@code elapsed} between them). */
    Planned paused(LocalDateTime start, LocalDateTime stop, Duration elapsed);

    @Override
    default List<Probe> probes() {
        return List.of();
    }

    @Override
    default Planned plan(Facts facts) {
        return Planned.ok(java.util.Map.of());
    }
}
