package dev.jprov.modules.freebsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JailModuleTest {
    static final String JAIL_CONF = "/etc/jail.conf";

    /** The seed 000 article's values for its mailserver jail, as a role would pass them. */
    static Map<String, Object> seedArgs() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", "/jails/mailserver");
        params.put("host.hostname", "mailserver");
        params.put("enforce_statfs", 2);
        params.put("mount.devfs", true);
        params.put("devfs_ruleset", 4);
        params.put("exec.clean", true);
        params.put("exec.start", "/bin/sh /etc/rc");
        params.put("exec.stop", "/bin/sh /etc/rc.shutdown");
        params.put("exec.consolelog", "/var/log/jails/mailserver_console.log");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", "mailserver");
        args.put("params", params);
        args.put("vnet", Map.of("bridge", "bridge0"));
        return args;
    }

    static String seedStanza() throws IOException {
        return Files.readString(Path.of("src/test/resources/freebsd/seed000-mailserver.jail.conf"));
    }

    @Test
    void rendersSeed000MailserverStanzaByteForByte() throws IOException {
        JailPlan plan = (JailPlan) CannedAnswers.prepare(new JailModule(), seedArgs());
        assertEquals(seedStanza(), plan.definition().orElseThrow().render());
    }

    @Test
    void withoutCommentsTheSeedStanzaLosesOnlyItsComments() throws IOException {
        Map<String, Object> args = seedArgs();
        args.put("comments", false);
        JailPlan plan = (JailPlan) CannedAnswers.prepare(new JailModule(), args);
        String expected = seedStanza().replaceAll("(?m)^    # .*\\n", "").replaceAll(" +# reset.*", "");
        assertEquals(expected, plan.definition().orElseThrow().render());
    }

    static final String DEFAULTS = """
            # /etc/jail.conf
            exec.start = "/bin/sh /etc/rc";
            exec.clean;
            host.hostname = "$name";

            other {
                path = "/jails/other";   # with { braces } in a comment
                exec.prestart = "echo '}'";
            }
            """;

    static Stream<Arguments> rows() throws IOException {
        String seed = seedStanza();
        String withSeed = DEFAULTS + "\n" + seed;
        String oldSeed = withSeed.replace("devfs_ruleset = 4;", "devfs_ruleset = 5;");
        return Stream.of(
                // name, host, extra args, expected actions, conf after, restart, pending
                Arguments.of("append to jail.conf", new CannedAnswers().file(JAIL_CONF, DEFAULTS).dir("/var/log/jails"),
                        Map.of(), List.of(Action.CREATE), withSeed, false, false),
                Arguments.of("no-op when the stanza is there", new CannedAnswers().file(JAIL_CONF, withSeed).dir("/var/log/jails"),
                        Map.of(), List.of(Action.NONE), null, false, false),
                Arguments.of("replace in place", new CannedAnswers().file(JAIL_CONF, oldSeed).dir("/var/log/jails"),
                        Map.of(), List.of(Action.UPDATE), withSeed, false, false),
                Arguments.of("console log dir missing", new CannedAnswers().file(JAIL_CONF, withSeed),
                        Map.of(), List.of(Action.CREATE), null, false, false),
                Arguments.of("start a stopped jail", new CannedAnswers().file(JAIL_CONF, withSeed).dir("/var/log/jails"),
                        Map.of("state", "started"), List.of(Action.UPDATE), null, false, false),
                Arguments.of("started and running: no-op", running(new CannedAnswers().file(JAIL_CONF, withSeed).dir("/var/log/jails")),
                        Map.of("state", "started"), List.of(Action.NONE), null, false, false),
                Arguments.of("changed running jail: restart pending", running(new CannedAnswers().file(JAIL_CONF, oldSeed).dir("/var/log/jails")),
                        Map.of("state", "started"), List.of(Action.UPDATE), withSeed, false, true),
                Arguments.of("changed running jail: restart_on_change", running(new CannedAnswers().file(JAIL_CONF, oldSeed).dir("/var/log/jails")),
                        Map.of("state", "started", "restart_on_change", true), List.of(Action.RUN, Action.UPDATE, Action.RUN), withSeed, true, false),
                Arguments.of("restarted always restarts", running(new CannedAnswers().file(JAIL_CONF, withSeed).dir("/var/log/jails")),
                        Map.of("state", "restarted"), List.of(Action.RUN, Action.RUN), null, true, false),
                Arguments.of("stop", running(new CannedAnswers().file(JAIL_CONF, withSeed).dir("/var/log/jails")),
                        Map.of("state", "stopped"), List.of(Action.UPDATE), null, false, false),
                Arguments.of("jail.conf missing: created", new CannedAnswers().dir("/var/log/jails"),
                        Map.of(), List.of(Action.CREATE), seed, false, false));
    }

    static CannedAnswers running(CannedAnswers h) {
        return h.shell("jls -j mailserver jid", 0, "3\n", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(String title, CannedAnswers host, Map<String, Object> extra, List<Action> actions, String confAfter,
               boolean restart, boolean pending) {
        if (!host.answersShell("jls -j mailserver jid")) {
            host.shell("jls -j mailserver jid", 1, "", "jls: jail \"mailserver\" not found\n");
        }
        Map<String, Object> args = seedArgs();
        args.putAll(extra);
        Planned p = CannedAnswers.plan(new JailModule(), args, host);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> String.valueOf(p.result()));
        assertEquals(actions, p.changes().stream().map(Change::action).toList());
        assertEquals(restart, p.result().get("restart"));
        assertEquals(pending, p.result().get("restart_pending"));
        assertEquals("mailserver", p.result().get("name"));
        if (confAfter != null) {
            Step.WriteFile w = p.changes().stream().flatMap(c -> c.steps().stream())
                    .filter(s -> s instanceof Step.WriteFile).map(s -> (Step.WriteFile) s).findFirst().orElseThrow();
            assertEquals(JAIL_CONF, w.path());
            assertEquals(confAfter, new String(w.content()));
        }
    }

    @Test
    void restartStopsWithTheOldDefinitionBeforeWritingTheNewOne() throws IOException {
        String old = (DEFAULTS + "\n" + seedStanza()).replace("devfs_ruleset = 4;", "devfs_ruleset = 5;");
        Map<String, Object> args = seedArgs();
        args.put("state", "started");
        args.put("restart_on_change", true);
        Planned p = CannedAnswers.plan(new JailModule(), args,
                running(new CannedAnswers().file(JAIL_CONF, old).dir("/var/log/jails")));
        List<String> steps = p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList();
        assertEquals("jail -f /etc/jail.conf -r mailserver", steps.get(0));
        assertTrue(steps.get(1).startsWith("write /etc/jail.conf"));
        assertEquals("jail -f /etc/jail.conf -c mailserver", steps.get(2));
        Change def = p.changes().get(1);
        assertTrue(def.diff().before().contains("devfs_ruleset = 5;"));
        assertTrue(def.diff().after().contains("devfs_ruleset = 4;"));
        assertFalse(def.diff().before().contains("other {"), "the diff shows the stanza, not the file");
    }

    @Test
    void consoleLogDirectoryIsCreatedBeforeTheStart() throws IOException {
        Map<String, Object> args = seedArgs();
        args.put("state", "started");
        Planned p = CannedAnswers.plan(new JailModule(), args, new CannedAnswers()
                .shell("jls -j mailserver jid", 1, "", "jls: jail \"mailserver\" not found\n"));
        List<String> steps = p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList();
        assertEquals(List.of("write /etc/jail.conf (" + seedStanza().length() + " bytes)",
                "mkdir -p -- /var/log/jails", "jail -f /etc/jail.conf -c mailserver"), steps);
    }

    @Test
    void absentStopsAndRemovesOnlyThatStanza() throws IOException {
        String conf = DEFAULTS + "\n" + seedStanza();
        Planned p = CannedAnswers.plan(new JailModule(), Map.of("name", "mailserver", "state", "absent"),
                running(new CannedAnswers().file(JAIL_CONF, conf)));
        assertEquals(List.of(Action.UPDATE, Action.DELETE), p.changes().stream().map(Change::action).toList());
        Step.WriteFile w = (Step.WriteFile) p.changes().get(1).steps().getFirst();
        assertEquals(DEFAULTS, new String(w.content()));
        Planned again = CannedAnswers.plan(new JailModule(), Map.of("name", "mailserver", "state", "absent"),
                new CannedAnswers().file(JAIL_CONF, DEFAULTS).shell("jls -j", 1, "", "jls: jail \"mailserver\" not found"));
        assertEquals(List.of(Action.NONE), again.changes().stream().map(Change::action).toList());
    }

    @Test
    void fileStyleWritesJailConfD() throws IOException {
        Map<String, Object> args = seedArgs();
        args.put("style", "file");
        CannedAnswers host = new CannedAnswers().dir("/var/log/jails").shell("jls -j", 1, "", "not found");
        Planned p = CannedAnswers.plan(new JailModule(), args, host);
        List<String> steps = p.changes().stream().flatMap(c -> c.steps().stream()).map(Step::display).toList();
        assertEquals("mkdir -p -- /etc/jail.conf.d", steps.get(0));
        Step.WriteFile w = (Step.WriteFile) p.changes().getFirst().steps().get(1);
        assertEquals("/etc/jail.conf.d/mailserver.conf", w.path());
        assertEquals(seedStanza(), new String(w.content()));
        host.file("/etc/jail.conf.d/mailserver.conf", seedStanza()).dir("/etc/jail.conf.d");
        assertEquals(List.of(Action.NONE), CannedAnswers.plan(new JailModule(), args, host).changes().stream()
                .map(Change::action).toList());
    }

    @Test
    void paramsRenderBooleansListsAndMounts() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", "/jails/unbound");
        params.put("persist", true);
        params.put("allow.raw_sockets", false);
        params.put("exec.prestart", List.of("logger \"starting $name\""));
        params.put("ip4.addr", List.of("10.0.0.2", "10.0.0.3"));
        Map<String, Object> args = new LinkedHashMap<>(Map.of("name", "unbound", "params", params, "comments", false));
        args.put("mounts", List.of("/var/vmail /jails/unbound/var/vmail nullfs rw 0 0",
                Map.of("src", "/data", "dest", "/jails/unbound/data", "options", "ro")));
        JailPlan plan = (JailPlan) CannedAnswers.prepare(new JailModule(), args);
        assertEquals("""
                unbound {
                    path = "/jails/unbound";
                    persist;
                    allow.noraw_sockets;
                    ip4.addr += "10.0.0.2";
                    ip4.addr += "10.0.0.3";

                    exec.prestart += "logger \\"starting \\$name\\"";

                    mount += "/var/vmail /jails/unbound/var/vmail nullfs rw 0 0";
                    mount += "/data /jails/unbound/data nullfs ro 0 0";
                }
                """, plan.definition().orElseThrow().render());
    }

    @Test
    void malformedJailConfFailsWithFileAndLine() {
        Planned p = CannedAnswers.plan(new JailModule(), seedArgs(), new CannedAnswers()
                .file(JAIL_CONF, "a {\n  path = \"/x;\n}\n").shell("jls -j", 1, "", "not found"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("cannot edit /etc/jail.conf line 2: unterminated string", p.result().get("msg"));
    }

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(Map.of("name", "mail server", "params", Map.of("path", "/j")), "not a valid jail name"),
                Arguments.of(Map.of("name", "x;rm -rf /", "params", Map.of("path", "/j")), "not a valid jail name"),
                Arguments.of(Map.of("name", "42", "params", Map.of("path", "/j")), "all digits"),
                Arguments.of(Map.of("name", "web", "params", Map.of("path", "/j"), "colour", "red"), "Unsupported parameters for (jail) module: colour"),
                Arguments.of(Map.of("name", "web", "state", "running"), "value of state must be one of"),
                Arguments.of(Map.of("name", "web", "params", Map.of("Path x", "/j")), "not a jail parameter name"),
                Arguments.of(Map.of("name", "web", "params", Map.of("path", Map.of("a", 1))), "must be a string, number, boolean or list"),
                Arguments.of(Map.of("name", "averyverylongname", "vnet", Map.of("bridge", "bridge0")), "longer than 15"),
                Arguments.of(Map.of("name", "web", "vnet", Map.of("brigde", "bridge0")), "unknown key 'brigde'"),
                Arguments.of(Map.of("name", "web", "mounts", List.of("/a nullfs")), "not an fstab(5) line"),
                Arguments.of(Map.of("name", "web", "state", "absent", "params", Map.of("path", "/j")), "state=absent"),
                Arguments.of(Map.of("name", "web"), "needs the definition"));
    }

    @ParameterizedTest
    @MethodSource("badArgs")
    void rejectsBadArguments(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new JailModule(), args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
