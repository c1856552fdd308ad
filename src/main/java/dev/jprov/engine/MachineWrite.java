package dev.jprov.engine;

import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import java.util.List;
import java.util.Map;

/**
 * Changes one session made (or, in check mode, would make) on a machine, as the other sessions on that machine
 * learn of them: what they wrote, through which file system, and what a dry run predicts they leave.
 *
 * @param writer the session that made them (it knows its own writes already)
 * @param leaves check mode only: answers the changes would give later probes (a real run's sessions ask the host)
 */
record MachineWrite(int writer, FileSystem fileSystem, List<Resource> writes, Map<Probe, Object> leaves) {

    MachineWrite {
        writes = List.copyOf(writes);
        leaves = Map.copyOf(leaves);
    }

    /** Whether an answer of a session reaching {@code reader} that reads {@code read} may be stale now. */
    boolean makesStale(FileSystem reader, Resource read) {
        return writes.stream().anyMatch(w -> reader.equals(fileSystem) ? w.overlaps(read) : mayReach(w, read));
    }

    /** Whether a prediction (check mode, or a queued change's) of a session reaching {@code reader} is overridden. */
    boolean overrides(FileSystem reader, Resource read) {
        return writes.stream().anyMatch(w -> reader.equals(fileSystem) ? w.covers(read) : mayReach(w, read));
    }

    /**
     * Across file systems of one machine: a jail's /etc/rc.conf is its host's ROOT/etc/rc.conf, with ROOT not known
     * here, so a write of anything kept in a root's tree may touch every such thing the other one reads. What the
     * kernel holds (datasets, jails, pf, rctl, devfs rules, interfaces) has one name machine-wide.
     */
    private static boolean mayReach(Resource write, Resource read) {
        if (write.kind() == Resource.Kind.ANY || read.kind() == Resource.Kind.ANY) return true;
        if (inRootTree(write.kind()) && inRootTree(read.kind())) return true;
        return write.overlaps(read);
    }

    private static boolean inRootTree(Resource.Kind kind) {
        return switch (kind) {
            case PATH, RC_VAR, PACKAGE, SERVICE, MOUNT -> true;
            case DATASET, JAIL, PF, RCTL, DEVFS, INTERFACE, SYSCTL, ANY -> false;
        };
    }
}
