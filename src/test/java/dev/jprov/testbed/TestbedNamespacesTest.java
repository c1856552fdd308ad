package dev.jprov.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * testbed/up, status and down (the namespace testbed of the README demo and the benchmarks) in a temporary DIR:
 * two hosts answer over SSH with strict host key checking, the inventory works for Ansible, up is idempotent,
 * and down leaves no process or namespace behind. Needs root, as testbed/up does.
 */
@IntegrationTest("namespace testbed hosts from testbed/up (root), Debian's ansible")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestbedNamespacesTest {
    private static Path repo;
    private static Path dir;

    @BeforeAll
    static void up() throws Exception {
        repo = TestbedImage.ofRepository().repository();
        dir = Files.createTempDirectory("jprov-testbed-ns");
        ProcessRunner.run(repo, "testbed/up", "ns1", "ns2", "--dir", dir.toString()).orFail("testbed/up");
    }

    @AfterAll
    static void down() throws Exception {
        if (dir != null) {
            ProcessRunner.run(repo, "testbed/down", "--dir", dir.toString(), "--purge").orFail("testbed/down");
            Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @Order(1)
    @CsvSource(delimiter = '|', textBlock = """
            ns1 | true            |
            ns1 | uname -s        | FreeBSD
            ns2 | hostname        | ns2
            ns2 | echo $0         | sh
            ns1 | test -d /jails; echo $? | 1
            """)
    void hostsAnswerOverSsh(String host, String command, String expected) throws Exception {
        ExecResult r = NamespaceHost.of(dir, host).ssh(command).orFail("ssh " + host + " " + command);
        assertEquals(expected == null ? "" : expected, r.stdout().strip());
    }

    @Test
    @Order(2)
    void inventoryWorksForAnsible() throws Exception {
        ExecResult r = ProcessRunner.run(repo, "ansible", "-i", dir.resolve("inventory.yaml").toString(), "all",
                "-m", "ping").orFail("ansible -m ping");
        assertEquals(2, r.stdout().split("\"ping\": \"pong\"", -1).length - 1, r.stdout());
        assertTrue(Files.readString(dir.resolve("inventory.yaml")).contains("freebsd_mirror: http://198.18."));
    }

    @Test
    @Order(3)
    void upIsIdempotentAndStatusListsTheHosts() throws Exception {
        String before = Files.readString(dir.resolve("hosts/ns1/pid"));
        ExecResult again = ProcessRunner.run(repo, "testbed/up", "ns1", "ns2", "--dir", dir.toString()).orFail("up again");
        assertTrue(again.stderr().contains("0 host(s) started, 2 already running"), again.stderr());
        assertEquals(before, Files.readString(dir.resolve("hosts/ns1/pid")));
        ExecResult status = ProcessRunner.run(repo, "testbed/status", "--dir", dir.toString()).orFail("status");
        assertTrue(Pattern.compile("(?m)^ns1 +198\\.18\\.\\d+\\.\\d+ +\\d+ +up$").matcher(status.stdout()).find(),
                status.stdout());
    }

    @Test
    @Order(4)
    void downStopsEveryProcessAndNamespaceOfTheHost() throws Exception {
        String pid = Files.readString(dir.resolve("hosts/ns2/pid")).split(" ")[0];
        String netns = Files.readString(dir.resolve("hosts/ns2/netns")).strip();
        NamespaceHost.of(dir, "ns2").ssh("sleep 600 > /dev/null 2>&1 &").orFail("start a background process");
        ExecResult before = ProcessRunner.run(repo, "ip", "netns", "pids", netns).orFail("ip netns pids");
        assertTrue(before.stdout().strip().lines().count() >= 2, "sshd and sleep in the namespace: " + before.stdout());

        ProcessRunner.run(repo, "testbed/down", "ns2", "--dir", dir.toString()).orFail("testbed/down ns2");

        assertFalse(Files.exists(Path.of("/proc", pid)), "namespace leader " + pid + " gone");
        for (String p : before.stdout().strip().split("\\s+")) {
            assertFalse(Files.exists(Path.of("/proc", p)), "process " + p + " of the host gone");
        }
        assertFalse(Files.exists(Path.of("/run/netns", netns)), "network namespace removed");
        ExecResult status = ProcessRunner.run(repo, "testbed/status", "--dir", dir.toString());
        assertEquals(1, status.exitCode(), status.stdout());
        Matcher m = Pattern.compile("(?m)^ns2 +\\S+ +- +down$").matcher(status.stdout());
        assertTrue(m.find(), status.stdout());
        assertFalse(Files.readString(dir.resolve("inventory.yaml")).contains("ns2:"), "ns2 left the inventory");
    }
}
