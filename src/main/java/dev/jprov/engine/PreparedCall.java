package dev.jprov.engine;

import dev.jprov.modules.Invocation;
import java.util.Map;

/**
 * One module call of a task, ready to plan: the loop item it is for (or none), the label shown for the item,
 * and either the invocation or why it could not be prepared (bad arguments, a template error), or that its
 * when: was false for this item; {@code vars} are a loop item's variables (null without a loop).
 */
record PreparedCall(Object item, String label, boolean hasItem, Invocation invocation, String error,
                    boolean skipped, Map<String, Object> vars) {

    static PreparedCall ready(Object item, String label, boolean hasItem, Invocation invocation) {
        return new PreparedCall(item, label, hasItem, invocation, null, false, null);
    }

    static PreparedCall failed(Object item, String label, boolean hasItem, String error) {
        return new PreparedCall(item, label, hasItem, null, error, false, null);
    }

    static PreparedCall skip(Object item, String label, boolean hasItem) {
        return new PreparedCall(item, label, hasItem, null, null, true, null);
    }

    /** The same call with the variables it was prepared with (a loop item's): changed_when/failed_when see them. */
    PreparedCall with(Map<String, Object> callVars) {
        return new PreparedCall(item, label, hasItem, invocation, error, skipped, callVars);
    }
}
