package dev.jprov.engine;

import dev.jprov.playbook.IncludeRole;
import dev.jprov.playbook.IncludeTasks;
import dev.jprov.playbook.LoadedRole;
import dev.jprov.playbook.TaskNode;
import java.util.List;

/** Loads what dynamic includes name, at run time (implemented over the playbook loader). */
public interface Includes {
    List<TaskNode> tasks(IncludeTasks include, String file);

    LoadedRole role(IncludeRole include, String name);
}
