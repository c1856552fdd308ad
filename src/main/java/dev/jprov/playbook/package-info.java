/**
 * Ansible playbooks and roles, loaded into an immutable model.
 *
 * <p>{@link dev.jprov.playbook.PlaybookLoader#load} gives a {@link dev.jprov.playbook.Playbook}: plays with
 * import_playbook, import_tasks, import_role, role dependencies and role deduplication already expanded, and
 * every task's inherited keywords (play, role reference, blocks, imports) folded into its effective
 * {@link dev.jprov.playbook.TaskKeywords}. Dynamic includes stay as {@link dev.jprov.playbook.IncludeTasks} /
 * {@link dev.jprov.playbook.IncludeRole} nodes that the executor expands per host with
 * {@link dev.jprov.playbook.PlaybookLoader#loadTaskFile} and {@link dev.jprov.playbook.PlaybookLoader#loadRole}.
 * Values are kept unrendered (templates are the executor's); free-form and key=value arguments are parsed
 * exactly as Ansible's parse_kv does ({@link dev.jprov.playbook.KeyValueArgs}).
 *
 * <p>{@link dev.jprov.playbook.TagSelector} implements --tags/--skip-tags and
 * {@link dev.jprov.playbook.TaskListFormatter} prints --list-tasks/--list-hosts/--list-tags as ansible-playbook.
 */
package dev.jprov.playbook;
