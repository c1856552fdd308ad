package dev.jprov.modules;

/**
 * A module that runs once per play, not once per host: Ansible's BYPASS_HOST_LOOP action plugins (pause). The
 * engine runs its task as run_once, the first host of the batch runs it and the others share its result.
 */
public interface BypassesHostLoop extends Module {
}
