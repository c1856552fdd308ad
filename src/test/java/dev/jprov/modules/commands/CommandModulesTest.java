package dev.jprov.modules.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Module;
import dev.jprov.modules.TestModuleContext;
import dev.jprov.plan.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** command, shell and raw run for real through {@link ModuleHost}: planned action and the registered result. */
class CommandModulesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> rows() {
        Map<String, Object> none = Map.of();
        return Stream.of(
                // module, args, action, rc, stdout, failed
                Arguments.of(CommandModule.command(), Map.of("_raw_params", "echo 'a  b' \"c d\""), Action.RUN, 0, "a  b c d", false),
                Arguments.of(CommandModule.command(), Map.of("argv", List.of("printf", "%s\\n", "x;y", "$(z)")), Action.RUN, 0, "x;y\n$(z)", false),
                Arguments.of(CommandModule.command(), Map.of("cmd", "pwd", "chdir", "{d}"), Action.RUN, 0, "{d}", false),
                Arguments.of(CommandModule.command(), Map.of("cmd", "cat", "stdin", "in put"), Action.RUN, 0, "in put", false),
                Arguments.of(CommandModule.command(), Map.of("cmd", "false"), Action.RUN, 1, "", true),
                Arguments.of(CommandModule.command(), Map.of("cmd", "touch {d}/made", "creates", "{d}/ma*"), Action.NONE, 0, "skipped, since {d}/ma* exists", false),
                Arguments.of(CommandModule.command(), Map.of("cmd", "true", "removes", "{d}/nothing"), Action.NONE, 0, "skipped, since {d}/nothing does not exist", false),
                Arguments.of(CommandModule.command(), Map.of("cmd", "echo ran", "removes", "{d}/made"), Action.RUN, 0, "ran", false),
                Arguments.of(CommandModule.shell(), Map.of("_raw_params", "echo one; echo two >&2; exit 3"), Action.RUN, 3, "one", true),
                Arguments.of(CommandModule.shell(), Map.of("_raw_params", "echo $0", "executable", "/bin/bash"), Action.RUN, 0, "/bin/bash", false),
                Arguments.of(new RawModule(), Map.of("_raw_params", "printf 'x\\n\\n'"), Action.RUN, 0, "x\n\n", false));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void runsLikeAnsible(Module module, Map<String, Object> given, Action action, int rc, String stdout,
                         boolean failed) throws IOException {
        Files.writeString(dir.resolve("made"), "");
        Map<String, Object> args = new LinkedHashMap<>();
        given.forEach((k, v) -> args.put(k, v instanceof String s ? s.replace("{d}", dir.toString()) : v));
        ModuleHost.Applied run = ModuleHost.local().apply(module.prepare(new Args(module.names().get(0), args),
                TestModuleContext.simple(dir)));
        assertEquals(action, run.planned().changes().get(0).action());
        assertEquals(action != Action.NONE, run.changed());
        assertEquals(rc, run.result().get("rc"), () -> "result " + run.result());
        assertEquals(stdout.replace("{d}", dir.toString()), run.result().get("stdout"));
        assertEquals(failed, run.failed());
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadArguments(Module module, Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class,
                () -> module.prepare(new Args(module.names().get(0), args), TestModuleContext.simple(Path.of("/"))));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(CommandModule.command(), Map.of(), "no command given"),
                Arguments.of(CommandModule.command(), Map.of("cmd", "a", "argv", List.of("b")), "only command or argv"),
                Arguments.of(CommandModule.command(), Map.of("cmd", "a", "frob", 1), "Unsupported parameters for (command) module: frob"),
                Arguments.of(CommandModule.command(), Map.of("cmd", "echo 'open"), "No closing quotation"));
    }

    @org.junit.jupiter.api.Test
    void planBeforeApplyHasNoRcOrStdout() {
        var planned = ModuleHost.local().plan(CommandModule.command().prepare(new Args("command", Map.of("cmd", "echo hi")),
                TestModuleContext.simple(dir)));
        assertFalse(planned.result().containsKey("rc"));
        assertEquals(List.of("echo", "hi"), planned.result().get("cmd"));
    }
}
