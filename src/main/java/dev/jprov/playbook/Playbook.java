package dev.jprov.playbook;

import java.nio.file.Path;
import java.util.List;

/** A playbook file with import_playbook expanded: its plays and the plays of the playbooks it imports, in order. */
public record Playbook(Path file, List<Play> plays) {
    public Playbook {
        plays = List.copyOf(plays);
    }
}
