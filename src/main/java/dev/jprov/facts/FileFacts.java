package dev.jprov.facts;

import java.util.Optional;

/**
 * What a host says about a path. {@code mode} is four octal digits ("0644"); {@code sha256} is present for
 * regular files when asked; {@code linkTarget} for symlinks.
 */
public record FileFacts(String path, Type type, String mode, int uid, int gid, String owner, String group,
                        long size, long mtime, Optional<String> sha256, Optional<String> linkTarget) {

    public enum Type { ABSENT, FILE, DIRECTORY, LINK, OTHER }

    public static FileFacts absent(String path) {
        return new FileFacts(path, Type.ABSENT, "", -1, -1, "", "", 0, 0, Optional.empty(), Optional.empty());
    }

    /** A directory as a planned change will leave it (owner unknown until it exists). */
    public static FileFacts directory(String path, String mode) {
        return new FileFacts(path, Type.DIRECTORY, mode, -1, -1, "", "", 0, 0, Optional.empty(), Optional.empty());
    }

    public boolean exists() {
        return type != Type.ABSENT;
    }
}
