package dev.jprov.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A module context for tests: local files from one directory, fixed answers for the executor-provided values. */
public record TestModuleContext(Path localFiles, boolean diff, int verbosity, Map<String, Object> vars,
                                Predicate<String> conditions) implements ModuleContext {
    /** The suffix of backups in tests, as the executor would fix it for one run. */
    public static final String BACKUP_SUFFIX = ".1234.2024-01-02@03:04:05~";

    public static TestModuleContext simple(Path localFiles) {
        return new TestModuleContext(localFiles, false, 0, new LinkedHashMap<>(), c -> {
            throw new IllegalStateException("no conditions in this test");
        });
    }

    public TestModuleContext withDiff() {
        return new TestModuleContext(localFiles, true, verbosity, vars, conditions);
    }

    @Override
    public Path findLocalFile(String subdir, String name) {
        Path p = localFiles.resolve(subdir).resolve(name);
        if (!Files.exists(p)) throw new ArgsException("Could not find or access '" + name + "' (searched " + p + ")");
        return p;
    }

    @Override
    public String renderTemplate(Path template) {
        // Tests use plain files as templates: rendering itself belongs to the template package.
        try {
            return Files.readString(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String hostName() {
        return "localhost";
    }

    @Override
    public boolean evaluate(String condition) {
        return conditions.test(condition);
    }

    @Override
    public Optional<Object> expression(String expression) {
        return Optional.ofNullable(vars.get(expression));
    }

    @Override
    public String backupSuffix() {
        return BACKUP_SUFFIX;
    }
}
