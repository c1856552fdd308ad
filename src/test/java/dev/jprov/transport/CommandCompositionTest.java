package dev.jprov.transport;

import dev.jprov.plan.Cmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How become and jexec wrap a command, and which names they accept. */
class CommandCompositionTest {

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sudo | root     | sudo -n -u root -- /bin/sh -s
            sudo | www data | sudo -n -u 'www data' -- /bin/sh -s
            doas | root     | doas -n -u root /bin/sh -s
            su   | root     | su root -c '/bin/sh -s'
            su   | pg       | su pg -c '/bin/sh -s'
            """)
    void becomeWrapsTheCommand(String method, String user, String expected) {
        assertEquals(expected, ConnectionSpec.Become.of(method, user).wrap(CommandShell.SCRIPT_SHELL).toShell());
    }

    @Test
    void noBecomeLeavesTheCommandAlone() {
        assertEquals(CommandShell.SCRIPT_SHELL, ConnectionSpec.Become.NONE.wrap(CommandShell.SCRIPT_SHELL));
    }

    @Test
    void suQuotesTheWholeInnerCommandOnce() {
        Cmd wrapped = ConnectionSpec.Become.of("su", "root").wrap(Cmd.of("printf", "%s", "it's"));
        assertEquals(List.of("su", "root", "-c", "printf %s 'it'\\''s'"), wrapped.argv());
    }

    @Test
    void unknownBecomeMethodIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionSpec.Become.of("pbrun", "root"));
        assertEquals("become method 'pbrun' is not supported (use sudo, doas or su)", e.getMessage());
    }

    @Test
    void jailScriptGoesThroughJexecThenBecomeOnTheHost() throws Exception {
        RecordingShell host = new RecordingShell();
        CommandShell privileged = BecomeShell.over(host, ConnectionSpec.Become.of("sudo", "root"));
        JailShell jail = JailShell.on(privileged, new JailName("web1"));
        jail.run(new RemoteScript.ProbeScript("echo hi"));
        assertEquals(List.of(new RecordingShell.Call(
                List.of("sudo", "-n", "-u", "root", "--", "jexec", "web1", "/bin/sh", "-s"), "echo hi")), host.calls());
    }

    @Test
    void closingSharedWrappersLeavesTheHostOpenButReconnectedOnesCloseTheirOwn() throws Exception {
        RecordingShell host = new RecordingShell();
        JailShell jail = JailShell.on(host, new JailName("db"));
        BecomeShell.over(jail, ConnectionSpec.Become.of("sudo", "pg")).close();
        jail.close();
        assertEquals(0, host.closes(), "the jail shares the host connection");
        CommandShell fresh = jail.reconnect();
        fresh.run(new RemoteScript.ProbeScript("true"));
        assertTrue(host.calls().isEmpty(), "the reconnected jail runs on its new host connection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web1", "db_2", "a-b", "parent.child", "42", "x"})
    void validJailNames(String name) {
        assertEquals(name, new JailName(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "web 1", "-u", ".hidden", "a..b", "a.", "a;b", "$(id)", "a/b", "é"})
    void invalidJailNames(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JailName(name));
        assertTrue(e.getMessage().startsWith("jail name"), e.getMessage());
    }
}
