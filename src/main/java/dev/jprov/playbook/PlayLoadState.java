package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What loading one play accumulates: the role uses seen so far (Ansible's per-play ROLE_CACHE, which is what
 * deduplicates roles), the handlers of those roles, and the files and roles being loaded (to stop cycles).
 */
final class PlayLoadState {

    /** Ansible's role cache key: the role and everything given with it. */
    record RoleKey(Path path, Map<String, Object> params, List<Condition> when, List<String> tags,
                   Map<String, Object> vars, RoleFrom from, boolean fromInclude) {
        RoleKey {
            // Conditions compare by text only: the same role named twice in different places is the same use.
            when = when.stream().map(c -> new Condition(c.expression(), null)).toList();
        }
    }

    private static final int MAX_DEPTH = 64;

    final Map<RoleKey, RoleUse> cache = new HashMap<>();
    /** The play's vars, for what is templated while loading (an import_role's name); empty for run-time loads. */
    final Map<String, Object> playVars;
    final List<RoleUse> uses = new ArrayList<>();
    final List<TaskNode> roleHandlers = new ArrayList<>();
    private final Deque<Path> loading = new ArrayDeque<>();
    private final Deque<Path> roles = new ArrayDeque<>();

    PlayLoadState() {
        this(Map.of());
    }

    PlayLoadState(Map<String, Object> playVars) {
        this.playVars = playVars;
    }

    void enter(Path file, SourceLocation at, String what) {
        if (loading.contains(file) || loading.size() > MAX_DEPTH) {
            throw new LoadException(at, what + " " + file + " is already being loaded: it includes itself"
                    + " (through " + loading.peekFirst() + ")");
        }
        loading.push(file);
    }

    void leave() {
        loading.pop();
    }

    void enterRole(Path rolePath, SourceLocation at) {
        if (roles.contains(rolePath) || roles.size() > MAX_DEPTH) {
            throw new LoadException(at, "A recursion loop was detected with the roles specified. Make sure child"
                    + " roles do not have dependencies on parent roles (role " + rolePath + ")");
        }
        roles.push(rolePath);
    }

    void leaveRole() {
        roles.pop();
    }

    void recordUse(RoleUse use, List<TaskNode> handlers) {
        for (RoleUse u : uses) if (u == use) return;
        uses.add(use);
        roleHandlers.addAll(handlers);
    }
}
