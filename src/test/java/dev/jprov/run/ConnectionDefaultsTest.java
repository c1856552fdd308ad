package dev.jprov.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.inventory.ConnectionVarsException;
import dev.jprov.inventory.HostConnection;
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

/** A host's connection variables over the command line's defaults, to the transport's ConnectionSpec. */
class ConnectionDefaultsTest {
    private static final Path HOME = Path.of("/home/op");
    private static final ConnectionDefaults DEFAULTS = new ConnectionDefaults("op",
            List.of(Path.of("/home/op/.ssh/id_ed25519")), false, Duration.ofSeconds(10), Duration.ofSeconds(30), HOME);

    private static ConnectionSpec spec(Map<String, Object> vars) {
        return DEFAULTS.spec(HostConnection.from("web1", vars, HOME));
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
    void onlySshHostsHaveASpec() {
        HostConnection local = HostConnection.from("localhost", vars("ansible_connection", "local"), HOME);
        assertThrows(IllegalStateException.class, () -> DEFAULTS.spec(local));
    }

    static Stream<Arguments> badBecome() {
        return Stream.of(
                Arguments.of(vars("ansible_become_method", "runas"),
                        "host web1: ansible_become_method 'runas' is not supported (use sudo, doas or su)"),
                Arguments.of(vars("ansible_become_user", ""), "host web1: become user is empty"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badBecome")
    void rejectsBecome(Map<String, Object> vars, String message) {
        HostConnection host = HostConnection.from("web1", vars, HOME);
        ConnectionVarsException e = assertThrows(ConnectionVarsException.class,
                () -> ConnectionDefaults.become(host));
        assertEquals(message, e.getMessage());
    }
}
