package dev.jprov.engine;

import dev.jprov.modules.registry.ModuleRegistry;
import dev.jprov.playbook.Play;
import dev.jprov.playbook.PlaybookLoader;
import dev.jprov.playbook.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A play loaded from YAML as a user writes it, for tests of the engine's parts that take loaded tasks. */
final class PlayFixture {
    private PlayFixture() {}

    /** The play of {@code yaml} (one play, written to {@code dir}). */
    static Play load(Path dir, String yaml) {
        try {
            Path file = Files.createTempFile(dir, "play", ".yaml");
            Files.writeString(file, yaml);
            PlaybookLoader loader = new PlaybookLoader(ModuleRegistry.builtin()::isModule, List.of());
            return loader.load(file).plays().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one task of a play whose tasks: list is {@code task} (a YAML mapping on one line). */
    static Task task(Path dir, String task) {
        return (Task) load(dir, "- hosts: all\n  tasks:\n    - " + task + "\n").tasks().get(0);
    }
}
