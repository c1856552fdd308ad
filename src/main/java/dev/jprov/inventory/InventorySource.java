package dev.jprov.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code -i} argument: a file, a directory of inventory files, or a comma-separated host list
 * ({@code -i web1,web2:2222,}). The directory whose group_vars/ and host_vars/ belong to it is the directory
 * itself, or the file's directory; a host list has none.
 */
public record InventorySource(String text, Optional<Path> path) {

    /** Classifies an argument as Ansible does: a string with a comma that is not an existing path is a host list. */
    public static InventorySource of(String argument, Path workingDirectory) {
        Path p = workingDirectory.resolve(argument).toAbsolutePath().normalize();
        if (argument.contains(",") && !Files.exists(p)) return new InventorySource(argument, Optional.empty());
        return new InventorySource(p.toString(), Optional.of(p));
    }

    public static InventorySource of(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return new InventorySource(p.toString(), Optional.of(p));
    }

    public boolean isHostList() {
        return path.isEmpty();
    }

    /** The directory holding this source's group_vars/ and host_vars/. */
    public Optional<Path> varsDirectory() {
        return path.map(p -> Files.isDirectory(p) ? p : p.getParent());
    }
}
