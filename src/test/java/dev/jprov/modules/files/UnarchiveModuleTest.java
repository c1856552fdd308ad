package dev.jprov.modules.files;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Step;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnarchiveModuleTest {
    private static final String LIST = "app/\napp/bin/\napp/bin/run\napp/etc/app.conf\napp/my\\040file\n";
    /** bsdtar's mtree of the archive (tar -cf - --format=mtree @app.tgz), as recorded on the testbed. */
    private static final String ARCHIVE = """
            #mtree
            ./app time=1733184000.0 mode=755 gid=0 uid=0 type=dir
            ./app/bin time=1733184000.0 mode=755 gid=0 uid=0 type=dir
            ./app/bin/run time=1733184000.0 mode=755 gid=0 uid=0 type=file size=20
            ./app/etc/app.conf time=1733184000.0 mode=644 gid=0 uid=0 type=file size=12
            ./app/my\\040file time=1733184000.0 mode=644 gid=0 uid=0 type=file size=3
            """;

    private static String answer(String dest) {
        return "@uid 0\n@magic 1f8b08000000\n@list\n" + LIST.replace("\\040", " ") + "@archive\n" + ARCHIVE
                + "@dest\n" + dest + "@end\n";
    }

    private static CannedAnswers host(String dest) {
        return new CannedAnswers().dir("/srv").shell("--format=mtree", 0, answer(dest), "");
    }

    static Stream<Arguments> cases() {
        String changedTime = ARCHIVE.replace("./app/bin/run time=1733184000.0", "./app/bin/run time=1733184999.0");
        String changedMode = ARCHIVE.replace("./app/etc/app.conf time=1733184000.0 mode=644",
                "./app/etc/app.conf time=1733184000.0 mode=600");
        String missing = ARCHIVE.replace("./app/etc/app.conf time=1733184000.0 mode=644 gid=0 uid=0 type=file size=12\n", "");
        return Stream.of(
                Arguments.of("no-op: all there alike", args(), ARCHIVE, Action.NONE),
                Arguments.of("a file missing", args(), missing, Action.UPDATE),
                Arguments.of("a file's mtime differs", args(), changedTime, Action.UPDATE),
                Arguments.of("no-op: a newer file kept with keep_newer", args("keep_newer", true), changedTime, Action.NONE),
                Arguments.of("a file's mode differs", args(), changedMode, Action.UPDATE),
                Arguments.of("no-op: the missing file excluded", args("exclude", List.of("app/etc")), missing, Action.NONE),
                Arguments.of("no-op: only the included files", args("include", List.of("app/bin/*")), missing, Action.NONE),
                Arguments.of("mode given: set, not unpacked", args("mode", "0600"), changedMode, Action.UPDATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> extra, String dest, Action action) {
        Map<String, Object> a = args("src", "/srv/app.tgz", "dest", "/srv", "remote_src", true);
        a.putAll(extra);
        Planned p = CannedAnswers.plan(new UnarchiveModule(), a, host(dest));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals("TgzArchive", p.result().get("handler"));
    }

    @Test
    void unpacksWithBsdtarAndReportsWhatDiffers() {
        Planned p = CannedAnswers.plan(new UnarchiveModule(), args("src", "/srv/app.tgz", "dest", "/srv",
                "remote_src", true, "extra_opts", List.of("--no-same-owner"), "list_files", true),
                host(ARCHIVE.replace("./app/bin/run time=1733184000.0", "./app/bin/run time=1.0")));
        Step.Exec x = (Step.Exec) p.changes().getFirst().steps().getFirst();
        assertTrue(x.script().contains("archive | LC_ALL=C tar -xf - -C /srv --no-same-owner; echo \"@rc $?\""), x.script());
        assertEquals("app/bin/run: mod time differs\n", Plans.after(p));
        assertEquals(List.of("app/", "app/bin/", "app/bin/run", "app/etc/app.conf", "app/my file"),
                p.result().get("files"));
        Map<String, Object> r = p.afterApply().result(p.result(), List.of(new StepResult(0, "@rc 0\n", "")));
        assertEquals(Map.of("cmd", List.of("/usr/bin/tar", "-xf", "/srv/app.tgz", "-C", "/srv", "--no-same-owner"), "err", "", "out", "", "rc", 0),
                r.get("extract_results"));
        Map<String, Object> failed = p.afterApply().result(p.result(), List.of(new StepResult(0, "@rc 1\n",
                "tar: Error exit delayed from previous errors.\n")));
        assertEquals("failed to unpack /srv/app.tgz to /srv", failed.get("msg"));
        assertEquals(true, failed.get("failed"));
    }

    @Test
    void refusesAsAnsibleWhereTheHostSaysNo() {
        Map<String, Object> a = args("src", "/srv/app.tgz", "dest", "/srv/nope", "remote_src", true);
        assertEquals("Destination '/srv/nope' is not a directory", CannedAnswers.plan(new UnarchiveModule(), a,
                new CannedAnswers().shell("--format=mtree", 0, "@nodest\n", "")).result().get("msg"));
        assertEquals("Source '/srv/app.tgz' does not exist", CannedAnswers.plan(new UnarchiveModule(), a,
                new CannedAnswers().shell("--format=mtree", 0, "@nosrc\n", "")).result().get("msg"));
        Planned skipped = CannedAnswers.plan(new UnarchiveModule(), args("src", "/srv/app.tgz", "dest", "/srv",
                "remote_src", true, "creates", "/srv/app"), new CannedAnswers().dir("/srv")
                .shell("--format=mtree", 0, "@creates\n", ""));
        assertEquals(Planned.Outcome.SKIPPED, skipped.outcome());
        assertEquals("skipped, since /srv/app exists", skipped.result().get("msg"));
    }

    @Test
    void theListingIsStaleOnceTheArchiveOrDestIsWritten() {
        var probes = CannedAnswers.prepare(new UnarchiveModule(), args("src", "/srv/app.tgz", "dest", "/srv/app",
                "remote_src", true, "creates", "/srv/app/done")).probes();
        assertTrue(probes.getFirst().reads().containsAll(List.of(dev.jprov.facts.Resource.path("/srv/app.tgz"),
                dev.jprov.facts.Resource.path("/srv/app"), dev.jprov.facts.Resource.path("/srv/app/done"))),
                probes.toString());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(args("dest", "/srv"), "missing required arguments: src"),
                Arguments.of(args("src", "/a.tgz", "remote_src", true), "missing required arguments: dest"),
                Arguments.of(args("src", "/a.tgz", "dest", "/srv", "remote_src", true, "include", List.of("a"),
                        "exclude", List.of("b")), "parameters are mutually exclusive: include|exclude"),
                Arguments.of(args("src", "https://x/a.tgz", "dest", "/srv", "remote_src", true), "download it with get_url"),
                Arguments.of(args("src", "/a.tgz", "dest", "/srv", "remote_src", true, "format", "zip"),
                        "Unsupported parameters for (unarchive) module: format"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void refuses(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new UnarchiveModule(), args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void mtreeNamesAreDecoded() {
        assertEquals("a b\\c", ArchiveListing.unvis("a\\040b\\\\c"));
        assertEquals(List.of("app/my file"), List.copyOf(ArchiveListing.parse("./app/my\\040file type=file\n")
                .entries().keySet()));
    }
}
