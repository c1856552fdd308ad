package dev.jprov.modules.control;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import java.util.List;

/** An invocation that needs nothing from the host: debug, set_fact, assert and fail are decided locally. */
record Immediate(Planned planned) implements Invocation {
    @Override
    public List<Probe> probes() {
        return List.of();
    }

    @Override
    public Planned plan(Facts facts) {
        return planned;
    }
}
