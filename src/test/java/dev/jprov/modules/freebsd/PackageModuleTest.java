package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.SystemFacts;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.modules.TestModuleContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ansible.builtin.package as its action plugin (lib/ansible/plugins/action/package.py) runs it on FreeBSD: the
 * pkgng module with the same arguments, chosen by {@code use} or the {@code pkg_mgr} fact; the plans and results
 * are pkgng's for the same answers.
 */
class PackageModuleTest {
    private static final FileFacts REAL = new FileFacts(PkgModule.REAL_PKG, FileFacts.Type.FILE, "0755", 0, 0,
            "root", "wheel", 1, 1, Optional.empty(), Optional.empty());
    private static final String INSTALLED = "@installed\npkg 2.1.2\nnginx 1.26.2,3\n@rc=0\n";
    private static final String FREEBSD = "system=FreeBSD\nkernel=14.3-RELEASE\n";

    private static TestModuleContext withFacts(Map<String, Object> vars) {
        return new TestModuleContext(Path.of("src/test/resources/freebsd"), false, 0, new LinkedHashMap<>(vars),
                c -> false);
    }

    private static Planned plan(Invocation inv, String pkgAnswer, String systemAnswer) {
        Map<Probe, Object> answers = new HashMap<>();
        for (Probe p : inv.probes()) {
            if (p.equals(SystemFacts.PROBE)) answers.put(p, new ProbeAnswer(0, systemAnswer, ""));
            else if (p instanceof Probe.FileInfo) answers.put(p, REAL);
            else answers.put(p, new ProbeAnswer(0, pkgAnswer, ""));
        }
        return inv.plan(new Facts(answers));
    }

    private static Invocation prepare(Map<String, Object> args, Map<String, Object> vars) {
        return new PackageModule().prepare(new Args("package", args), withFacts(vars));
    }

    static Stream<Arguments> sameAsPkgng() {
        return Stream.of(
                Arguments.of("no-op: installed", args("name", "nginx", "state", "present")),
                Arguments.of("no-op: removed and not there", args("name", "vim", "state", "removed")),
                Arguments.of("install two", args("name", List.of("nginx", "redis"), "state", "installed")),
                Arguments.of("remove one", args("name", "nginx", "state", "absent")),
                Arguments.of("latest, pkgng's own options pass through", args("name", "nginx", "state", "latest",
                        "jail", "www")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameAsPkgng")
    void plansAsPkgngDoesWhateverPicksIt(String what, Map<String, Object> args) {
        String answer = INSTALLED + (args.get("state").equals("latest") ? "@outdated\n@rc=0\n" : "");
        Planned pkgng = PkgModuleTest.plan(args, REAL, answer);
        for (Map<String, Object> vars : List.of(Map.<String, Object>of("ansible_facts.pkg_mgr", "pkgng"),
                Map.<String, Object>of())) {
            Planned auto = plan(prepare(args, vars), answer, FREEBSD);
            assertEquals(Plans.steps(pkgng), Plans.steps(auto), what);
            assertEquals(pkgng.result(), auto.result(), what);
            assertEquals(Plans.action(pkgng), Plans.action(auto), what);
        }
        Map<String, Object> explicit = new LinkedHashMap<>(args);
        explicit.put("use", "community.general.pkgng");
        Planned used = plan(prepare(explicit, Map.of()), answer, FREEBSD);
        assertEquals(Plans.steps(pkgng), Plans.steps(used));
        assertEquals(pkgng.result(), used.result());
    }

    @Test
    void theFactDecidesWithoutProbingTheSystem() {
        Invocation inv = prepare(args("name", "nginx"), Map.of("ansible_facts.pkg_mgr", "pkgng"));
        assertInstanceOf(PkgModule.PkgCall.class, inv);
        Invocation undecided = prepare(args("name", "nginx"), Map.of());
        assertTrue(undecided.probes().contains(SystemFacts.PROBE), "without the fact the system facts are probed");
    }

    @Test
    void anotherManagerIsRefusedWithTheActionPluginsMessage() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> prepare(args("name", "nginx", "use", "apt"), Map.of()));
        assertTrue(e.getMessage().startsWith("Could not find a module for apt."), e.getMessage());
        ArgsException fact = assertThrows(ArgsException.class,
                () -> prepare(args("name", "nginx"), Map.of("ansible_facts.pkg_mgr", "apt")));
        assertTrue(fact.getMessage().startsWith("Could not find a module for apt."), fact.getMessage());
        Planned linux = plan(prepare(args("name", "nginx"), Map.of()), INSTALLED, "system=Linux\nos_id=debian\n");
        assertEquals(Planned.Outcome.FAILED, linux.outcome());
        assertEquals("Could not detect which package manager to use. Try gathering facts or setting the \"use\" "
                + "option.", linux.result().get("msg"));
    }

    @Test
    void pkgngsArgumentChecksApply() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> prepare(args("name", "nginx", "state", "purged", "use", "pkgng"), Map.of()));
        assertTrue(e.getMessage().startsWith("value of state must be one of"), e.getMessage());
        ArgsException unknown = assertThrows(ArgsException.class,
                () -> prepare(args("name", "nginx", "update_cache", true), Map.of()));
        assertTrue(unknown.getMessage().contains("Unsupported parameters for (community.general.pkgng) module: update_cache"),
                unknown.getMessage());
        ArgsException missing = assertThrows(ArgsException.class, () -> prepare(args("state", "present"), Map.of()));
        assertTrue(missing.getMessage().contains("missing required arguments: name"), missing.getMessage());
    }
}
