package dev.jprov.engine;

import dev.jprov.playbook.Task;
import java.nio.file.Path;

/** What the module calls of a host's tasks may see of the controller: each call's vars, its role's and play's files. */
record ModuleContexts(RunContext run, TaskRunner runner, Path playDir, String host) {

    TaskModuleContext.Factory of(Task task) {
        Path taskDir = task.location() == null || task.location().file() == null ? null
                : task.location().file().toAbsolutePath().getParent();
        return v -> new TaskModuleContext(v, task.role(), playDir, taskDir, run, host,
                runner.isTrue(task.keywords().diff(), v, run.options().diff(), task.location()));
    }
}
