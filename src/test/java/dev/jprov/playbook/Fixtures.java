package dev.jprov.playbook;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Test fixtures: the module names the loader accepts, and the fixture directory. */
final class Fixtures {
    static final Set<String> MODULES = Set.of("command", "shell", "raw", "script", "copy", "file", "debug",
            "template", "set_fact", "lineinfile", "blockinfile", "stat", "assert", "fail", "include_vars", "sysrc",
            "ansible.builtin.copy");

    static final Predicate<String> IS_MODULE = MODULES::contains;

    private Fixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/playbook/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PlaybookLoader loader(Path... rolesPath) {
        return new PlaybookLoader(IS_MODULE, List.of(rolesPath));
    }
}
