package dev.jprov.engine;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.AsyncJob;
import dev.jprov.modules.Detachable;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import java.util.List;

/**
 * A call of an async task: the module's call planned as a detached job, with the async_status call that reads the
 * job's status (polled when the task's poll is not 0).
 */
record DetachedCall(Detachable call, AsyncJob job, AsyncSettings settings, Invocation status) implements Invocation {

    @Override
    public List<Probe> probes() {
        return call.probes();
    }

    @Override
    public Planned plan(Facts facts) {
        return call.planDetached(facts, job);
    }
}
