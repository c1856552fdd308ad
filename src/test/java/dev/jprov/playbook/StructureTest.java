package dev.jprov.playbook;

import static dev.jprov.playbook.TaskLoadingTest.exprs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Blocks, static imports and dynamic includes (structure/site.yml): what each task ends up with after
 * inheritance, as Ansible computes it (when and tags accumulate outermost first, vars merge, keywords override).
 */
class StructureTest {

    private static Path dir;
    private static PlaybookLoader loader;
    private static Play play;

    @BeforeAll
    static void load() {
        dir = Fixtures.dir("structure");
        loader = Fixtures.loader();
        play = loader.load(dir.resolve("site.yml")).plays().get(0);
    }

    private static Block outer() {
        return assertInstanceOf(Block.class, play.tasks().get(0));
    }

    static Stream<Arguments> inherited() {
        return Stream.of(
                // name, when, tags, vars, become, become_user, ignore_errors
                Arguments.of("in block", "[block_cond, inner_cond]", "[p, b, t]", "{v=task, w=block}",
                        "Literal[value=true]", "admin", "Literal[value=true]"),
                Arguments.of("nested", "[block_cond, nested_cond]", "[p, b, nb]", "{v=block, w=block}",
                        "Literal[value=false]", "admin", "Literal[value=true]"),
                Arguments.of("in rescue", "[block_cond]", "[p, b]", "{v=block, w=block}", "Literal[value=true]",
                        "admin", "Literal[value=true]"),
                Arguments.of("in always", "[block_cond]", "[p, b]", "{v=block, w=block}", "Literal[value=true]",
                        "admin", "Literal[value=true]"),
                Arguments.of("common one", "[import_cond, own_cond]", "[p, imp]", "{from_import=true}",
                        "Literal[value=true]", null, null),
                Arguments.of("nested import", "[import_cond]", "[p, imp]", "{from_import=true}",
                        "Literal[value=true]", null, null),
                // the no-op case: a task with nothing of its own inherits only the play's keywords
                Arguments.of("notifies", "[]", "[p]", "{}", "Literal[value=true]", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inherited")
    void tasksInheritFromBlocksAndImports(String name, String when, String tags, String vars, String become,
                                          String becomeUser, String ignoreErrors) {
        Task t = find(play.tasks(), name);
        TaskKeywords k = t.keywords();
        assertEquals(when, exprs(k.when()));
        assertEquals(tags, k.tags().toString());
        assertEquals(vars, k.vars().toString());
        assertEquals(become, String.valueOf(k.become()));
        assertEquals(becomeUser, k.becomeUser());
        assertEquals(ignoreErrors, k.ignoreErrors() == null ? null : k.ignoreErrors().toString());
    }

    @Test
    void blockKeepsItsSections() {
        Block b = outer();
        assertEquals("outer block", b.name());
        assertEquals(List.of("in block", "block"), b.block().stream().map(n -> n.name() == null ? "block" : n.name()).toList());
        assertEquals("in rescue", b.rescue().get(0).name());
        assertEquals("in always", b.always().get(0).name());
        assertEquals("[block_cond]", exprs(b.keywords().when()));
        assertEquals(7, b.location().line());
    }

    @Test
    void importsAreExpandedInPlace() {
        List<String> names = play.tasks().stream().map(n -> n.name() == null ? n.actionName() : n.name()).toList();
        assertEquals(List.of("outer block", "common one", "nested import", "include_tasks", "include_role",
                "notifies"), names);
        Task nested = find(play.tasks(), "nested import");
        assertEquals(dir.resolve("tasks/nested.yml"), nested.location().file());
        assertEquals(1, nested.location().line());
    }

    @Test
    void includeTasksIsADynamicNodeLoadedAtRunTime() {
        IncludeTasks inc = assertInstanceOf(IncludeTasks.class, play.tasks().get(3));
        assertEquals("tasks/{{ os }}.yml", inc.file());
        assertEquals("[include_cond]", exprs(inc.keywords().when()));
        assertEquals("[p, inc]", inc.keywords().tags().toString());
        assertEquals("loop", inc.loop().keyword());
        assertEquals("[applied]", inc.apply().tags().toString());

        List<TaskNode> loaded = loader.loadTaskFile(Path.of("tasks/linux.yml"), inc);
        Task t = assertInstanceOf(Task.class, loaded.get(0));
        assertEquals("included linux", t.name());
        // The include's own when and tags stay on the include; its vars and apply reach the included tasks.
        assertEquals("[]", exprs(t.keywords().when()));
        assertEquals("[p, applied, lt]", t.keywords().tags().toString());
        assertEquals(Map.of("inc_var", 1), t.keywords().vars());
        assertEquals("applied_user", t.keywords().becomeUser());
        assertEquals(dir.resolve("tasks/linux.yml"), t.location().file());
    }

    @Test
    void includeRoleIsADynamicNodeLoadedAtRunTime() {
        IncludeRole inc = assertInstanceOf(IncludeRole.class, play.tasks().get(4));
        assertEquals("r", inc.roleName());
        assertEquals("extra", inc.from().tasks());
        assertEquals(true, inc.isPublic());
        assertEquals(true, inc.allowDuplicates());
        assertEquals("include_role : r", inc.displayName());

        LoadedRole loaded = loader.loadRole("r", inc);
        assertEquals("r", loaded.use().name());
        assertEquals(dir.resolve("roles/r"), loaded.use().path());
        Task t = assertInstanceOf(Task.class, loaded.tasks().get(0));
        assertEquals("r : extra task", t.displayName());
        assertEquals(loaded.use(), t.role());
        assertEquals(List.of("role handler"), loaded.handlers().stream().map(TaskNode::name).toList());
    }

    @Test
    void handlersByNameAndListen() {
        List<Task> handlers = play.handlers().stream().map(Task.class::cast).toList();
        assertEquals(List.of("h1", "h2", "h3"), handlers.stream().map(Task::name).toList());
        assertEquals(List.of(), handlers.get(0).listen());
        assertEquals(List.of("topic"), handlers.get(1).listen());
        assertEquals(List.of("topic", "other"), handlers.get(2).listen());
        assertEquals(List.of("h1", "topic"), find(play.tasks(), "notifies").keywords().notifies());
    }

    @Test
    void playKeywords() {
        assertEquals(Map.of("play_var", 1), play.vars());
        assertEquals("all", play.displayName());
        assertEquals(dir, play.baseDir());
        assertEquals("linear", play.strategy());
        assertNull(play.gatherFacts());
    }

    static Task find(List<TaskNode> nodes, String name) {
        for (TaskNode n : nodes) {
            if (n instanceof Task t && name.equals(t.name())) return t;
            if (n instanceof Block b) {
                for (List<TaskNode> part : List.of(b.block(), b.rescue(), b.always())) {
                    Task found = findOrNull(part, name);
                    if (found != null) return found;
                }
            }
        }
        throw new AssertionError("no task named " + name);
    }

    private static Task findOrNull(List<TaskNode> nodes, String name) {
        try {
            return find(nodes, name);
        } catch (AssertionError e) {
            return null;
        }
    }
}
