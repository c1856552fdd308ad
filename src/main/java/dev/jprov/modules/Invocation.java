package dev.jprov.modules;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import java.util.List;

/** A module call with checked arguments: what it needs to know, and how it plans from the answers. */
public interface Invocation {

    List<Probe> probes();

    Planned plan(Facts facts);
}
