package dev.jprov.modules;

import dev.jprov.facts.FileFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/** A local path's facts as the JDK sees it (not following links), for assertions independent of the probes. */
public final class LocalFileFacts {
    private LocalFileFacts() {}

    public static FileFacts of(String path) {
        Path p = Path.of(path);
        LinkOption[] noFollow = {LinkOption.NOFOLLOW_LINKS};
        if (!Files.exists(p, noFollow)) return FileFacts.absent(path);
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:*", noFollow);
            int mode = (Integer) a.get("mode");
            FileFacts.Type type = Files.isSymbolicLink(p) ? FileFacts.Type.LINK
                    : Files.isDirectory(p, noFollow) ? FileFacts.Type.DIRECTORY
                    : Files.isRegularFile(p, noFollow) ? FileFacts.Type.FILE : FileFacts.Type.OTHER;
            Optional<String> target = type == FileFacts.Type.LINK
                    ? Optional.of(Files.readSymbolicLink(p).toString()) : Optional.empty();
            return new FileFacts(path, type, String.format("%04o", mode & 07777), (Integer) a.get("uid"),
                    (Integer) a.get("gid"), a.get("owner").toString(), a.get("group").toString(), (Long) a.get("size"),
                    ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000, Optional.empty(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
