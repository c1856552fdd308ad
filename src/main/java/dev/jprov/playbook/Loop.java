package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;

/**
 * A task's loop: {@code loop:} (lookup null) or {@code with_<lookup>:} (lookup "items", "dict", "fileglob", ...).
 * {@code items} is the unrendered value: a list, a mapping (with_dict), or template text.
 */
public record Loop(String lookup, Object items, LoopControl control, SourceLocation location) {

    /** The keyword as written: "loop" or "with_items" etc. */
    public String keyword() {
        return lookup == null ? "loop" : "with_" + lookup;
    }
}
