package dev.jprov.engine;

/**
 * A playbook node as a map key by identity: the same task text in two places (two roles, two includes) is two
 * tasks, which records' value equality would merge.
 */
record IdentityKey(Object node) {
    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityKey k && k.node == node;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(node);
    }
}
