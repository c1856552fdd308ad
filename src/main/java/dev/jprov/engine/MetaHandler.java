package dev.jprov.engine;

import dev.jprov.playbook.Meta;
import dev.jprov.playbook.MetaAction;

/**
 * A meta task notified as a handler. ansible-core 2.14's strategy runs every meta action there but
 * flush_handlers, which stops the run with "flush_handlers cannot be used as a handler" once it is reached.
 */
final class MetaHandler {
    private MetaHandler() {
    }

    /**
     * Throws Ansible's error for a meta handler that may not run as one (flush_handlers): an AnsibleError of its
     * strategy (exit 1), found at run time, not a load error.
     */
    static void check(Meta m) {
        if (m.action() == MetaAction.FLUSH_HANDLERS) {
            throw new IllegalArgumentException(m.location() + ": flush_handlers cannot be used as a handler");
        }
    }
}
