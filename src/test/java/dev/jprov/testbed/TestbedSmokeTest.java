package dev.jprov.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The container testbed works end to end: real sshd with the key, FreeBSD emulation on PATH, mirror, reset. */
@IntegrationTest("testbed container hosts (podman), Debian's ansible")
@ExtendWith(TestbedExtension.class)
class TestbedSmokeTest {

    private static ExecResult ssh(List<String> argv) throws Exception {
        return ProcessRunner.run(Path.of("."), argv);
    }

    @ParameterizedTest(name = "over ssh: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            true                            |
            uname -s                        | FreeBSD
            freebsd-version                 | 14.3-RELEASE
            echo $0                         | sh
            id -u                           | 0
            test -e /etc/jail.conf; echo $?       | 1
            """)
    void commandsRunOverSshAsOnFreeBsd(String command, String expected, Testbed testbed) throws Exception {
        TestbedHost host = testbed.host("smoke1");
        ExecResult r = ssh(host.sshCommand(command)).orFail("ssh " + host + " " + command);
        assertEquals(expected == null ? "" : expected, r.stdout().strip());
    }

    @Test
    void sshChecksTheHostKey(Testbed testbed) throws Exception {
        TestbedHost host = testbed.host("smoke1");
        assertTrue(Files.readString(host.knownHosts()).contains(host.hostKey()), "host key recorded in known_hosts");
        // the same command with a known_hosts that lacks the key must be refused
        Path empty = Files.createTempFile("known_hosts", "");
        List<String> argv = new ArrayList<>(host.sshCommand("true"));
        argv.replaceAll(a -> a.equals("UserKnownHostsFile=" + host.knownHosts()) ? "UserKnownHostsFile=" + empty : a);
        ExecResult refused = ssh(argv);
        Files.delete(empty);
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("Host key verification failed"), refused.stderr());
    }

    @Test
    void filesAndCommandsWithoutSsh(Testbed testbed) {
        TestbedHost host = testbed.host("smoke1");
        host.writeFile("/tmp/smoke/hello.txt", "hello\n");
        assertEquals("hello\n", host.readFile("/tmp/smoke/hello.txt"));
        ExecResult r = host.exec("sha256", "-q", "/tmp/smoke/hello.txt").orFail("sha256");
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", r.stdout().strip());
        assertEquals(1, host.exec("sh", "-c", "exit 1").exitCode());
    }

    @Test
    void resetRestoresTheInitialState(Testbed testbed) throws Exception {
        TestbedHost host = testbed.host("smoke-reset");
        String rcConf = host.readFile("/etc/rc.conf");
        host.exec("sysrc", "sshd_enable=YES").orFail("sysrc");
        host.exec("mkdir", "-p", "/jails/www").orFail("mkdir");
        host.exec("sh", "-c", "sleep 600 > /dev/null 2>&1 &").orFail("background sleep");
        assertTrue(host.exec("pgrep", "-x", "sleep").succeeded());

        host.reset();

        assertEquals(rcConf, host.readFile("/etc/rc.conf"));
        assertFalse(host.exec("test", "-e", "/jails").succeeded(), "/jails removed");
        assertFalse(host.exec("pgrep", "-x", "sleep").succeeded(), "background process killed");
        assertEquals("FreeBSD", ssh(host.sshCommand("uname -s")).orFail("ssh after reset").stdout().strip());
    }

    @Test
    void hostsStartTogetherAndReachEachOther(Testbed testbed) {
        List<TestbedHost> pair = testbed.hosts("smoke-a", "smoke-b");
        assertEquals(List.of("smoke-a", "smoke-b"), pair.stream().map(TestbedHost::name).toList());
        assertNotEquals(pair.get(0).port(), pair.get(1).port());
        String peer = pair.get(1).networkAddress();
        assertTrue(peer.startsWith("198.19."), "container network in the testbed range: " + peer);
        ExecResult banner = pair.get(0).exec("python3", "-c", "import socket; s = socket.create_connection(('"
                + peer + "', 22), 5); print(s.recv(64).decode().strip())").orFail("connect to the peer's sshd");
        assertTrue(banner.stdout().startsWith("SSH-2.0-OpenSSH"), banner.stdout());
        assertEquals("smoke-b", pair.get(1).exec("hostname").orFail("hostname").stdout().strip());
    }

    @Test
    void inventoryWorksForAnsible(Testbed testbed) throws Exception {
        TestbedHost host = testbed.host("smoke1");
        Path inventory = testbed.inventory(List.of(host));
        ExecResult r = ProcessRunner.run(Path.of("."), "ansible", "-i", inventory.toString(), "all", "-m", "ping");
        Files.delete(inventory);
        r.orFail("ansible -m ping");
        assertTrue(r.stdout().contains("\"ping\": \"pong\""), r.stdout());
    }

    @Test
    void mirrorServesTheReleasesToTheHosts(Testbed testbed) throws Exception {
        TestbedHost host = testbed.host("smoke1");
        String url = testbed.mirrorUrl() + "/releases/amd64/14.3-RELEASE/MANIFEST";
        host.exec("fetch", "-q", "-o", "/tmp/MANIFEST", url).orFail("fetch " + url);
        Path local = TestbedImage.ofRepository().repository()
                .resolve("build/testbed-mirror/releases/amd64/14.3-RELEASE/MANIFEST");
        assertEquals(Files.readString(local), host.readFile("/tmp/MANIFEST"));
        assertTrue(Files.readString(local).startsWith("base.txz\t"), "MANIFEST in FreeBSD's format");
    }
}
