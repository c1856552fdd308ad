package dev.jprov.archfixture.facts;

import dev.jprov.archfixture.modules.FixtureModule;

/** The backward arrow: a facts class that knows a module. */
public record BackwardProbe(FixtureModule module) {}
