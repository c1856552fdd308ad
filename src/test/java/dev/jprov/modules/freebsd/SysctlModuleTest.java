package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ansible.posix.sysctl's planning. The file texts are what ansible-playbook 2.14.18 (ansible.posix of Ansible 7.7)
 * left, recorded locally with reload: false and sysctl_file in a temporary directory.
 */
class SysctlModuleTest {
    static final String CONF = "# comment\n  kern.ipc.somaxconn = 1024\n\n; semi\nnet.inet.ip.forwarding=0\n"
            + "kern.ipc.somaxconn=2048\nbad line\nsecurity.bsd.see_other_uids=0";

    /** What the live probe prints for a writable variable with this value on a host. */
    static String live(String value) {
        return "jailed=0\nwritable=x\ntunable=\nknown=1\n" + value + "\n";
    }

    static CannedAnswers host(String liveAnswer) {
        return new CannedAnswers().file("/etc/sysctl.conf", CONF).shell("sysctl -N -W", 0, liveAnswer, "");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: file and kernel agree", args("name", "net.inet.ip.forwarding", "value", "0"),
                        live("0"), Action.NONE, ""),
                Arguments.of("no-op: absent and not there", args("name", "kern.nope", "state", "absent"),
                        live("0"), Action.NONE, ""),
                Arguments.of("no-op: words compared, not blanks", args("name", "security.bsd.see_other_uids",
                        "value", "0", "sysctl_set", true), live(" 0 "), Action.NONE, ""),
                Arguments.of("file changed then reloaded", args("name", "net.inet.ip.forwarding", "value", "yes"),
                        live("0"), null, "write /etc/sysctl.conf (106 bytes)\n/etc/rc.d/sysctl reload"),
                Arguments.of("file right, kernel not: reload", args("name", "net.inet.ip.forwarding", "value", 0),
                        live("1"), Action.RUN, "/etc/rc.d/sysctl reload"),
                Arguments.of("reload: false and kernel differs: no-op as Ansible",
                        args("name", "net.inet.ip.forwarding", "value", "0", "reload", false), live("1"), Action.NONE, ""),
                Arguments.of("sysctl_set sets the live value first", args("name", "net.inet.ip.forwarding", "value", "0",
                        "reload", false, "sysctl_set", true, "ignoreerrors", true), live("1"), Action.UPDATE,
                        "sysctl -i 'net.inet.ip.forwarding=0'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, String liveAnswer, Action action, String steps) {
        Planned p = CannedAnswers.plan(new SysctlModule(), args, host(liveAnswer));
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        if (action != null) assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void rewritesTheFileAsAnsible() {
        Planned set = CannedAnswers.plan(new SysctlModule(), args("name", "net.inet.ip.forwarding", "value", "yes",
                "reload", false), host(live("0")));
        assertEquals("# comment\nkern.ipc.somaxconn=1024\n\n; semi\nnet.inet.ip.forwarding=1\nbad line\n"
                + "security.bsd.see_other_uids=0\n", Plans.after(set));
        Planned absent = CannedAnswers.plan(new SysctlModule(), args("name", "kern.ipc.somaxconn", "state", "absent",
                "reload", false), host(live("128")));
        assertEquals("# comment\n\n; semi\nnet.inet.ip.forwarding=0\nbad line\nsecurity.bsd.see_other_uids=0\n",
                Plans.after(absent));
        String after = SysctlConf.parse(Plans.after(absent)).rewrite("vfs.usermount", java.util.Optional.of("1"));
        assertEquals("# comment\n\n; semi\nnet.inet.ip.forwarding=0\nbad line\nsecurity.bsd.see_other_uids=0\n"
                + "vfs.usermount=1\n", after);
    }

    @Test
    void aRunTimeReadOnlyTunableGoesToLoaderConfAndAsksForAReboot() {
        CannedAnswers host = new CannedAnswers().file("/etc/sysctl.conf", "").file("/boot/loader.conf",
                "zfs_load=\"YES\"\n").shell("sysctl -N -W", 0, "jailed=0\nwritable=\ntunable=kern.racct.enable\nknown=1\n0\n", "");
        Planned p = CannedAnswers.plan(new SysctlModule(), args("name", "kern.racct.enable", "value", 1), host);
        assertEquals(Action.UPDATE, Plans.action(p));
        assertEquals("zfs_load=\"YES\"\nkern.racct.enable=\"1\"\n", Plans.after(p));
        assertEquals(true, p.result().get("reboot_required"));
        assertTrue(p.result().get("warnings").toString().contains("loader tunable, read-only at run time"));
        Planned again = CannedAnswers.plan(new SysctlModule(), args("name", "kern.racct.enable", "value", 1),
                new CannedAnswers().file("/boot/loader.conf", Plans.after(p)).shell("sysctl -N -W", 0,
                        "jailed=0\nwritable=\ntunable=kern.racct.enable\nknown=1\n0\n", ""));
        assertEquals(Action.NONE, Plans.action(again));
        assertEquals(true, again.result().get("reboot_required"), "still needed until the boot");
    }

    @Test
    void readOnlyVariablesFailNamingThem() {
        Planned p = CannedAnswers.plan(new SysctlModule(), args("name", "kern.ostype", "value", "Linux"),
                host("jailed=0\nwritable=\ntunable=\nknown=1\nFreeBSD\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertTrue(p.result().get("msg").toString().contains("kern.ostype is read only"));
    }

    @Test
    void inAJailOnlyTheFileIsManagedWithAWarning() {
        String jailed = "jailed=1\nwritable=x\ntunable=\nknown=1\n0\n";
        Planned p = CannedAnswers.plan(new SysctlModule(), args("name", "net.inet.ip.forwarding", "value", "1"),
                host(jailed));
        assertEquals("write /etc/sysctl.conf (106 bytes)", Plans.steps(p));
        assertTrue(p.result().get("warnings").toString().contains("cannot be set in a jail"));
        Planned again = CannedAnswers.plan(new SysctlModule(), args("name", "net.inet.ip.forwarding", "value", "0"),
                host("jailed=1\nwritable=x\ntunable=\nknown=1\n1\n"));
        assertEquals(Action.NONE, Plans.action(again));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(args("name", "x"), "state is present but all of the following are missing: value"),
                Arguments.of(args("value", "1"), "missing required arguments: name"),
                Arguments.of(args("name", "", "value", "1"), "name cannot be blank"),
                Arguments.of(args("name", "a.b", "value", ""), "value cannot be blank"),
                Arguments.of(args("name", "a.b", "val", "1", "value", "2"), "mutually exclusive: value|val"),
                Arguments.of(args("name", "a.b", "value", "1", "state", "gone"), "value of state must be one of"),
                Arguments.of(args("name", "a.b", "value", "1", "reload", "maybe"), "unable to convert to bool"),
                Arguments.of(args("name", "a.b", "value", "1", "sysctl_file", "etc/sysctl.conf"), "must be an absolute path"),
                Arguments.of(args("name", "a.b", "value", "1", "persist", true), "Unsupported parameters for (sysctl) module: persist"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void refuses(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new SysctlModule(), args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void namesAreAnsibles() {
        assertEquals(List.of("sysctl", "ansible.posix.sysctl"), new SysctlModule().names());
    }
}
