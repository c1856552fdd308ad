package dev.jprov.modules;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import java.util.List;

/** An invocation that asks the host one shell probe and plans from its answer (most FreeBSD modules). */
public interface ShellProbeInvocation extends Invocation {

    Probe.Shell probe();

    Planned plan(ProbeAnswer answer);

    @Override
    default List<Probe> probes() {
        return List.of(probe());
    }

    @Override
    default Planned plan(Facts facts) {
        return plan(facts.get(probe()));
    }
}
