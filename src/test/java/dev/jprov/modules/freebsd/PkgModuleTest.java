package dev.jprov.modules.freebsd;

import static dev.jprov.modules.freebsd.Fixture.args;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PkgModuleTest {
    private static ProbeAnswer answer(String installed, int rc, String outdated) {
        String out = "@installed\n" + installed + "@rc=" + rc + "\n"
                + (outdated == null ? "" : "@outdated\n" + outdated + "@rc=0\n");
        return Fixture.ok(out);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: all installed", args("name", List.of("postfix", "dovecot")),
                        answer("postfix 3.9.1,1\ndovecot 2.3.21.1_2\n", 0, null), Action.NONE, ""),
                Arguments.of("install the missing ones with one pkg install",
                        args("name", List.of("postfix", "dovecot", "rspamd"), "jail", "mailserver"),
                        answer("postfix 3.9.1,1\n", 1, null), Action.CREATE,
                        "pkg -j mailserver install -y dovecot rspamd"),
                Arguments.of("comma list, cached, repository",
                        args("name", "nginx,php83", "cached", true, "pkgsite", "FreeBSD"),
                        answer("", 1, null), Action.CREATE, "pkg install -y -U -r FreeBSD nginx php83"),
                Arguments.of("latest upgrades the outdated one", args("name", List.of("nginx", "redis"), "state", "latest"),
                        answer("nginx 1.24.0_14,3\nredis 7.4.1\n", 0,
                                "nginx-1.24.0_14,3                  <   needs updating (remote has 1.26.2,3)\n"),
                        Action.UPDATE, "pkg upgrade -y nginx"),
                Arguments.of("no-op: latest and up to date", args("name", "redis", "state", "latest"),
                        answer("redis 7.4.1\n", 0, ""), Action.NONE, ""),
                Arguments.of("absent with autoremove, in a root", args("name", "vim", "state", "absent",
                        "autoremove", true, "rootdir", "/jails/web"),
                        answer("vim 9.1.0707\n", 0, null), Action.DELETE,
                        "pkg -r /jails/web delete -y vim\npkg -r /jails/web autoremove -y"),
                Arguments.of("no-op: absent and not installed", args("name", "vim", "state", "removed"),
                        answer("", 1, null), Action.NONE, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, ProbeAnswer answer, Action action, String steps) {
        Planned p = Fixture.plan(new PkgModule(), args, answer);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Fixture.action(p));
        assertEquals(steps, Fixture.steps(p));
    }

    @Test
    void diffListsVersionsBeforeAndAfter() {
        Planned p = Fixture.plan(new PkgModule(), args("name", List.of("nginx", "unbound"), "state", "latest"),
                answer("nginx 1.24.0_14,3\n", 1, "nginx-1.24.0_14,3  <   needs updating (remote has 1.26.2,3)\n"));
        assertEquals("nginx-1.24.0_14,3\n", Fixture.before(p));
        assertEquals("nginx-1.26.2,3\nunbound (installed from the repository)\n", Fixture.after(p));
        assertEquals("pkg install -y unbound\npkg upgrade -y nginx", Fixture.steps(p));
        assertEquals("added 1 package(s), upgraded 1 package(s)", p.result().get("msg"));
    }

    @Test
    void aMissingJailFails() {
        Planned p = Fixture.plan(new PkgModule(), args("name", "postfix", "jail", "nope"),
                new ProbeAnswer(0, "@installed\n@rc=1\n", "pkg: jail_getid: jail \"nope\" not found\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
    }
}
