package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A host's connection variables as the inventory reads them (the spec they make: run's ConnectionDefaultsTest). */
class HostConnectionTest {
    private static final Path HOME = Path.of("/home/op");
    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void readsAddressPortUserAndSshArgs() {
        HostConnection c = HostConnection.from("web1", vars("ansible_ssh_host", "198.18.0.6", "ansible_ssh_port", 2022,
                "ansible_user", "u", "ansible_ssh_private_key_file", "~/.ssh/fleet",
                "ansible_ssh_common_args", "-o Port=2201 -C"), HOME);
        assertEquals("198.18.0.6", c.address());
        assertEquals(2022, c.effectivePort());
        assertEquals(Optional.of("u"), c.user());
        assertEquals(Optional.of(Path.of("/home/op/.ssh/fleet")), c.privateKey());
        assertEquals(List.of("-C"), c.ssh().ignored());
        assertEquals(2201, HostConnection.from("web1", vars("ansible_ssh_common_args", "-o Port=2201"), HOME)
                .effectivePort());
        assertEquals(22, HostConnection.from("web1", vars(), HOME).effectivePort());
    }

    static Stream<Arguments> becomeCases() {
        return Stream.of(
                Arguments.of(vars(), BecomeVars.NONE),
                Arguments.of(vars("ansible_become", true), new BecomeVars(true, "sudo", "root")),
                Arguments.of(vars("ansible_become", "yes", "ansible_become_method", "doas"),
                        new BecomeVars(true, "doas", "root")),
                Arguments.of(vars("ansible_become", "True", "ansible_become_method", "ansible.builtin.SU",
                        "ansible_become_user", "www"), new BecomeVars(true, "su", "www")),
                Arguments.of(vars("ansible_become", "no", "ansible_become_user", "www"),
                        new BecomeVars(false, "sudo", "www")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("becomeCases")
    void become(Map<String, Object> vars, BecomeVars expected) {
        assertEquals(expected, HostConnection.from("web1", vars, HOME).become());
    }

    @Test
    void connectionKinds() {
        HostConnection local = HostConnection.from("localhost", vars("ansible_connection", "local"), HOME);
        assertEquals(ConnectionKind.LOCAL, local.kind());
        HostConnection jail = HostConnection.from("mailhost-webmail",
                vars("ansible_connection", "jail", "jail_host", "mailhost", "ansible_host", "webmail"), HOME);
        assertEquals(ConnectionKind.JAIL, jail.kind());
        assertEquals(Optional.of("mailhost"), jail.jailHost());
        assertEquals("webmail", jail.jailName());
        assertEquals(ConnectionKind.SSH,
                HostConnection.from("h", vars("ansible_connection", "ansible.builtin.ssh"), HOME).kind());
    }

    static Stream<Arguments> badVars() {
        return Stream.of(
                Arguments.of(vars("ansible_port", "ssh"), "host web1: ansible_port 'ssh' is not a port number"),
                Arguments.of(vars("ansible_port", 70000), "host web1: ansible_port 70000 is not between 1 and 65535"),
                Arguments.of(vars("ansible_become", "maybe"), "host web1: ansible_become 'maybe' is not a boolean (use true or false)"),
                Arguments.of(vars("ansible_connection", "winrm"),
                        "host web1: ansible_connection 'winrm' is not supported (use ssh, local or jail)"),
                Arguments.of(vars("ansible_connection", "jail"),
                        "host web1: ansible_connection: jail needs jail_host (the inventory host that runs the jail)"),
                Arguments.of(vars("ansible_ssh_common_args", "-o 'ProxyJump=x"),
                        "host web1: ssh arguments: No closing quotation in: -o 'ProxyJump=x"),
                Arguments.of(vars("ansible_ssh_common_args", "-o StrictHostKeyChecking=maybe"),
                        "host web1: ssh option StrictHostKeyChecking=maybe is not one of yes, no, off, accept-new, ask"),
                Arguments.of(vars("ansible_ssh_common_args", "-o ProxyCommand='nc -X 5 %h %p'"),
                        "host web1: ssh option ProxyCommand=nc -X 5 %h %p is not supported; only 'ssh -W %h:%p "
                                + "[-p PORT] [-l USER] [user@]JUMPHOST' is (or use ProxyJump)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badVars")
    void rejects(Map<String, Object> vars, String message) {
        ConnectionVarsException e = assertThrows(ConnectionVarsException.class,
                () -> HostConnection.from("web1", vars, HOME));
        assertEquals(message, e.getMessage());
    }
}
