package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import dev.jprov.facts.Resource;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SysrcModuleTest {
    private static final String RC = """
            # jail rc.conf
            ifconfig_e0b_mailserver_name="vnet0"
            syslogd_flags="-ss"
            sendmail_enable=NO
            cloned_interfaces='bridge0 bridge1'
            cron_flags="-J 60"  # stagger
            postfix_enable="NO"
            postfix_enable="YES"
            dyn="$(hostname)"
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: value set (last assignment wins)", args("name", "postfix_enable", "value", true),
                        Action.NONE, "", "", ""),
                Arguments.of("no-op: bare word", args("name", "sendmail_enable", "value", "NO"), Action.NONE, "", "", ""),
                Arguments.of("no-op: value with blank and comment", args("name", "cron_flags", "value", "-J 60"),
                        Action.NONE, "", "", ""),
                Arguments.of("update", args("name", "syslogd_flags", "value", "-s"), Action.UPDATE,
                        "sysrc -f /etc/rc.conf 'syslogd_flags=-s'", "syslogd_flags=\"-ss\"\n", "syslogd_flags=\"-s\"\n"),
                Arguments.of("YAML false is NO", args("name", "dovecot_enable", "value", false), Action.CREATE,
                        "sysrc -f /etc/rc.conf 'dovecot_enable=NO'", "", "dovecot_enable=\"NO\"\n"),
                Arguments.of("absent", args("name", "sendmail_enable", "state", "absent"), Action.DELETE,
                        "sysrc -f /etc/rc.conf -x sendmail_enable", "sendmail_enable=\"NO\"\n", ""),
                Arguments.of("no-op: absent and not there", args("name", "nope", "state", "absent"), Action.NONE, "", "", ""),
                Arguments.of("value_present adds a word", args("name", "cloned_interfaces", "value", "bridge2",
                        "state", "value_present"), Action.UPDATE,
                        "sysrc -f /etc/rc.conf 'cloned_interfaces=bridge0 bridge1 bridge2'",
                        "cloned_interfaces=\"bridge0 bridge1\"\n", "cloned_interfaces=\"bridge0 bridge1 bridge2\"\n"),
                Arguments.of("no-op: value_present and there", args("name", "cloned_interfaces", "value", "bridge1",
                        "state", "value_present"), Action.NONE, "", "", ""),
                Arguments.of("value_absent", args("name", "cloned_interfaces", "value", "bridge0",
                        "state", "value_absent"), Action.UPDATE, "sysrc -f /etc/rc.conf 'cloned_interfaces=bridge1'",
                        "cloned_interfaces=\"bridge0 bridge1\"\n", "cloned_interfaces=\"bridge1\"\n"),
                Arguments.of("a computed value is rewritten literally", args("name", "dyn", "value", "x"), Action.UPDATE,
                        "sysrc -f /etc/rc.conf 'dyn=x'", "dyn=\"$(hostname)\"\n", "dyn=\"x\"\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, Action action, String steps, String before, String after) {
        Planned p = CannedAnswers.plan(new SysrcModule(), args, CannedAnswers.text(RC));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
        assertEquals(before, Plans.before(p));
        assertEquals(after, Plans.after(p));
    }

    @Test
    void messageIsSysrcs() {
        Planned p = CannedAnswers.plan(new SysrcModule(), args("name", "syslogd_flags", "value", "-s"),
                CannedAnswers.text(RC));
        assertEquals("syslogd_flags: -ss -> -s", p.result().get("msg"));
    }

    @Test
    void tasksOnOneFileShareOneProbe() {
        Probe a = CannedAnswers.prepare(new SysrcModule(), args("name", "a_enable", "value", "YES",
                "path", "/jails/mail/etc/rc.conf")).probes().get(0);
        Probe b = CannedAnswers.prepare(new SysrcModule(), args("name", "b_flags", "value", "-x", "state", "present",
                "path", "/jails/mail/etc/rc.conf")).probes().get(0);
        Probe c = CannedAnswers.prepare(new SysrcModule(), args("name", "b_flags", "value", "-x",
                "root", "/jails/mail", "path", "/etc/rc.conf")).probes().get(0);
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(java.util.List.of(Resource.path("/jails/mail/etc/rc.conf")), a.reads());
    }

    @Test
    void missingFileIsCreatedBySysrc() {
        Planned p = CannedAnswers.plan(new SysrcModule(), args("name", "x_enable", "value", "YES", "path", "/etc/rc.conf.local"),
                new dev.jprov.facts.FileContent.Absent());
        assertEquals(Action.CREATE, Plans.action(p));
        assertEquals("sysrc -f /etc/rc.conf.local 'x_enable=YES'", Plans.steps(p));
    }

    @Test
    void jailFileIsReadThroughTheJailPathAndWritesIt() {
        ProbeAnswer answer = CannedAnswers.ok("jailpath=/jails/mailserver\n" + CannedAnswers.od(RC));
        Planned p = CannedAnswers.plan(new SysrcModule(), args("name", "dovecot_enable", "value", "YES", "jail", "mailserver"),
                answer);
        assertEquals("sysrc -j mailserver -f /etc/rc.conf 'dovecot_enable=YES'", Plans.steps(p));
        assertEquals(java.util.List.of(Resource.path("/jails/mailserver/etc/rc.conf")), p.changes().get(0).writes());
        Planned stopped = CannedAnswers.plan(new SysrcModule(), args("name", "a", "value", "b", "jail", "mailserver"),
                new ProbeAnswer(1, "", "jls: jail \"mailserver\" not found\n"));
        assertEquals(Planned.Outcome.FAILED, stopped.outcome());
        assertTrue(stopped.result().get("msg").toString().contains("not found"));
    }

    static Stream<Arguments> lexing() {
        return Stream.of(
                Arguments.of("a=\"x y\"", "x y"), Arguments.of("a='x \"y\"'", "x \"y\""), Arguments.of("a=bare # c", "bare"),
                Arguments.of("a=\"x\\\"y\"", "x\"y"), Arguments.of("a=\"multi\nline\"", "multi\nline"),
                Arguments.of("a=\"con\"'cat'", "concat"), Arguments.of("a=", ""), Arguments.of("a=\"${b}\"", null),
                Arguments.of("a=`x`", null), Arguments.of("  a=\"x\"; b=y", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lexing")
    void readsValuesAsShDoes(String text, String value) {
        Optional<String> v = RcConfText.assignments(text + "\n").get("a").text();
        assertEquals(Optional.ofNullable(value), v);
    }
}
