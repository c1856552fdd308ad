package dev.jprov.facts;

/**
 * Something on a host that probes read and changes write. The executor batches a later task's probe ahead of
 * an earlier task's changes only when none of those changes write what the probe reads.
 * {@code ANY} is the conservative answer for probes or steps whose effects are not known (command, shell).
 */
public record Resource(Kind kind, String name) {
    public enum Kind { PATH, DATASET, JAIL, RC_VAR, PACKAGE, SERVICE, PF, RCTL, DEVFS, INTERFACE, SYSCTL, MOUNT, ANY }

    public static final Resource ANY = new Resource(Kind.ANY, "*");

    public static Resource path(String path) {
        return new Resource(Kind.PATH, path);
    }

    /** Whether a write of this resource can change what a probe of {@code other} reads. */
    public boolean overlaps(Resource other) {
        if (kind == Kind.ANY || other.kind == Kind.ANY) return true;
        if (kind != other.kind) return false;
        if (kind == Kind.PATH || kind == Kind.DATASET) {
            return under(name, other.name) || under(other.name, name);
        }
        return name.equals(other.name);
    }

    /** Whether a write of this resource changes {@code other} itself or something inside it (not its parents). */
    public boolean covers(Resource other) {
        if (kind == Kind.ANY || other.kind == Kind.ANY) return true;
        if (kind != other.kind) return false;
        if (kind == Kind.PATH || kind == Kind.DATASET) return under(other.name, name);
        return name.equals(other.name);
    }

    private static boolean under(String child, String parent) {
        if (child.equals(parent)) return true;
        String p = parent.endsWith("/") ? parent : parent + "/";
        return child.startsWith(p);
    }
}
