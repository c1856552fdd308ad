package dev.jprov.engine;

import dev.jprov.playbook.Meta;
import dev.jprov.playbook.MetaAction;
import dev.jprov.source.LoadException;
import java.util.Optional;

/**
 * A meta task notified as a handler. ansible-core 2.14's strategy runs every meta action there but
 * flush_handlers, which stops the run with "flush_handlers cannot be used as a handler" once it is reached.
 */
final class MetaHandler {
    private MetaHandler() {
    }

    /** The meta to run as a handler; throws Ansible's error for flush_handlers. */
    static Optional<Meta> check(Meta m) {
        if (m.action() == MetaAction.FLUSH_HANDLERS) {
            throw new LoadException(m.location(), "flush_handlers cannot be used as a handler");
        }
        return Optional.of(m);
    }
}
