package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FreebsdBaseModuleTest {
    static Map<String, Object> args(Map<String, Object> extra) {
        Map<String, Object> a = new LinkedHashMap<>(Map.of("release", "14.2-RELEASE", "dest", "/jails/unbound",
                "mirror", "http://198.18.0.1"));
        a.putAll(extra);
        return a;
    }

    static CannedAnswers probe(String out) {
        return new CannedAnswers().shell("jprov-base", 0, out, "");
    }

    static final String HOST_FILES = "== files\nhost:etc/resolv.conf\nhost:etc/localtime\n";
    static final String DONE = "== marker\nrelease=14.2-RELEASE\narch=amd64\nsets=base\nbase.txz=ab\n== version\n14.2-RELEASE\n"
            + HOST_FILES.replace("== files\n", "== files\netc/resolv.conf\netc/localtime\n") + "== cache\nMANIFEST\nbase.txz\n";

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("no-op: marker at the release", probe(DONE), Map.of(), List.of(Action.NONE), 0),
                Arguments.of("no-op: hand-made root patched to -p1", probe("== version\n14.2-RELEASE-p1\n"
                        + HOST_FILES.replace("== files\n", "== files\netc/resolv.conf\netc/localtime\n") + "== cache\n"),
                        Map.of(), List.of(Action.NONE), 0),
                Arguments.of("empty root", probe(HOST_FILES + "== cache\n"), Map.of(), List.of(Action.CREATE, Action.UPDATE), 4),
                Arguments.of("only the missing set", probe(DONE), Map.of("sets", List.of("base", "lib32")),
                        List.of(Action.UPDATE, Action.UPDATE), 4),
                Arguments.of("resolv.conf missing only", probe(DONE.replace("etc/resolv.conf\netc/localtime\n", "etc/localtime\n")),
                        Map.of(), List.of(Action.UPDATE), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(String title, CannedAnswers host, Map<String, Object> extra, List<Action> actions, int bootstrapSteps) {
        Planned p = CannedAnswers.plan(new FreebsdBaseModule(), args(extra), host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        if (bootstrapSteps > 0) {
            List<String> steps = p.changes().getFirst().steps().stream().map(Step::display).toList();
            assertEquals(bootstrapSteps, steps.size(), steps::toString);
            assertEquals("fetch http://198.18.0.1/amd64/14.2-RELEASE/MANIFEST -> /var/cache/jprov/freebsd/14.2-RELEASE/amd64/MANIFEST",
                    steps.getFirst());
            assertTrue(steps.get(2).startsWith("tar -C /jails/unbound -xpf /var/cache/jprov/freebsd/14.2-RELEASE/amd64/"), steps.get(2));
        }
    }

    @ParameterizedTest
    @MethodSource("otherRelease")
    void refusesToExtractOverAnotherRelease(String out) {
        Planned p = CannedAnswers.plan(new FreebsdBaseModule(), args(Map.of()), probe(out));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(String.valueOf(p.result().get("msg")).contains("does not upgrade"));
    }

    static Stream<String> otherRelease() {
        return Stream.of("== marker\nrelease=14.1-RELEASE\narch=amd64\nsets=base\n== cache\n", "== version\n14.1-RELEASE-p3\n== cache\n");
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(Map.of("release", "14.2"), "release must look like 14.2-RELEASE"),
                Arguments.of(Map.of("dest", "/"), "other than /"),
                Arguments.of(Map.of("dest", "jails/x"), "absolute directory"),
                Arguments.of(Map.of("sets", List.of("base; rm")), "not a distribution set name"),
                Arguments.of(Map.of("manifest_sha256", "abc"), "64 hex digits"),
                Arguments.of(Map.of("mirror", "download.freebsd.org"), "mirror must be"),
                Arguments.of(Map.of("colour", 1), "Unsupported parameters for (freebsd_base) module: colour"));
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadArguments(Map<String, Object> extra, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new FreebsdBaseModule(), args(extra)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
