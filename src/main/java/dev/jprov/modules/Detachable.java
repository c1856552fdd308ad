package dev.jprov.modules;

import dev.jprov.facts.Facts;

/**
 * A call that can run as an async job (Ansible's {@code async:}): its plan is then one step that starts the job
 * detached on the host and returns at once with the job's id; the job writes its result where async_status reads
 * it. Only command and shell are detachable in jprov.
 */
public interface Detachable extends Invocation {

    /** The plan that starts {@code job}; its registered result is async_wrapper's (started, ansible_job_id ...). */
    Planned planDetached(Facts facts, AsyncJob job);
}
