package dev.jprov.engine;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.ModuleContext;
import dev.jprov.playbook.RoleUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a module may see of the controller: the task's variables, its role's and playbook's files, templates. */
final class TaskModuleContext implements ModuleContext {

    /** Makes the context of a call from its variables (they differ per loop item). */
    @FunctionalInterface
    interface Factory {
        TaskModuleContext create(Map<String, Object> vars);
    }

    private final Map<String, Object> vars;
    private final RoleUse role;
    private final Path playDir;
    private final Path taskDir;
    private final RunContext run;
    private final String hostName;
    private final boolean diff;

    /** @param taskDir the directory of the task's file, null where the task has none */
    TaskModuleContext(Map<String, Object> vars, RoleUse role, Path playDir, Path taskDir,
                      RunContext run, String hostName, boolean diff) {
        this.vars = vars;
        this.role = role;
        this.playDir = playDir;
        this.taskDir = taskDir;
        this.run = run;
        this.hostName = hostName;
        this.diff = diff;
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    /**
     * Ansible's search order (path_dwim_relative_stack over the task's search path): role/SUBDIR, role, the task
     * file's directory's SUBDIR and itself (an included task file's neighbours), then the playbook's SUBDIR and
     * directory.
     */
    @Override
    public Path findLocalFile(String subdir, String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            if (Files.exists(given)) return given;
            throw new ArgsException("Could not find or access '" + name + "' on the controller");
        }
        List<Path> candidates = new ArrayList<>();
        if (role != null) {
            candidates.add(role.path().resolve(subdir).resolve(name));
            candidates.add(role.path().resolve(name));
            candidates.add(role.path().resolve("tasks").resolve(subdir).resolve(name));
        }
        if (taskDir != null && role == null && !taskDir.equals(playDir.toAbsolutePath())) {
            candidates.add(taskDir.resolve(subdir).resolve(name));
            candidates.add(taskDir.resolve(name));
        }
        candidates.add(playDir.resolve(subdir).resolve(name));
        candidates.add(playDir.resolve(name));
        for (Path p : candidates) if (Files.exists(p)) return p;
        StringBuilder searched = new StringBuilder();
        for (Path p : candidates) searched.append("\n\t").append(p);
        throw new ArgsException("Could not find or access '" + name + "'\nSearched in:" + searched
                + "\non the Ansible Controller.");
    }

    @Override
    public byte[] readLocalFile(Path file, boolean decrypt) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new ArgsException("cannot read " + file + ": " + e.getMessage());
        }
        if (!decrypt) return data;
        try {
            return run.secrets().openSecretFile(data, dev.jprov.source.SourceLocation.of(file));
        } catch (dev.jprov.source.LoadException e) {
            throw new ArgsException(e.getMessage());
        }
    }

    @Override
    public Object readVarsFile(Path file) {
        try {
            dev.jprov.source.YamlNode node = new dev.jprov.source.YamlReader(run.secrets()).read(file);
            return node == null ? null : node.toPlain();
        } catch (dev.jprov.source.LoadException e) {
            throw new ArgsException(e.getMessage());
        }
    }

    @Override
    public Optional<Path> roleDir() {
        return role == null ? Optional.empty() : Optional.of(role.path());
    }

    @Override
    public Optional<Path> taskDir() {
        return Optional.ofNullable(taskDir);
    }

    @Override
    public String renderTemplate(Path template) {
        try {
            return run.templating().renderFile(template, vars);
        } catch (TemplateError e) {
            throw new ArgsException(e.getMessage());
        }
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public boolean evaluate(String condition) {
        try {
            return run.templating().test(List.of(condition), vars, null);
        } catch (TemplateError e) {
            throw new ArgsException(e.getMessage());
        }
    }

    @Override
    public Optional<Object> expression(String expression) {
        try {
            return Optional.ofNullable(run.templating().render("{{ " + expression + " }}", vars, null));
        } catch (TemplateError e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean diff() {
        return diff;
    }

    @Override
    public int verbosity() {
        return run.options().verbosity();
    }

    @Override
    public String backupSuffix() {
        return run.backupSuffix();
    }
}
