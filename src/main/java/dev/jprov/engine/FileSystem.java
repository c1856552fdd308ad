package dev.jprov.engine;

/**
 * Which file system of a machine a session reaches: the host's own root, or a jail's root (entered with jexec).
 * Two sessions with the same one read and write the same paths; a jail's root is also part of its host's tree, at
 * a place the controller does not know, so writes across the two are matched conservatively (see
 * {@link MachineWrite}).
 */
sealed interface FileSystem permits FileSystem.HostRoot, FileSystem.JailRoot {

    FileSystem HOST = new HostRoot();

    record HostRoot() implements FileSystem {}

    record JailRoot(String jail) implements FileSystem {}
}
