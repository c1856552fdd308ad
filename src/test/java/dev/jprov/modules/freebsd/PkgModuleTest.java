package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Change;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pkg module against pkg's own answers: usr.sbin/pkg/pkg.c (the stub: "pkg: pkg is not installed" for -N),
 * pkg's src/query.c ("pkg: No packages installed", exit 0, for a database that does not exist) and main.c (-j
 * fails with jail_getid's message).
 */
class PkgModuleTest {
    private static final FileFacts REAL = new FileFacts(PkgModule.REAL_PKG, FileFacts.Type.FILE, "0755", 0, 0,
            "root", "wheel", 1, 1, Optional.empty(), Optional.empty());
    private static final FileFacts NO_REAL = FileFacts.absent(PkgModule.REAL_PKG);
    private static final String STUB = "@stub=pkg: pkg is not installed\n";

    /** The answer of a host whose pkg is bootstrapped: pkg query -a (and pkg version) with stderr merged. */
    private static String real(String installed, int rc, String outdated) {
        return "@installed\n" + installed + "@rc=" + rc + "\n"
                + (outdated == null ? "" : "@outdated\n" + outdated + "@rc=0\n");
    }

    static Planned plan(Map<String, Object> args, FileFacts realPkg, String shell) {
        Invocation inv = CannedAnswers.prepare(new PkgModule(), args);
        Probe.Shell sh = (Probe.Shell) inv.probes().stream().filter(p -> p instanceof Probe.Shell).findFirst()
                .orElseThrow();
        return inv.plan(new Facts(Map.of(PkgModule.PkgCall.REAL, realPkg, sh, new ProbeAnswer(0, shell, ""))));
    }

