package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import java.nio.file.Path;
import java.util.Map;

/**
 * A role as found on disk, with the defaults and vars it was loaded with (defaults_from / vars_from choose the
 * files). Its templates/ and files/ directories are where template/copy look first for the role's tasks.
 */
public record Role(String name, Path path, Map<String, Object> defaults, Map<String, Object> vars,
                   boolean allowDuplicates) {

    public Role {
        defaults = FrozenValues.map(defaults);
        vars = FrozenValues.map(vars);
    }

    public Path templatesDir() {
        return path.resolve("templates");
    }

    public Path filesDir() {
        return path.resolve("files");
    }

    public Path tasksDir() {
        return path.resolve("tasks");
    }
}
