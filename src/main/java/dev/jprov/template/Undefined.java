package dev.jprov.template;

import com.hubspot.jinjava.util.HasObjectTruthValue;
import java.util.Iterator;

/**
 * What an unknown variable or missing attribute evaluates to, as Ansible's StrictUndefined: {@code default},
 * {@code is defined} and attribute access (which keeps the first message, like AnsibleUndefined) work on it;
 * printing, truth tests, iteration, comparison and other filters fail with the message.
 */
record Undefined(String message) implements HasObjectTruthValue, Iterable<Object> {

    static Undefined variable(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    static Undefined attribute(Object base, Object attribute) {
        return new Undefined("'" + PythonRepr.typeName(base) + " object' has no attribute '" + attribute + "'");
    }

    TemplateFailure fail() {
        return RenderSession.failure(message, true);
    }

    @Override
    public boolean getObjectTruthValue() {
        throw fail();
    }

    @Override
    public Iterator<Object> iterator() {
        throw fail();
    }

    @Override
    public String toString() {
        throw fail();
    }
}
