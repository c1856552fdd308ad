package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.LoadException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role search order, meta dependencies, Ansible's per-play deduplication, and role files. */
class RolesTest {

    private static final Path SEARCH = Fixtures.dir("roles-search");
    private static final Path DEDUP = Fixtures.dir("roles-dedup");

    /** roles/ next to the playbook, then the roles path in order, the referring role's directory, the playbook dir, a path. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a | play/roles/a
            b | path1/b
            c | path2/c
            d | play/d
            e | custom/e
            """)
    void rolesAreFoundInAnsiblesOrder(String role, String expectedDir) {
        Play play = Fixtures.loader(SEARCH.resolve("path1"), SEARCH.resolve("path2"))
                .load(SEARCH.resolve("play/site.yml")).plays().get(0);
        RoleUse use = play.roles().stream().filter(r -> r.name().equals(role)).findFirst().orElseThrow();
        assertEquals(SEARCH.resolve(expectedDir), use.path());
    }

    @Test
    void dependencyIsFoundNextToTheRoleThatNamesIt() {
        Play play = Fixtures.loader(SEARCH.resolve("path1"), SEARCH.resolve("path2"))
                .load(SEARCH.resolve("play/site.yml")).plays().get(0);
        assertEquals(List.of("a", "b", "c_sibling", "c", "d", "e"), play.roles().stream().map(RoleUse::name).toList());
        RoleUse c = play.roles().get(3);
        assertEquals(List.of("c_sibling"), c.dependencies().stream().map(RoleUse::name).toList());
        assertEquals(List.of("from play/roles/a", "from path1/b", "from path2/c_sibling", "from path2/c",
                "from play/d", "from custom/e"), play.roleTasks().stream().map(TaskNode::name).toList());
    }

    @Test
    void missingRoleListsTheSearchedPathsAtTheReference() {
        LoadException e = assertThrows(LoadException.class, () -> Fixtures.loader(SEARCH.resolve("path1"))
                .load(SEARCH.resolve("play/missing.yml")));
        assertEquals(SEARCH.resolve("play/missing.yml"), e.location().file());
        assertEquals(4, e.location().line());
        assertEquals(13, e.location().column());
        assertEquals("the role 'nosuch' was not found in " + SEARCH.resolve("play/roles") + ":"
                + SEARCH.resolve("path1") + ":" + SEARCH.resolve("play"), e.problem());
    }

    /**
     * The same sequence ansible-playbook 2.14 runs for roles-dedup/site.yml: c (dependency of a), a, b (its
     * dependency c already ran), c with x=1, (plain c again: skipped), dup twice (allow_duplicates), then the
     * import_role tasks (imports allow duplicates), then full's tasks_from.
     */
    @Test
    void rolesRunOncePerPlayWithTheSameParams() {
        Play play = Fixtures.loader().load(DEDUP.resolve("site.yml")).plays().get(0);
        assertEquals(List.of("c : c task", "a : a task", "b : b task", "c : c task", "dup : dup task",
                "dup : dup task"), play.roleTasks().stream().map(TaskNode::displayName).toList());
        assertEquals(List.of("c : c task", "c : c task", "full : full setup"),
                play.tasks().stream().map(TaskNode::displayName).toList());
        RoleUse cWithParam = play.roleTasks().get(3).role();
        assertEquals(Map.of("x", 1), cWithParam.params());
        assertEquals(List.of("cx"), play.roleTasks().get(3).keywords().tags());
        assertSame(play.roleTasks().get(0).role(), play.roles().get(0));
        assertEquals(Map.of(), play.roleTasks().get(0).role().params());
    }

    @Test
    void roleFilesAndFromOptions() {
        Play play = Fixtures.loader().load(DEDUP.resolve("site.yml")).plays().get(0);
        Task setup = assertInstanceOf(Task.class, play.tasks().get(2));
        Role full = setup.role().role();
        assertEquals(DEDUP.resolve("roles/full"), full.path());
        assertEquals(DEDUP.resolve("roles/full/templates"), full.templatesDir());
        assertEquals(DEDUP.resolve("roles/full/files"), full.filesDir());
        assertEquals(Map.of("d", "alt"), full.defaults());
        assertEquals(Map.of("from_other", true), full.vars());
        assertEquals(List.of("full"), setup.keywords().tags());
        assertEquals(List.of("more handler"), play.handlers().stream().map(TaskNode::name).toList());
        assertTrue(play.handlers().get(0).role() == setup.role());
    }

    @Test
    void varsDirectoryIsMergedInNameOrder() {
        Path pb = DEDUP.resolve("site.yml");
        PlaybookLoader loader = Fixtures.loader();
        Play play = loader.load(pb).plays().get(0);
        IncludeRole inc = new IncludeRole(null, "include_role", "full", RoleFrom.MAIN, true, false,
                TaskKeywords.NONE, null, TaskKeywords.NONE, new Scope(pb, DEDUP, null, TaskKeywords.NONE),
                play.location());
        LoadedRole loaded = loader.loadRole("full", inc);
        assertEquals(Map.of("a", 1, "b", 2, "shared", "two"), loaded.use().role().vars());
        assertEquals(Map.of("d", "main"), loaded.use().role().defaults());
        assertEquals(List.of("full : full main"), loaded.tasks().stream().map(TaskNode::displayName).toList());
    }
}
