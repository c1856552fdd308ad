package dev.jprov.archfixture.facts;

/** A probe answer, as facts holds them. */
public record Answer(String text) {}
