package dev.jprov.engine;

import dev.jprov.modules.Invocation;

/**
 * One module call of a task, ready to plan: the loop item it is for (or none), the label shown for the item,
 * and either the invocation or why it could not be prepared (bad arguments, a template error), or that its
 * when: was false for this item.
 */
record PreparedCall(Object item, String label, boolean hasItem, Invocation invocation, String error,
                    boolean skipped) {

    static PreparedCall ready(Object item, String label, boolean hasItem, Invocation invocation) {
        return new PreparedCall(item, label, hasItem, invocation, null, false);
    }

    static PreparedCall failed(Object item, String label, boolean hasItem, String error) {
        return new PreparedCall(item, label, hasItem, null, error, false);
    }

    static PreparedCall skip(Object item, String label, boolean hasItem) {
        return new PreparedCall(item, label, hasItem, null, null, true);
    }
}
