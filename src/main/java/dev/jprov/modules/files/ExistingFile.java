package dev.jprov.modules.files;

import dev.jprov.facts.FileFacts;

/**
 * What a whole-file write finds at its path, as Ansible 2.14's copy and atomic_move treat it.
 *
 * <p>A special file (character or block device, FIFO, socket) is not refused: copy.py only checksums a path that
 * {@code os.path.isfile}, so a special file never matches the content and is always written; atomic_move then
 * renames the new file over it, keeping the node's permission bits and owner, and the task reports changed. As
 * root on Linux that is what happens to {@code copy: dest=/dev/null} (ansible/ansible#58164, #78609); where the
 * directory cannot hold a temp file (FreeBSD's devfs) the write fails in both tools.
 */
enum ExistingFile {
    /** Nothing to keep: absent, or a symlink the write replaces as copy.py does (unlink, then a new file). */
    NONE,
    /** A regular file: compared by checksum, its mode and owner kept by the write. */
    REGULAR,
    /** A device, FIFO or socket: no checksum, so always differs; its mode and owner kept by the write. */
    SPECIAL;

    static ExistingFile of(FileFacts facts) {
        return switch (facts.type()) {
            case FILE -> REGULAR;
            case OTHER -> SPECIAL;
            case ABSENT, LINK, DIRECTORY -> NONE;
        };
    }

    /** Whether the write replaces something whose mode and owner it keeps (the executor's {@code [ -e ]}). */
    boolean exists() {
        return this != NONE;
    }

    /** Whether the content can be compared (and read for a diff): only a regular file's. */
    boolean comparable() {
        return this == REGULAR;
    }
}
