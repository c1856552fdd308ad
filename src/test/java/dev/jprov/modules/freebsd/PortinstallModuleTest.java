package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Probe;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * community.general.portinstall (plugins/modules/portinstall.py): installed is {@code pkg info NAME} (or the name
 * without digits), a build needs exactly one port (ports_glob), messages as the module's.
 */
class PortinstallModuleTest {
    private static final String TREE = "@ports\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: installed", args("name", "hello"), TREE + "@name hello\n@installed hello\n"
                        + "@port hello misc/hello\n", "NONE", "", "package(s) already present"),
                Arguments.of("no-op: absent and not installed, no tree needed", args("name", "hello", "state",
                        "absent"), "@noports\n@name hello\n", "NONE", "", "package(s) already absent"),
                Arguments.of("no-op: installed under the name without digits (mysql55-client is mysql-client)",
                        args("name", "mysql55-client"), TREE + "@name mysql55-client\n@installed mysql-client\n",
                        "NONE", "", "package(s) already present"),
                Arguments.of("build from the port, a package first (use_packages default)", args("name", "hello"),
                        TREE + "@name hello\n@port hello misc/hello\n", "CREATE",
                        "pkg install -y hello || make -C /usr/ports/misc/hello 'BATCH=yes' install clean",
                        "present 1 package(s)"),
                Arguments.of("only the port without use_packages; two names", args("name", "hello,figlet",
                                "use_packages", false),
                        TREE + "@name hello\n@port hello misc/hello\n@name figlet\n@port figlet misc/figlet\n",
                        "CREATE", "make -C /usr/ports/misc/hello 'BATCH=yes' install clean\n"
                                + "make -C /usr/ports/misc/figlet 'BATCH=yes' install clean", "present 2 package(s)"),
                Arguments.of("the port of the name without digits", args("name", "py311-hello", "use_packages",
                        "no"), TREE + "@name py311-hello\n@port py-hello devel/py-hello\n", "CREATE",
                        "make -C /usr/ports/devel/py-hello 'BATCH=yes' install clean", "present 1 package(s)"),
                Arguments.of("removal", args("pkg", "hello", "state", "absent"),
                        "@noports\n@name hello\n@installed hello\n", "DELETE", "pkg delete -y hello",
                        "removed 1 package(s)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, String answer, String action, String steps, String msg) {
        Planned p = CannedAnswers.plan(new PortinstallModule(), args, CannedAnswers.ok(answer));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p).name());
        assertEquals(steps, Plans.steps(p));
        assertEquals(msg, p.result().get("msg"));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("@noports\n@name hello\n", "portinstall: no ports tree at /usr/ports (no "
                        + "/usr/ports/Mk/bsd.port.mk), so hello cannot be built from ports; a fresh FreeBSD install "
                        + "has none: check one out first, e.g. git clone https://git.FreeBSD.org/ports.git /usr/ports"),
                Arguments.of(TREE + "@name hello\n", "no matches for package hello"),
                Arguments.of(TREE + "@name hello\n@port hello misc/hello\n@port hello games/hello\n",
                        "2 matches found for package name hello"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void failsAsTheModuleDoes(String answer, String message) {
        Planned p = CannedAnswers.plan(new PortinstallModule(), args("name", "hello"), CannedAnswers.ok(answer));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals(message, p.result().get("msg"));
    }

    @Test
    void theProbeAsksPkgAndTheTreeReadOnly() {
        String script = ((Probe.Shell) CannedAnswers.prepare(new PortinstallModule(), args("name", "py311-hello"))
                .probes().getFirst()).script();
        assertTrue(script.startsWith("if [ -f /usr/ports/Mk/bsd.port.mk ]; then echo @ports;"), script);
        assertTrue(script.contains("if pkg info py311-hello >/dev/null 2>&1;"), script);
        assertTrue(script.contains("for jpi_d in /usr/ports/*/py-hello; do"), script);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(args("state", "present"), "missing required arguments: name"),
                Arguments.of(args("name", "hello", "state", "latest"), "value of state must be one of: present, absent"),
                Arguments.of(args("name", "he llo"), "'he llo' is not a package name"),
                Arguments.of(args("name", "hello", "use_packages", "maybe"), "unable to convert to bool"),
                Arguments.of(args("name", "hello", "jail", "www"),
                        "Unsupported parameters for (community.general.portinstall) module: jail"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArguments")
    void refuses(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class,
                () -> CannedAnswers.prepare(new PortinstallModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
