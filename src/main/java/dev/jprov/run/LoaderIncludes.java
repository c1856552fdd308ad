package dev.jprov.run;

import dev.jprov.engine.Includes;
import dev.jprov.playbook.IncludeRole;
import dev.jprov.playbook.IncludeTasks;
import dev.jprov.playbook.LoadedRole;
import dev.jprov.playbook.PlaybookLoader;
import dev.jprov.playbook.TaskNode;
import java.nio.file.Path;
import java.util.List;

/** Dynamic includes, loaded at run time by the playbook loader. */
final class LoaderIncludes implements Includes {
    private final PlaybookLoader loader;

    LoaderIncludes(PlaybookLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<TaskNode> tasks(IncludeTasks include, String file) {
        return loader.loadTaskFile(Path.of(file), include);
    }

    @Override
    public LoadedRole role(IncludeRole include, String name) {
        return loader.loadRole(name, include);
    }
}
