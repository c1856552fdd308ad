package dev.jprov.playbook;

import dev.jprov.source.SourceLocation;
import java.util.List;

/**
 * A vars_files entry: one path, or a list of which the first existing one is used. Paths are unrendered
 * (they may contain templates) and relative to the play's directory.
 */
public record VarsFile(List<String> candidates, SourceLocation location) {
    public VarsFile {
        candidates = List.copyOf(candidates);
    }
}
