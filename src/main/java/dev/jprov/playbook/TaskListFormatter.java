package dev.jprov.playbook;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ansible-playbook's --list-hosts / --list-tasks / --list-tags output, byte for byte: a "playbook:" line, then
 * per play "  play #N (hosts): name\tTAGS: [...]", its pattern and hosts, and its tasks (the block parts of
 * blocks only, as Ansible lists them) with their sorted effective tags.
 */
public final class TaskListFormatter {

    /** What to list. */
    public record Listing(boolean hosts, boolean tasks, boolean tags) {
    }

    private final TagSelector selector;
    private final Function<Play, List<String>> hostsOf;

    /**
     * @param selector the --tags/--skip-tags selection (tasks it drops are not listed)
     * @param hostsOf  the hosts a play matches (inventory and --limit applied), in display order
     */
    public TaskListFormatter(TagSelector selector, Function<Play, List<String>> hostsOf) {
        this.selector = selector;
        this.hostsOf = hostsOf;
    }

    /** The output for one playbook; {@code shownPath} is the playbook argument as the user gave it. */
    public String format(Playbook playbook, String shownPath, Listing what) {
        StringBuilder out = new StringBuilder();
        out.append("\nplaybook: ").append(shownPath).append('\n');
        int idx = 0;
        for (Play play : playbook.plays()) {
            idx++;
            TreeSet<String> playTags = new TreeSet<>(play.keywords().tags());
            out.append("\n  play #").append(idx).append(" (").append(String.join(",", play.hosts())).append("): ")
                    .append(play.displayName()).append("\tTAGS: [").append(String.join(",", playTags)).append(']');
            if (what.hosts()) {
                List<String> hosts = hostsOf.apply(play);
                out.append("\n    pattern: ").append(pythonList(play.hosts()))
                        .append("\n    hosts (").append(hosts.size()).append("):");
                for (String h : hosts) out.append("\n      ").append(h);
            }
            out.append('\n');
            if (what.tasks() || what.tags()) {
                StringBuilder taskMsg = new StringBuilder(what.tasks() ? "    tasks:\n" : "");
                TreeSet<String> allTags = new TreeSet<>();
                listTasks(selector.filter(play.allTasks()), playTags, what.tasks(), taskMsg, allTags);
                if (what.tags()) {
                    allTags.addAll(playTags);
                    taskMsg.append("      TASK TAGS: [").append(String.join(", ", allTags)).append("]\n");
                }
                out.append(taskMsg);
                // Ansible's display() adds a newline only to text not already ending with one.
                if (taskMsg.isEmpty() || taskMsg.charAt(taskMsg.length() - 1) != '\n') out.append('\n');
            }
        }
        return out.toString();
    }

    private static void listTasks(List<TaskNode> nodes, TreeSet<String> playTags, boolean listTasks,
                                  StringBuilder out, TreeSet<String> allTags) {
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                listTasks(b.block(), playTags, listTasks, out, allTags);
                continue;
            }
            allTags.addAll(n.keywords().tags());
            if (!listTasks) continue;
            TreeSet<String> cur = new TreeSet<>(playTags);
            cur.addAll(n.keywords().tags());
            String shown = n.name() != null && !n.name().isEmpty()
                    ? (n.role() == null ? n.name() : n.role().name() + " : " + n.name())
                    : n.actionName();
            out.append("      ").append(shown).append("\tTAGS: [").append(String.join(", ", cur)).append("]\n");
        }
    }

    /** Python's repr of a list of strings, as Ansible prints the play's pattern. */
    static String pythonList(List<String> items) {
        return items.stream().map(TaskListFormatter::pythonString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String pythonString(String s) {
        boolean useDouble = s.contains("'") && !s.contains("\"");
        char q = useDouble ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == q) b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else b.append(c);
        }
        return b.append(q).toString();
    }
}
