package dev.jprov.modules.files;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class GetUrlModuleTest {
    private static final String URL = "http://mirror.test/pub/app-1.0.tgz";
    private static final String GOOD = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String BAD = "0000000000000000000000000000000000000000000000000000000000000000";

    /** A host with /srv/app.tgz (digest GOOD) and the directory /srv/dl holding app-1.0.tgz (digest BAD). */
    private static CannedAnswers host() {
        return new CannedAnswers().file("/srv/app.tgz", "test").dir("/srv").dir("/srv/dl")
                .file("/srv/dl/app-1.0.tgz", "old")
                .shell("sha256 -q", 0, "/srv/app.tgz " + GOOD + "\n/srv/dl/app-1.0.tgz " + BAD + "\n", "")
                .shell("fetch -q -T 10 -o - http://mirror.test/pub/SHA256SUMS", 0,
                        GOOD + "  app-1.0.tgz\n" + BAD + " *other.tgz\n", "")
                .shell("fetch -q -T 10 -o - http://mirror.test/pub/MISSING", 1,
                        "fetch: http://mirror.test/pub/MISSING: Not Found\n", "");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: checksum matches", args("url", URL, "dest", "/srv/app.tgz",
                        "checksum", "sha256:" + GOOD), Action.NONE, "file already exists"),
                Arguments.of("no-op: exists, no checksum, no force", args("url", URL, "dest", "/srv/app.tgz"),
                        Action.NONE, "file already exists"),
                Arguments.of("no-op: checksum from a checksum file", args("url", URL, "dest", "/srv/app.tgz",
                        "checksum", "sha256:http://mirror.test/pub/SHA256SUMS"), Action.NONE, "file already exists"),
                Arguments.of("checksum differs: fetched again", args("url", URL, "dest", "/srv/app.tgz",
                        "checksum", "sha256:" + BAD), Action.UPDATE, null),
                Arguments.of("into a directory, by the URL's name", args("url", URL, "dest", "/srv/dl",
                        "checksum", "sha256:" + GOOD), Action.UPDATE, null),
                Arguments.of("absent: created", args("url", URL, "dest", "/srv/new.tgz"), Action.CREATE, null),
                Arguments.of("force", args("url", URL, "dest", "/srv/app.tgz", "force", true), Action.UPDATE, null),
                Arguments.of("attributes only", args("url", URL, "dest", "/srv/app.tgz", "checksum",
                        "sha256:" + GOOD, "mode", "0600"), Action.UPDATE, "file already exists but file attributes changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, Action action, String msg) {
        Planned p = CannedAnswers.plan(new GetUrlModule(), args, host());
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        if (msg != null) assertEquals(msg, p.result().get("msg"));
    }

    @Test
    void theDownloadGoesThroughATempFileBesideDestAndIsCheckedBeforeTheRename() {
        Planned p = CannedAnswers.plan(new GetUrlModule(), args("url", URL, "dest", "/srv/dl", "checksum",
                "sha256:" + GOOD, "timeout", 30, "http_agent", "jprov"), host());
        String script = ((Step.Exec) p.changes().getFirst().steps().getFirst()).script();
        assertTrue(script.contains("t=$(mktemp /srv/dl/.app-1.0.tgz.get_url.XXXXXX)"), script);
        assertTrue(script.contains("HTTP_USER_AGENT=jprov fetch -q -T 30 -o \"$t\" " + URL), script);
        assertTrue(script.indexOf("sha256 -q -- \"$t\"") < script.indexOf("mv -f \"$t\" /srv/dl/app-1.0.tgz"), script);
        assertEquals("/srv/dl/app-1.0.tgz", p.result().get("dest"));
    }

    @Test
    void thePasswordReachesFetchInItsEnvironmentNeverItsArguments() {
        Planned p = CannedAnswers.plan(new GetUrlModule(), args("url", URL, "dest", "/srv/new.tgz",
                "url_username", "bob", "url_password", "s3cret", "validate_certs", false,
                "headers", Map.of("Referer", "http://x/")), host());
        String script = ((Step.Exec) p.changes().getFirst().steps().getFirst()).script();
        assertTrue(script.contains("HTTP_AUTH='basic:*:bob:s3cret' fetch -q -T 10 --no-verify-peer"
                + " --referer=http://x/ -o"), script);
        String argv = script.substring(script.indexOf(" fetch -q"));
        assertFalse(argv.substring(0, argv.indexOf('\n')).contains("s3cret"), argv);
    }

    @Test
    void aChecksumFileWithoutTheNameFails() {
        Planned p = CannedAnswers.plan(new GetUrlModule(), args("url", "http://mirror.test/pub/zz.tgz",
                "dest", "/srv/zz.tgz", "checksum", "sha256:http://mirror.test/pub/SHA256SUMS"), host());
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("Unable to find a checksum for file 'zz.tgz' in 'http://mirror.test/pub/SHA256SUMS'",
                p.result().get("msg"));
        Planned missing = CannedAnswers.plan(new GetUrlModule(), args("url", URL, "dest", "/srv/app.tgz",
                "checksum", "sha256:http://mirror.test/pub/MISSING"), host());
        assertEquals("Request failed", missing.result().get("msg"));
        assertEquals(404, missing.result().get("status_code"));
    }

    @Test
    void resultsAsGetUrlGivesThem() {
        Planned p = CannedAnswers.plan(new GetUrlModule(), args("url", URL, "dest", "/srv/new.tgz"), host());
        Map<String, Object> r = p.afterApply().result(p.result(), List.of(new StepResult(0, """
                elapsed 1
                checksum_src a94a8fe5ccb19ba61c4c0873d391e987982fbbd3
                md5sum 098f6bcd4621d373cade4e832627b4f6
                numeric -rw-r--r--  1 0  0  4 Dec  7 11:00 /srv/new.tgz
                named -rw-r--r--  1 root  wheel  4 Dec  7 11:00 /srv/new.tgz
                """, "")));
        assertEquals("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", r.get("checksum_src"));
        assertEquals(null, r.get("checksum_dest"));
        assertEquals("098f6bcd4621d373cade4e832627b4f6", r.get("md5sum"));
        assertEquals(200, r.get("status_code"));
        assertEquals("OK (4 bytes)", r.get("msg"));
        assertEquals("0644", r.get("mode"));
        assertEquals("wheel", r.get("group"));
        assertEquals(1, r.get("elapsed"));

        Map<String, Object> notFound = p.afterApply().result(p.result(), List.of(new StepResult(1,
                "fetch fetch: " + URL + ": Not Found\n", "")));
        assertEquals("Request failed", notFound.get("msg"));
        assertEquals(404, notFound.get("status_code"));
        assertEquals("HTTP Error 404: Not Found", notFound.get("response"));
        assertEquals(true, notFound.get("failed"));

        Map<String, Object> mismatch = CannedAnswers.plan(new GetUrlModule(), args("url", URL, "dest",
                "/srv/new.tgz", "checksum", "sha256:" + GOOD), host()).afterApply().result(p.result(),
                List.of(new StepResult(1, "elapsed 0\nmismatch " + BAD + "\n", "")));
        assertEquals("The checksum for /srv/new.tgz did not match " + GOOD + "; it was " + BAD + ".",
                mismatch.get("msg"));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(args("dest", "/x"), "missing required arguments: url"),
                Arguments.of(args("url", URL), "missing required arguments: dest"),
                Arguments.of(args("url", URL, "dest", "/x", "checksum", GOOD),
                        "The checksum parameter has to be in format <algorithm>:<checksum>"),
                Arguments.of(args("url", URL, "dest", "/x", "checksum", "sha256:xyz"), "The checksum format is invalid"),
                Arguments.of(args("url", URL, "dest", "/x", "checksum", "whirlpool:ab"), "unsupported algorithm 'whirlpool'"),
                Arguments.of(args("url", URL, "dest", "/x", "headers", Map.of("X-Token", "t")),
                        "headers: fetch(1) sends only User-Agent and Referer, not 'X-Token'"),
                Arguments.of(args("url", URL, "dest", "/x", "client_cert", "/c.pem"), "client_cert: not supported"),
                Arguments.of(args("url", "mirror.test/x", "dest", "/x"), "url: fetch(1) fetches http"),
                Arguments.of(args("url", URL, "dest", "/x", "sha256sum", "ab"), "Unsupported parameters for (get_url) module: sha256sum"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void refuses(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new GetUrlModule(), args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void urlFilenameAsGetUrl() {
        assertEquals("app-1.0.tgz", GetUrlModule.urlFilename(URL));
        assertEquals("index.html", GetUrlModule.urlFilename("http://mirror.test/"));
        assertEquals("f.txz", GetUrlModule.urlFilename("http://mirror.test/a/f.txz?x=1"));
    }
}
