package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.playbook.Play;
import dev.jprov.playbook.Task;
import dev.jprov.playbook.TaskNode;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which handlers the notified names call, and the flushes that run them. */
class HandlersTest {
    private static final SourceLocation HERE = new SourceLocation(Path.of("site.yaml"), 7, 5);
    private static final String PLAY = """
            - hosts: all
              tasks: []
              handlers:
                - {name: restart, command: "true"}
                - {name: reload, command: "true", listen: web}
                - {name: logs, command: "true", listen: [web, logs]}
                - {name: notifies restart, command: "true", notify: restart}
                - {name: restart, command: "false"}
                - {name: twice, command: "true", listen: twice}
            """;

    static Stream<Arguments> table() {
        return Stream.of(
                // names notified -> handlers that run, in the order they are listed
                Arguments.of(Set.of(), List.of()),
                Arguments.of(Set.of("nobody"), List.of()),
                Arguments.of(Set.of("restart"), List.of("restart")),
                Arguments.of(Set.of("web"), List.of("reload", "logs")),
                Arguments.of(Set.of("logs", "restart"), List.of("restart", "logs")),
                Arguments.of(Set.of("reload", "web"), List.of("reload", "logs")),
                // of two handlers with one name, the first runs (ansible-core 2.14's handlers target, listen.yml)
                Arguments.of(Set.of("restart"), List.of("restart")),
                // a name and a topic alike: the handler of that name and every listener
                Arguments.of(Set.of("twice"), List.of("twice")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void namesCallHandlersByNameOrTopic(Set<String> notified, List<String> expected, @TempDir Path dir) {
        List<TaskNode> handlers = PlayFixture.load(dir, PLAY).handlers();
        List<TaskNode> hit = Handlers.matching(handlers, notified);
        assertEquals(expected, names(hit));
        if (notified.equals(Set.of("restart"))) assertEquals("true", ((Task) hit.get(0)).action().args().get("_raw_params"));
    }

    @Test
    void aFlushWithNothingNotifiedRunsNothing(@TempDir Path dir) {
        Handlers handlers = handlers(dir);
        List<String> ran = new ArrayList<>();
        handlers.flush(h -> ran.add(h.name()));
        assertEquals(List.of(), ran);
        assertEquals(0, handlers.round());
    }

    @Test
    void aFlushRunsEachNotifiedHandlerOnceAndThoseTheyNotifyInANextRound(@TempDir Path dir) {
        Handlers handlers = handlers(dir);
        handlers.notify("notifies restart", HERE);
        handlers.notify("notifies restart", HERE);
        List<String> ran = new ArrayList<>();
        handlers.flush(h -> {
            ran.add(h.name() + "@" + handlers.round());
            if (h.name().equals("notifies restart")) handlers.notify("restart", HERE); // as its changed outcome would
        });
        assertEquals(List.of("notifies restart@1", "restart@2"), ran);
        handlers.flush(h -> ran.add(h.name()));
        assertEquals(2, ran.size(), "a flush forgets what it ran");
    }

    @Test
    void aNameNoHandlerHasIsAnError(@TempDir Path dir) {
        Handlers handlers = handlers(dir);
        // found when the task notifies it (Ansible exits 1 there), not a load error, and named after the task
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handlers.notify("nobody",
                HERE));
        assertTrue(e.getMessage().startsWith(HERE + ": The requested handler 'nobody' was not found"), e.getMessage());
    }

    @Test
    void aRoleIncludedAgainBringsItsHandlersOnce(@TempDir Path dir) {
        Play play = PlayFixture.load(dir, PLAY);
        Handlers handlers = new Handlers(List.of());
        handlers.add(play.handlers());
        handlers.add(play.handlers());
        handlers.notify("web", HERE);
        List<String> ran = new ArrayList<>();
        handlers.flush(h -> ran.add(h.name()));
        assertEquals(List.of("reload", "logs"), ran);
    }

    private static Handlers handlers(Path dir) {
        Play play = PlayFixture.load(dir, PLAY);
        return new Handlers(play.handlers());
    }

    private static List<String> names(List<TaskNode> tasks) {
        return tasks.stream().map(TaskNode::name).toList();
    }
}
