package dev.jprov.archfixture.inventory;

import dev.jprov.archfixture.transport.FixtureSpec;

/** inventory -> transport, as inventory.HostConnection once made the transport's spec. */
public record FixtureHost(String name) {
    public FixtureSpec spec() {
        return new FixtureSpec(name, 22);
    }
}
