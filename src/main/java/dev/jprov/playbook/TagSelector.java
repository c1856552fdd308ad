package dev.jprov.playbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * --tags / --skip-tags with Ansible's semantics (Taggable.evaluate_tags): an untagged task counts as tagged
 * "untagged"; "always" runs unless skipped explicitly; "never" runs only when asked for by name; "all" and
 * "tagged" select everything (but "never") and every tagged task.
 *
 * @param only the --tags values (empty means "all")
 * @param skip the --skip-tags values
 */
public record TagSelector(Set<String> only, Set<String> skip) {

    public static final TagSelector ALL = new TagSelector(Set.of("all"), Set.of());

    public TagSelector {
        only = only.isEmpty() ? Set.of("all") : Set.copyOf(only);
        skip = Set.copyOf(skip);
    }

    /** From command-line values, each possibly a comma-separated list (-t a,b -t c). */
    public static TagSelector of(List<String> tags, List<String> skipTags) {
        return new TagSelector(split(tags), split(skipTags));
    }

    private static Set<String> split(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            for (String p : v.split(",")) if (!p.isBlank()) out.add(p.strip());
        }
        return out;
    }

    public boolean selects(Collection<String> taskTags) {
        Set<String> tags = taskTags.isEmpty() ? Set.of("untagged") : Set.copyOf(taskTags);
        boolean untagged = taskTags.isEmpty();
        boolean run = true;
        if (!only.isEmpty()) {
            run = tags.contains("always")
                    || (only.contains("all") && !tags.contains("never"))
                    || intersects(tags, only)
                    || (only.contains("tagged") && !untagged && !tags.contains("never"));
        }
        if (run && !skip.isEmpty()) {
            if (skip.contains("all")) {
                if (!tags.contains("always") || skip.contains("always")) run = false;
            } else if (intersects(tags, skip)) {
                run = false;
            } else if (skip.contains("tagged") && !untagged) {
                run = false;
            }
        }
        return run;
    }

    /**
     * The nodes this selection keeps, as Ansible's Block.filter_tagged_tasks: blocks are filtered inside and
     * dropped when nothing is left; every other node is kept by its effective tags.
     */
    public List<TaskNode> filter(List<TaskNode> nodes) {
        List<TaskNode> out = new ArrayList<>();
        for (TaskNode n : nodes) {
            if (n instanceof Block b) {
                Block kept = new Block(b.name(), filter(b.block()), filter(b.rescue()), filter(b.always()),
                        b.keywords(), b.role(), b.location());
                if (!kept.isEmpty()) out.add(kept);
            } else if (selects(n.keywords().tags())) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }
}
