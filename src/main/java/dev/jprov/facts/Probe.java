package dev.jprov.facts;

import java.util.List;

/**
 * A read-only question to a host. The executor sends the probes of many tasks to a host as ONE script and hands
 * each module the answers ({@link Facts}). Probes must not change anything on the host.
 */
public sealed interface Probe permits Probe.Shell, Probe.FileInfo, Probe.FileContent {

    /** What the answer depends on; a planned change writing one of these makes the answer stale. */
    List<Resource> reads();

    /**
     * Shell text (built with Cmd/ShellScript) whose stdout, stderr and exit code are the answer. It runs in the
     * probe script's shell with the helper functions of {@code ProbePrelude} defined (jp_stat, jp_sha256 ...).
     */
    record Shell(String script, List<Resource> reads) implements Probe {
        public Shell {
            reads = List.copyOf(reads);
        }
    }

    /**
     * The metadata (and sha256 of regular files when {@code hash}) of a path. All FileInfo probes of a round
     * become one stat and one sha256 call, so a hundred files cost two processes, not two hundred.
     * {@code follow}: report the target of a symlink rather than the link itself. {@code exact}: the asker reports
     * every field as it is (stat: times, a directory's size), so its answer always comes from the host after any
     * queued change, never from what the change is predicted to leave, which does not know those fields.
     */
    record FileInfo(String path, boolean hash, boolean follow, boolean exact) implements Probe {
        public FileInfo(String path, boolean hash, boolean follow) {
            this(path, hash, follow, false);
        }

        @Override
        public List<Resource> reads() {
            return List.of(Resource.path(path));
        }
    }

    /**
     * The bytes of a regular file (following symlinks), answered with a {@link FileContent}; at most
     * {@code limit}+1 bytes when a limit is given (enough to tell "too big to diff"). Costs a process per file, so
     * modules only ask for it when they must edit the text (lineinfile, blockinfile) or show a diff.
     */
    record FileContent(String path, java.util.OptionalLong limit) implements Probe {
        /** Ansible's MAX_FILE_SIZE_FOR_DIFF: larger files are not diffed. */
        public static final long DIFF_LIMIT = 104448;

        public static FileContent whole(String path) {
            return new FileContent(path, java.util.OptionalLong.empty());
        }

        public static FileContent forDiff(String path) {
            return new FileContent(path, java.util.OptionalLong.of(DIFF_LIMIT));
        }

        @Override
        public List<Resource> reads() {
            return List.of(Resource.path(path));
        }
    }
}
