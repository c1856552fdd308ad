package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.transport.ConnectionSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Connection variables to a ConnectionSpec. */
class HostConnectionTest {
    private static final Path HOME = Path.of("/home/op");
    private static final ConnectionDefaults DEFAULTS = new ConnectionDefaults("op",
            List.of(Path.of("/home/op/.ssh/id_ed25519")), false, Duration.ofSeconds(10), Duration.ofSeconds(30), HOME);

    private static ConnectionSpec spec(Map<String, Object> vars) {
        return HostConnection.from("web1", vars, HOME).toSpec(DEFAULTS);
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void noVariablesGiveTheDefaults() {
        assertEquals(new ConnectionSpec("web1", "web1", 22, "op", List.of(Path.of("/home/op/.ssh/id_ed25519")),
                Optional.empty(), false, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                ConnectionSpec.Become.NONE), spec(vars()));
    }

    static Stream<Arguments> addressCases() {
        return Stream.of(
                Arguments.of(vars("ansible_host", "198.18.0.5"), "198.18.0.5", 22, "op"),
                Arguments.of(vars("ansible_port", 2222), "web1", 2222, "op"),
                Arguments.of(vars("ansible_port", "2200"), "web1", 2200, "op"),
                Arguments.of(vars("ansible_user", "admin"), "web1", 22, "admin"),
                Arguments.of(vars("ansible_ssh_host", "198.18.0.6", "ansible_ssh_port", 2022, "ansible_ssh_user", "u"),
                        "198.18.0.6", 2022, "u"),
                // when both the name and its older alias are set, the alias (later in Ansible's list) wins
                Arguments.of(vars("ansible_host", "a", "ansible_ssh_host", "b"), "b", 22, "op"),
                Arguments.of(vars("ansible_ssh_common_args", "-p 2201 -l bob"), "web1", 2201, "bob"),
                Arguments.of(vars("ansible_port", 2222, "ansible_ssh_common_args", "-o Port=2201 -o User=bob",
                        "ansible_user", "alice"), "web1", 2222, "alice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressCases")
    void addressPortUser(Map<String, Object> vars, String host, int port, String user) {
        ConnectionSpec s = spec(vars);
        assertEquals(host, s.host());
        assertEquals(port, s.port());
        assertEquals(user, s.user());
    }

    @Test
    void commonArgs() {
        ConnectionSpec s = spec(vars(
                "ansible_ssh_private_key_file", "~/.ssh/fleet",
                "ansible_ssh_common_args", "-o UserKnownHostsFile=/etc/jprov/known_hosts "
                        + "-o 'StrictHostKeyChecking accept-new' -oProxyJump=jump@bastion.example.com:2222 "
                        + "-i \"/keys/with space\" -o ServerAliveInterval=15 -o ConnectTimeout=5 -C -o ControlMaster=auto"));
        assertEquals(List.of(Path.of("/home/op/.ssh/fleet"), Path.of("/keys/with space"),
                Path.of("/home/op/.ssh/id_ed25519")), s.privateKeys());
        assertEquals(Optional.of(Path.of("/etc/jprov/known_hosts")), s.knownHosts());
        assertEquals(true, s.acceptNewHostKeys());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(15), s.keepAlive());
        ConnectionSpec jump = s.jumpHost().orElseThrow();
        assertEquals("bastion.example.com", jump.host());
        assertEquals(2222, jump.port());
        assertEquals("jump", jump.user());
        assertEquals(Optional.empty(), jump.jumpHost());
        assertEquals(List.of("-C", "-o ControlMaster=auto"),
                HostConnection.from("web1", vars("ansible_ssh_common_args", "-C -o ControlMaster=auto"), HOME)
                        .ssh().ignored());
    }

    static Stream<Arguments> strictModes() {
        return Stream.of(
                Arguments.of("yes", false), Arguments.of("ask", false), Arguments.of("accept-new", true),
                Arguments.of("no", true), Arguments.of("off", true));
    }

    @ParameterizedTest(name = "StrictHostKeyChecking={0}")
    @MethodSource("strictModes")
    void strictHostKeyChecking(String mode, boolean acceptNew) {
        assertEquals(acceptNew, spec(vars("ansible_ssh_common_args", "-o StrictHostKeyChecking=" + mode))
                .acceptNewHostKeys());
    }

    @Test
    void proxyJumpChainAndProxyCommand() {
        ConnectionSpec s = spec(vars("ansible_ssh_common_args", "-J a@one,two:2200"));
        ConnectionSpec last = s.jumpHost().orElseThrow();
        assertEquals("two", last.host());
        assertEquals(2200, last.port());
        assertEquals("op", last.user());
        ConnectionSpec first = last.jumpHost().orElseThrow();
        assertEquals("one", first.host());
        assertEquals("a", first.user());

        ConnectionSpec viaCommand = spec(vars("ansible_ssh_common_args",
                "-o ProxyCommand=\"ssh -W %h:%p -q -p 2022 ops@bastion\""));
        assertEquals("bastion", viaCommand.jumpHost().orElseThrow().host());
        assertEquals(2022, viaCommand.jumpHost().orElseThrow().port());
        assertEquals("ops", viaCommand.jumpHost().orElseThrow().user());
    }

    static Stream<Arguments> becomeCases() {
        return Stream.of(
                Arguments.of(vars(), ConnectionSpec.Become.NONE),
                Arguments.of(vars("ansible_become", true), new ConnectionSpec.Become(true, "sudo", "root")),
                Arguments.of(vars("ansible_become", "yes", "ansible_become_method", "doas"),
                        new ConnectionSpec.Become(true, "doas", "root")),
                Arguments.of(vars("ansible_become", "True", "ansible_become_method", "su", "ansible_become_user", "www"),
                        new ConnectionSpec.Become(true, "su", "www")),
                Arguments.of(vars("ansible_become", "no", "ansible_become_user", "www"),
                        new ConnectionSpec.Become(false, "sudo", "www")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("becomeCases")
    void become(Map<String, Object> vars, ConnectionSpec.Become expected) {
        assertEquals(expected, spec(vars).become());
    }

    @Test
    void connectionKinds() {
        HostConnection local = HostConnection.from("localhost", vars("ansible_connection", "local"), HOME);
        assertEquals(ConnectionKind.LOCAL, local.kind());
        assertThrows(IllegalStateException.class, () -> local.toSpec(DEFAULTS));
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
                Arguments.of(vars("ansible_become_method", "runas"),
                        "host web1: ansible_become_method 'runas' is not supported (use sudo, doas or su)"),
                Arguments.of(vars("ansible_connection", "winrm"),
                        "host web1: ansible_connection 'winrm' is not supported (use ssh, local or jail)"),
                Arguments.of(vars("ansible_connection", "jail"),
                        "host web1: ansible_connection: jail needs jail_host (the inventory host that runs the jail)"),
                Arguments.of(vars("ansible_ssh_common_args", "-o 'ProxyJump=x"),
                        "host web1: ssh arguments: no closing quotation in: -o 'ProxyJump=x"),
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

    static Stream<Arguments> words() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("-o A=b  -C", List.of("-o", "A=b", "-C")),
                Arguments.of("-o 'A b' \"c \\\" d\" e\\ f", List.of("-o", "A b", "c \" d", "e f")),
                Arguments.of("x'y'\"z\"", List.of("xyz")));
    }

    @ParameterizedTest(name = "words of [{0}]")
    @MethodSource("words")
    void shellWords(String text, List<String> expected) {
        assertEquals(expected, ShellWords.split(text));
    }
}
