package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;

/**
 * A bare Jinja expression from when / changed_when / failed_when / until, kept unrendered with where it was
 * written so evaluation errors can point at it. A literal {@code when: true} is kept as "True".
 */
public record Condition(String expression, SourceLocation location) {
}
