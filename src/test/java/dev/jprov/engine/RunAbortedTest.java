package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What stopped a run, as ansible-playbook's CLI tells it apart, and where: the task at hand unless it says. */
class RunAbortedTest {
    static final SourceLocation TASK = new SourceLocation(Path.of("/p/site.yaml"), 7, 5);
    static final SourceLocation OTHER = new SourceLocation(Path.of("/p/broken.yml"), 2, 1);

    static Stream<Arguments> cases() {
        return Stream.of(
                // a file that does not parse names its own place (the task inside the included file)
                Arguments.of(new LoadException(OTHER, "YAML syntax error"), RunAborted.Kind.PARSE,
                        "/p/broken.yml:2:1: YAML syntax error"),
                // a template error that names the task already is left as it is
                Arguments.of(new TemplateError("/p/site.yaml:7:5: 'x' is undefined", null), RunAborted.Kind.ERROR,
                        "/p/site.yaml:7:5: 'x' is undefined"),
                // one without a place gets the task's
                Arguments.of(new TemplateError("'x' is undefined", null), RunAborted.Kind.ERROR,
                        "/p/site.yaml:7:5: 'x' is undefined"),
                Arguments.of(new IllegalArgumentException("host 'x' is not in the inventory"), RunAborted.Kind.ERROR,
                        "/p/site.yaml:7:5: host 'x' is not in the inventory"),
                // a bug: its type is part of the message
                Arguments.of(new IllegalStateException("the changes have not been made yet"),
                        RunAborted.Kind.UNEXPECTED,
                        "/p/site.yaml:7:5: IllegalStateException: the changes have not been made yet"),
                Arguments.of(new NullPointerException(), RunAborted.Kind.UNEXPECTED,
                        "/p/site.yaml:7:5: NullPointerException: NullPointerException"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void kindAndPlace(RuntimeException e, RunAborted.Kind kind, String message) {
        RunAborted a = RunAborted.of(e, TASK);
        assertEquals(kind, a.kind());
        assertEquals(message, a.getMessage());
        assertSame(e, a.getCause());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anAbortIsKeptAsItIsByTheNodesAroundIt(RuntimeException e, RunAborted.Kind kind, String message) {
        RunAborted inner = RunAborted.of(e, TASK);
        RunAborted outer = RunAborted.of(inner, new SourceLocation(Path.of("/p/site.yaml"), 3, 3));
        assertSame(inner, outer);
    }
}
