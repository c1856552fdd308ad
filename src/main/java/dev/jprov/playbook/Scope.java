package dev.jprov.playbook;

import java.nio.file.Path;

/**
 * Where a node was loaded: its file (relative paths of includes start there), the play's base directory
 * (role search starts there), the role it belongs to, and the keywords inherited from the enclosing
 * play/role/blocks. Dynamic includes keep it so what they include at run time inherits as Ansible does.
 */
public record Scope(Path file, Path playDir, RoleUse role, TaskKeywords keywords) {

    Scope with(TaskKeywords inner) {
        return new Scope(file, playDir, role, inner.under(keywords));
    }

    Scope inFile(Path other) {
        return new Scope(other, playDir, role, keywords);
    }

}
