package dev.jprov.archfixture.transport;

/** How to reach a host, as the transport takes it. */
public record FixtureSpec(String host, int port) {}
