package dev.jprov.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Paths of the inventory fixtures (src/test/resources/inventory, read in place: hidden and backup files matter). */
final class Fixtures {
    private Fixtures() {}

    static Path dir(String name) {
        return Path.of("src/test/resources/inventory").resolve(name).toAbsolutePath().normalize();
    }

    static String read(String name) {
        try {
            return Files.readString(dir(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads -i sources given relative to the fixture directory {@code base}. */
    static Inventory load(String base, String... sources) {
        return Inventory.load(Arrays.asList(sources), dir(base));
    }

    static List<String> list(String spaceSeparated) {
        return spaceSeparated.equals("-") ? List.of() : List.of(spaceSeparated.split(" "));
    }
}
