package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds a role's directory in Ansible's order: roles/ next to the playbook, the configured roles path(s), the
 * directory holding the role that refers to it (for dependencies), the playbook directory itself, and finally
 * the name as a path.
 */
final class RoleFinder {
    private final List<Path> rolesPath;

    RoleFinder(List<Path> rolesPath) {
        this.rolesPath = List.copyOf(rolesPath);
    }

    List<Path> searchPath(Path playDir, Path parentRoleDir) {
        List<Path> out = new ArrayList<>();
        out.add(playDir.resolve("roles"));
        out.addAll(rolesPath);
        if (parentRoleDir != null) out.add(parentRoleDir);
        out.add(playDir);
        return out;
    }

    Path find(String name, Path playDir, Path parentRoleDir, SourceLocation at) {
        List<Path> search = searchPath(playDir, parentRoleDir);
        for (Path dir : search) {
            Path candidate = dir.resolve(name).normalize();
            if (Files.isDirectory(candidate)) return candidate;
        }
        Path asPath = Path.of(name);
        if (Files.isDirectory(asPath)) return asPath.toAbsolutePath().normalize();
        throw new MissingFile(at, "the role '" + name + "' was not found in "
                + search.stream().map(Path::toString).collect(Collectors.joining(":")));
    }

    /** The role's name: as written, or the last path element when it was given as a path. */
    static String roleName(String written) {
        String trimmed = written.endsWith("/") ? written.substring(0, written.length() - 1) : written;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }
}
