package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reference to a role as written in {@code roles:} or a meta dependency: its name, the keywords given with it
 * (when, tags, become, ...), its vars, and its role params (every other key, as Ansible's _split_role_params).
 */
record RoleRef(String name, TaskKeywords keywords, Map<String, Object> vars, Map<String, Object> params,
               SourceLocation location) {

    /** Role definition keys that are not params (RoleInclude's attributes). */
    private static final Set<String> DEFINITION_KEYS;

    static {
        Set<String> keys = new HashSet<>(TaskKeywordsReader.KEYS);
        keys.addAll(List.of("role", "name", "collections"));
        keys.remove("notify");
        DEFINITION_KEYS = Set.copyOf(keys);
    }

    static RoleRef parse(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && (s.value() instanceof String || s.value() instanceof Number)) {
            String name = s.value().toString();
            if (name.isBlank()) throw new LoadException(node.location(), "role definitions must contain a role name");
            return new RoleRef(name, TaskKeywords.NONE, Map.of(), Map.of(), node.location());
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new LoadException(node.location(),
                    "a role must be given as a name or a mapping with 'role:', got " + KeywordValues.describe(node));
        }
        YamlNode nameNode = m.get("role") != null ? m.get("role") : m.get("name");
        if (nameNode == null || !(nameNode instanceof YamlNode.Scalar s) || s.value() == null
                || s.value().toString().isBlank()) {
            throw new LoadException(m.location(), "role definitions must contain a role name");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            TaskKeywordsReader.rejectUnsupported(m, e.getKey());
            if (!DEFINITION_KEYS.contains(e.getKey())) params.put(e.getKey(), e.getValue().toPlain());
        }
        TaskKeywords all = TaskKeywordsReader.read(m, "Role");
        TaskKeywords keywords = new TaskKeywords(all.when(), all.tags(), Map.of(), all.environment(), List.of(),
                all.become(), all.becomeMethod(), all.becomeUser(), all.remoteUser(), all.ignoreErrors(),
                all.ignoreUnreachable(), all.checkMode(), all.diff(), all.noLog(), all.runOnce(),
                all.anyErrorsFatal(), all.delegateTo(), all.delegateFacts(), all.throttle());
        return new RoleRef(s.value().toString(), keywords, all.vars(), params, nameNode.location());
    }
}
