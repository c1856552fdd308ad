package dev.jprov.modules;

import java.util.List;

/**
 * A jprov module: checks a task's arguments and returns an {@link Invocation}, whose probes the executor
 * batches and whose {@link Invocation#plan} is a pure function from the answers to the changes.
 * Modules never open connections, read the clock, or touch local files other than through the context.
 * There is no check-mode flag here on purpose: check mode is the same pipeline stopped before apply.
 */
public interface Module {

    /** The names a task may use, e.g. "copy" and "ansible.builtin.copy". The first is the canonical one. */
    List<String> names();

    /** Checks the (already templated) arguments. Throws {@link ArgsException} for bad ones. */
    Invocation prepare(Args args, ModuleContext context);
}
