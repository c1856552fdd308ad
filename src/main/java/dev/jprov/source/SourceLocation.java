package dev.jprov.source;

import java.nio.file.Path;

/** A position in a user's file, printed the way editors and compilers do: {@code file:line:column} (1-based). */
public record SourceLocation(Path file, int line, int column) {

    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        String name = file == null ? "<input>" : file.toString();
        if (line <= 0) return name;
        return column <= 0 ? name + ":" + line : name + ":" + line + ":" + column;
    }
}
