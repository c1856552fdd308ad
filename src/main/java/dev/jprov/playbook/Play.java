package dev.jprov.playbook;

import dev.jprov.source.FrozenValues;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A play, ready to run: roles expanded (meta dependencies first, duplicates dropped as Ansible drops them) into
 * {@code roleTasks}, static imports expanded, play-level keywords folded into every task's effective keywords.
 * Ansible's order is pre_tasks, handlers flush, role tasks, tasks, flush, post_tasks, flush.
 *
 * @param hosts      the hosts: patterns as written (each may contain commas or templates)
 * @param baseDir    the directory of the playbook file the play is in (playbook_dir, relative paths)
 * @param vars       play vars (with import_playbook vars merged over them)
 * @param roles      every role use of the play in execution order, including dependencies and import_role
 * @param handlers   role handlers first (in role order), then the play's (tasks, or include_tasks)
 * @param keywords   the play-level keywords (already part of each task's keywords)
 * @param serial     batch sizes: Integer, or String ("30%" or a template); empty = all hosts at once
 * @param maxFailPercentage a Number, or template text; null when unset
 */
public record Play(
        String name,
        List<String> hosts,
        SourceLocation location,
        Path file,
        Path baseDir,
        Map<String, Object> vars,
        List<VarsFile> varsFiles,
        List<RoleUse> roles,
        List<TaskNode> preTasks,
        List<TaskNode> roleTasks,
        List<TaskNode> tasks,
        List<TaskNode> postTasks,
        List<TaskNode> handlers,
        TaskKeywords keywords,
        Flag gatherFacts,
        List<Object> serial,
        Object maxFailPercentage,
        String strategy,
        Flag forceHandlers) {

    public Play {
        hosts = List.copyOf(hosts);
        vars = FrozenValues.map(vars);
        varsFiles = List.copyOf(varsFiles);
        roles = List.copyOf(roles);
        preTasks = List.copyOf(preTasks);
        roleTasks = List.copyOf(roleTasks);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
        serial = FrozenValues.list(serial);
    }

    /** The play's name, or its hosts joined with commas as Ansible shows an unnamed play. */
    public String displayName() {
        return name != null && !name.isEmpty() ? name : String.join(",", hosts);
    }

    /** pre_tasks, role tasks, tasks and post_tasks in the order they run. */
    public List<TaskNode> allTasks() {
        List<TaskNode> all = new ArrayList<>(preTasks);
        all.addAll(roleTasks);
        all.addAll(tasks);
        all.addAll(postTasks);
        return all;
    }
}
