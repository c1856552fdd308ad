package dev.jprov.playbook;

import static dev.jprov.playbook.TaskLoadingTest.exprs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import_playbook (relative to the importing file; its vars, tags and when reach the imported plays) and role references. */
class ImportPlaybookTest {

    @TempDir
    Path dir;

    @Test
    void importedPlaysGetTheImportsVarsTagsAndWhen() throws IOException {
        Files.createDirectories(dir.resolve("sub/roles/r/tasks"));
        Files.writeString(dir.resolve("site.yml"), """
                - hosts: first
                  tasks: [{debug: }]
                - import_playbook: sub/inner.yml
                  vars: {v: import, w: import}
                  tags: [imp]
                  when: go
                """);
        Files.writeString(dir.resolve("sub/inner.yml"), """
                - hosts: second
                  vars: {v: play, own: 1}
                  tags: own
                  roles: [r]
                  tasks:
                    - name: t
                      debug:
                      when: local
                """);
        Files.writeString(dir.resolve("sub/roles/r/tasks/main.yml"), "- name: rt\n  debug:\n");
        Playbook pb = Fixtures.loader().load(dir.resolve("site.yml"));
        assertEquals(2, pb.plays().size());
        Play second = pb.plays().get(1);
        assertEquals(dir.resolve("sub"), second.baseDir());
        assertEquals(Map.of("v", "import", "own", 1, "w", "import"), second.vars());
        assertEquals(List.of("imp", "own"), second.keywords().tags());
        Task t = (Task) second.tasks().get(0);
        assertEquals("[go, local]", exprs(t.keywords().when()));
        assertEquals(List.of("imp", "own"), t.keywords().tags());
        // roles/ is searched next to the imported playbook
        assertEquals("r : rt", second.roleTasks().get(0).displayName());
        assertEquals("[go]", exprs(second.roleTasks().get(0).keywords().when()));
    }

    @Test
    void roleReferenceKeywordsReachTheRolesTasks() throws IOException {
        Files.createDirectories(dir.resolve("roles/r/tasks"));
        Files.writeString(dir.resolve("roles/r/tasks/main.yml"), "- name: rt\n  debug:\n  when: inner\n");
        Files.writeString(dir.resolve("site.yml"), """
                - hosts: all
                  roles:
                    - role: r
                      when: outer
                      become: true
                      vars: {rv: 1}
                      http_port: 8080
                """);
        Play play = Fixtures.loader().load(dir.resolve("site.yml")).plays().get(0);
        Task t = (Task) play.roleTasks().get(0);
        assertEquals("[outer, inner]", exprs(t.keywords().when()));
        assertEquals(Flag.TRUE, t.keywords().become());
        assertEquals(Map.of(), t.keywords().vars());
        assertEquals(Map.of("rv", 1), t.role().vars());
        assertEquals(Map.of("http_port", 8080), t.role().params());
        assertEquals(dir.resolve("roles/r"), t.role().path());
    }
}