    private static String actions(Planned p) {
        return p.changes().stream().map(c -> c.action().name()).collect(Collectors.joining(","));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: bootstrapped, all installed", args("name", List.of("postfix", "dovecot")), REAL,
                        real("pkg 2.1.2\npostfix 3.9.1,1\ndovecot 2.3.21.1_2\n", 0, null), "NONE", ""),
                Arguments.of("no-op: latest and up to date", args("name", "redis", "state", "latest"), REAL,
                        real("redis 7.4.1\n", 0, ""), "NONE", ""),
                Arguments.of("no-op: absent and not installed", args("name", "vim", "state", "removed"), REAL,
                        real("pkg 2.1.2\n", 0, null), "NONE", ""),
                Arguments.of("no-op: absent on a stub host with no database (no bootstrap to learn that)",
                        args("name", "vim", "state", "absent", "rootdir", "/jails/web"), NO_REAL,
                        STUB + "@db=absent\n", "NONE", ""),
                Arguments.of("stub on the host: bootstrap, then install", args("name", "nginx"), NO_REAL,
                        STUB + "@db=absent\n", "CREATE,CREATE", "pkg bootstrap -y\npkg install -y nginx"),
                Arguments.of("stub on the host, pkg itself asked for: the bootstrap is the install",
                        args("name", "pkg"), NO_REAL, STUB + "@db=absent\n", "CREATE", "pkg bootstrap -y"),
                Arguments.of("stub, rootdir: the HOST is bootstrapped (pkg -r runs the host's pkg)",
                        args("name", List.of("nginx", "php83"), "rootdir", "/jails/webmail"), NO_REAL,
                        STUB + "@db=absent\n", "CREATE,CREATE",
                        "pkg bootstrap -y\npkg -r /jails/webmail install -y nginx php83"),
                Arguments.of("stub, jail: the HOST is bootstrapped (pkg -j jail_attach()es the host's pkg)",
                        args("name", List.of("postfix", "dovecot"), "jail", "mailserver"), NO_REAL,
                        STUB + "@db=absent\n", "CREATE,CREATE",
                        "pkg bootstrap -y\npkg -j mailserver install -y postfix dovecot"),
                Arguments.of("stub with pkgsite: bootstrap and install from that repository",
                        args("name", "nginx", "pkgsite", "testbed"), NO_REAL, STUB + "@db=absent\n", "CREATE,CREATE",
                        "pkg bootstrap -y -r testbed\npkg install -y -r testbed nginx"),
                Arguments.of("empty database of a fresh root: 'No packages installed' (exit 0) is not a failure",
                        args("name", "wireguard-tools", "rootdir", "/jails/wireguard"), REAL,
                        real("pkg: No packages installed\n", 0, null), "CREATE",
                        "pkg -r /jails/wireguard install -y wireguard-tools"),
                Arguments.of("install the missing ones with one pkg install",
                        args("name", List.of("postfix", "dovecot", "rspamd"), "jail", "mailserver"), REAL,
                        real("postfix 3.9.1,1\nlocal-unbound 1.0\n", 0, null), "CREATE",
                        "pkg -j mailserver install -y dovecot rspamd"),
                Arguments.of("comma list, cached, repository", args("name", "nginx,php83", "cached", true,
                        "pkgsite", "FreeBSD"), REAL, real("pkg 2.1.2\n", 0, null), "CREATE",
                        "pkg install -y -U -r FreeBSD nginx php83"),
                Arguments.of("latest upgrades the outdated one", args("name", List.of("nginx", "redis"), "state",
                        "latest"), REAL, real("nginx 1.24.0_14,3\nredis 7.4.1\n", 0,
                                "nginx-1.24.0_14,3                  <   needs updating (remote has 1.26.2,3)\n"),
                        "UPDATE", "pkg upgrade -y nginx"),
                Arguments.of("absent with autoremove, in a root", args("name", "vim", "state", "absent",
                        "autoremove", true, "rootdir", "/jails/web"), REAL, real("vim 9.1.0707\n", 0, null),
                        "DELETE", "pkg -r /jails/web delete -y vim\npkg -r /jails/web autoremove -y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, FileFacts realPkg, String shell, String actions, String steps) {
        Planned p = plan(args, realPkg, shell);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(actions, actions(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void theProbeAsksTheStubFirstAndQueriesEverythingOnlyThen() {
        Invocation inv = CannedAnswers.prepare(new PkgModule(), args("name", "nginx", "rootdir", "/jails/web"));
        assertTrue(inv.probes().contains(PkgModule.PkgCall.REAL));
        String script = ((Probe.Shell) inv.probes().get(1)).script();
        assertTrue(script.startsWith("jpk_n=$(pkg -N 2>&1); jpk_rc=$?\n"), script);
        assertTrue(script.contains("1:*'pkg is not installed')"), script);
        assertTrue(script.contains("if [ -e /jails/web'/var/db/pkg/local.sqlite' ]"), script);
        assertTrue(script.contains("pkg -r /jails/web query -a '%n %v' 2>&1; echo \"@rc=$?\""), script);
    }

    @Test
    void checkModePlansTheSecondRootAsTheRealRunDoes() {
        // Loop item 2 on a host whose item 1 planned the bootstrap. Real run: item 1 was made, pkg answers.
        // Dry run: the host still has the stub, but check mode predicts /usr/local/sbin/pkg from item 1's change.
        Map<String, Object> second = args("name", "nginx", "rootdir", "/jails/b");
        Planned first = plan(args("name", "nginx", "rootdir", "/jails/a"), NO_REAL, STUB + "@db=absent\n");
        List<FileFacts> predicted = first.changes().stream().flatMap(c -> c.predicted().stream()).toList();
        assertEquals(PkgModule.REAL_PKG, predicted.get(0).path());
        Planned real = plan(second, REAL, real("pkg: No packages installed\n", 0, null));
        Planned dry = plan(second, predicted.get(0), STUB + "@db=absent\n");
        assertEquals(Plans.steps(real), Plans.steps(dry));
        assertEquals(real.changes().size(), dry.changes().size());
        assertEquals("pkg -r /jails/b install -y nginx", Plans.steps(dry));
        assertEquals(false, dry.result().get("bootstrapped"));
        assertEquals(true, first.result().get("bootstrapped"));
    }

    @Test
    void theBootstrapIsItsOwnChangeWithADiff() {
        Planned p = plan(args("name", "nginx"), NO_REAL, STUB + "@db=absent\n");
        Change boot = p.changes().get(0);
        assertEquals("pkg(8) on the host", boot.subject());
        assertEquals("/usr/sbin/pkg: bootstrap stub (pkg: pkg is not installed)\n", boot.diff().before());
        assertEquals("bootstrapped pkg on the host, added 1 package(s)", p.result().get("msg"));
        assertEquals(List.of("nginx"), p.result().get("installed"));
    }

    @Test
    void diffListsVersionsBeforeAndAfter() {
        Planned p = plan(args("name", List.of("nginx", "unbound"), "state", "latest"), REAL,
                real("nginx 1.24.0_14,3\n", 0, "nginx-1.24.0_14,3  <   needs updating (remote has 1.26.2,3)\n"));
        assertEquals("nginx-1.24.0_14,3\n", Plans.before(p));
        assertEquals("nginx-1.26.2,3\nunbound (installed from the repository)\n", Plans.after(p));
        assertEquals("pkg install -y unbound\npkg upgrade -y nginx", Plans.steps(p));
        assertEquals("added 1 package(s), upgraded 1 package(s)", p.result().get("msg"));
    }

    @Test
    void aMissingJailFailsWithPkgsMessage() {
        Planned p = plan(args("name", "postfix", "jail", "nope"), REAL,
                "@installed\npkg: jail \"nope\" not found\n@rc=1\n");
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("pkg: pkg failed on jail nope: pkg: jail \"nope\" not found", p.result().get("msg"));
    }

    @Test
    void aMissingJailOnAStubHostFailsWithJlsMessage() {
        Planned p = plan(args("name", "postfix", "jail", "nope"), NO_REAL,
                STUB + "@where=jls: jail \"nope\" not found\n");
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("pkg: pkg failed on jail nope: jls: jail \"nope\" not found", p.result().get("msg"));
    }

    @Test
    void anUnreadableDatabaseOnAStubHostStillInstallsButCannotRemove() {
        Planned install = plan(args("name", "nginx", "rootdir", "/jails/x"), NO_REAL, STUB + "@db=present\n");
        assertEquals("pkg bootstrap -y\npkg -r /jails/x install -y nginx", Plans.steps(install));
        Planned remove = plan(args("name", "nginx", "rootdir", "/jails/x", "state", "absent"), NO_REAL,
                STUB + "@db=present\n");
        assertEquals(Planned.Outcome.FAILED, remove.outcome());
    }

    @Test
    void noPkgAtAllQuotesTheShell() {
        Planned p = plan(args("name", "nginx"), NO_REAL, "@installed\nsh: pkg: not found\n@rc=127\n");
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("pkg: pkg failed on host: sh: pkg: not found", p.result().get("msg"));
    }

    @Test
    void otherQueryFailuresQuotePkg() {
        Planned p = plan(args("name", "nginx"), REAL, real(
                "pkg: Cannot get a read lock on a database, it is locked by another process\n", 1, null));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(((String) p.result().get("msg")).endsWith("it is locked by another process"));
    }
}
