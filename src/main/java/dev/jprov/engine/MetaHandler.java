package dev.jprov.engine;

import dev.jprov.playbook.Meta;
import dev.jprov.playbook.MetaAction;
import dev.jprov.source.LoadException;

/**
 * A meta task notified as a handler. ansible-core 2.14's strategy runs every meta action there but
 * flush_handlers, which stops the run with "flush_handlers cannot be used as a handler" once it is reached.
 */
final class MetaHandler {
    private MetaHandler() {
    }

    /** Throws Ansible's error for a meta handler that may not run as one (flush_handlers). */
    static void check(Meta m) {
        if (m.action() == MetaAction.FLUSH_HANDLERS) {
            throw new LoadException(m.location(), "flush_handlers cannot be used as a handler");
        }
    }
}
