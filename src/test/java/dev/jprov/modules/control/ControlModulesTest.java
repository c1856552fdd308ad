package dev.jprov.modules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Facts;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Module;
import dev.jprov.modules.registry.ModuleRegistry;
import dev.jprov.modules.Planned;
import dev.jprov.modules.TestModuleContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** debug, set_fact, assert and fail: decided without the host; results as Ansible registers them. */
class ControlModulesTest {

    private static final TestModuleContext CONTEXT = new TestModuleContext(Path.of("/"), false, 1,
            new LinkedHashMap<>(Map.of("x", 5)), c -> c.equals("x == 5") || c.equals("True"));

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(new DebugModule(), Map.of(), Planned.Outcome.OK, debug(Map.of("msg", "Hello world!"))),
                Arguments.of(new DebugModule(), Map.of("msg", "hi"), Planned.Outcome.OK, debug(Map.of("msg", "hi"))),
                Arguments.of(new DebugModule(), Map.of("var", "x"), Planned.Outcome.OK, debug(Map.of("x", 5))),
                Arguments.of(new DebugModule(), Map.of("var", "nope"), Planned.Outcome.OK, debug(Map.of("nope", "VARIABLE IS NOT DEFINED!"))),
                Arguments.of(new DebugModule(), Map.of("msg", "hi", "verbosity", 2), Planned.Outcome.SKIPPED, Map.of("skipped_reason", "Verbosity threshold not met.")),
                Arguments.of(new SetFactModule(), Map.of("a", 1, "b", List.of("c")), Planned.Outcome.OK,
                        Map.of("ansible_facts", Map.of("a", 1, "b", List.of("c")), "_ansible_facts_cacheable", false)),
                // assert's result is always shown (Ansible's assert action sets _ansible_verbose_always) unless quiet
                Arguments.of(new AssertModule(), Map.of("that", List.of("x == 5", true)), Planned.Outcome.OK,
                        Map.of("msg", "All assertions passed", "_ansible_verbose_always", true)),
                Arguments.of(new AssertModule(), Map.of("that", "x == 5", "quiet", true), Planned.Outcome.OK,
                        Map.of("msg", "All assertions passed")),
                Arguments.of(new AssertModule(), Map.of("that", "x == 6", "fail_msg", "x is off"), Planned.Outcome.FAILED,
                        Map.of("assertion", "x == 6", "evaluated_to", false, "msg", "x is off",
                                "_ansible_verbose_always", true)),
                Arguments.of(new AssertModule(), Map.of("that", "x == 6", "quiet", true), Planned.Outcome.FAILED,
                        Map.of("assertion", "x == 6", "evaluated_to", false, "msg", "Assertion failed")),
                // cacheable: the facts are host facts too (the fact cache), not only set_fact's
                Arguments.of(new SetFactModule(), Map.of("a", 1, "cacheable", true), Planned.Outcome.OK,
                        Map.of("ansible_facts", Map.of("a", 1), "_ansible_facts_cacheable", true)),
                Arguments.of(new FailModule(), Map.of(), Planned.Outcome.FAILED, Map.of("msg", "Failed as requested from task")),
                Arguments.of(new FailModule(), Map.of("msg", "stop"), Planned.Outcome.FAILED, Map.of("msg", "stop")));
    }

    /** A debug result: always shown, and cut down to msg or the var by the console. */
    private static Map<String, Object> debug(Map<String, Object> shown) {
        Map<String, Object> r = new LinkedHashMap<>(shown);
        r.put("_ansible_verbose_always", true);
        r.put("_ansible_debug_view", true);
        return r;
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decidesLocally(Module module, Map<String, Object> args, Planned.Outcome outcome, Map<String, Object> result) {
        var invocation = module.prepare(new Args(module.names().get(0), args), CONTEXT);
        assertEquals(List.of(), invocation.probes());
        Planned p = invocation.plan(new Facts(Map.of()));
        assertEquals(outcome, p.outcome());
        assertEquals(result, p.result());
        assertEquals(List.of(), p.changes());
    }

    @Test
    void registryKnowsShortAndQualifiedNames() {
        ModuleRegistry r = ModuleRegistry.builtin();
        for (String name : List.of("command", "shell", "raw", "file", "copy", "template", "lineinfile", "blockinfile",
                "stat", "debug", "set_fact", "assert", "fail")) {
            assertEquals(r.get(name), r.get("ansible.builtin." + name));
        }
        ArgsException e = assertThrows(ArgsException.class, () -> r.get("ansible.builtin.frobnicate"));
        assertTrue(e.getMessage().startsWith("couldn't resolve module/action 'ansible.builtin.frobnicate'"));
    }
}
