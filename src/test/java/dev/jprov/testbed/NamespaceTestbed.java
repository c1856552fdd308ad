package dev.jprov.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A namespace testbed of its own in a temporary directory, for a test class's lifetime: testbed/up NAME... --dir
 * DIR, then testbed/down. The testbed is the repository's testbed/ unless JPROV_TESTBED_HOME names another, so a
 * test can run against a testbed checked out elsewhere. Needs root, as testbed/up does.
 *
 * <pre>{@code
 * NamespaceTestbed tb = NamespaceTestbed.inTempDir("jprov-reboot");   // in @BeforeAll
 * tb.up("rb1", "rb2");
 * Jprov.run("apply", "-i", tb.inventory().toString(), ...);
 * tb.host("rb1").reboot(Duration.ofSeconds(120));
 * tb.down();                                                           // in @AfterAll, if tb != null
 * }</pre>
 */
public final class NamespaceTestbed {
    /** Where the tests run (the repository): testbed/ below it, and the directory testbed/up and down run in. */
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern INVENTORY_HOST = Pattern.compile("(?m)^    ([a-z0-9-]+):\\n      ansible_host: (\\S+)");

    private final Path home;
    private final Path dir;
    private final Map<String, String> addresses = new HashMap<>();

    private NamespaceTestbed(Path home, Path dir) {
        this.home = home;
        this.dir = dir;
    }

    /**
     * A testbed in a new temporary directory (named from tempPrefix), no host started yet. Made apart from
     * {@link #up} so that a test's teardown can stop what a failed up started.
     */
    public static NamespaceTestbed inTempDir(String tempPrefix) throws IOException {
        Path home = Path.of(System.getenv().getOrDefault("JPROV_TESTBED_HOME", REPO.resolve("testbed").toString()));
        return new NamespaceTestbed(home, Files.createTempDirectory(tempPrefix));
    }

    /** Starts the named hosts; fails unless testbed/up succeeds and its inventory lists them all. */
    public void up(String... names) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(home.resolve("up").toString()));
        argv.addAll(List.of(names));
        argv.addAll(List.of("--dir", dir.toString()));
        ProcessRunner.run(REPO, argv).orFail("testbed/up");
        String inventory = Files.readString(inventory());
        Matcher m = INVENTORY_HOST.matcher(inventory);
        while (m.find()) addresses.put(m.group(1), m.group(2));
        if (!addresses.keySet().containsAll(List.of(names))) {
            throw new AssertionError("testbed/up " + String.join(" ", names) + " left an inventory without them all:\n"
                    + inventory);
        }
    }

    /** The testbed's directory: its inventory, SSH key, known_hosts, mirror.url and the hosts' files. */
    public Path dir() {
        return dir;
    }

    /** The Ansible inventory testbed/up wrote: every host with its address and the testbed's SSH settings. */
    public Path inventory() {
        return dir.resolve("inventory.yaml");
    }

    /** A host's ansible_host in the inventory. */
    public String address(String name) {
        return addresses.get(name);
    }

    public NamespaceHost host(String name) {
        return NamespaceHost.of(dir, name);
    }

    /**
     * Stops every host, the mirror and the bridge; the hosts' files stay in the directory. Its exit code is not
     * checked (nor downAndPurge's): a testbed that will not stop is not what the tests using it test.
     */
    public void down() throws IOException, InterruptedException {
        ProcessRunner.run(REPO, home.resolve("down").toString(), "--dir", dir.toString());
    }

    /** {@link #down}, and the hosts' files deleted too (testbed/down --purge). */
    public void downAndPurge() throws IOException, InterruptedException {
        ProcessRunner.run(REPO, home.resolve("down").toString(), "--dir", dir.toString(), "--purge");
    }
}
