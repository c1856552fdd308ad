package dev.jprov.archfixture.modules;

import dev.jprov.archfixture.facts.Answer;

/** A module planning from an answer: modules -> facts, as the table allows. */
public record FixtureModule(String name) {
    public String plan(Answer answer) {
        return name + ": " + answer.text();
    }
}
