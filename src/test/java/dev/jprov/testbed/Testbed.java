package dev.jprov.testbed;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The simulated FreeBSD hosts of one JVM's test run, as containers (see {@link TestbedExtension}). A host starts
 * on first use and is reused by every later test class; tests that need a clean host call
 * {@link TestbedHost#reset()} (or {@link #freshHost}). One controller key and one known_hosts file serve all hosts.
 */
public final class Testbed implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path dir;
    private final ControllerKey key;
    private final Path knownHosts;
    private final TestbedImage image;
    private final Map<String, CompletableFuture<TestbedHost>> hosts = new ConcurrentHashMap<>();
    // Container starts block on the engine: one virtual thread each (the common pool has 1 thread on 2 cores).
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
    private MirrorServer mirror;

    private Testbed(Path dir, ControllerKey key, Path knownHosts, TestbedImage image) {
        this.dir = dir;
        this.key = key;
        this.knownHosts = knownHosts;
        this.image = image;
    }

    /** Checks the engine and the image (building it when stale) and makes the controller's key. */
    static Testbed open() throws IOException, InterruptedException {
        TestbedImage image = TestbedImage.ofRepository();
        image.ensureCurrent(TestbedImage.engine());
        Path dir = Files.createTempDirectory("jprov-testbed");
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "");
        return new Testbed(dir, ControllerKey.generate(dir), knownHosts, image);
    }

    /** The running host of this name, started now if it is not yet (its state is whatever earlier tests left). */
    public TestbedHost host(String name) {
        return hosts(name).get(0);
    }

    /** {@link #host} followed by {@link TestbedHost#reset()}. */
    public TestbedHost freshHost(String name) {
        TestbedHost h = host(name);
        h.reset();
        return h;
    }

    /** The hosts of these names, the missing ones started in parallel. */
    public List<TestbedHost> hosts(String... names) {
        List<CompletableFuture<TestbedHost>> starting = Arrays.stream(names)
                .map(n -> hosts.computeIfAbsent(n, k -> CompletableFuture.supplyAsync(() -> start(k), starter)))
                .toList();
        List<TestbedHost> result = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            try {
                result.add(starting.get(i).join());
            } catch (CompletionException e) {
                hosts.remove(names[i], starting.get(i));   // a later call may try again
                throw new IllegalStateException("testbed host " + names[i] + " did not start", e.getCause());
            }
        }
        return result;
    }

    /** An Ansible YAML inventory of these hosts in a temporary file (freebsd_mirror included when it is served). */
    public Path inventory(Collection<TestbedHost> hosts) throws IOException {
        return AnsibleInventory.write(hosts, Optional.ofNullable(mirror).map(MirrorServer::url));
    }

    /**
     * The URL of the release mirror as the hosts reach it (…/releases/amd64/14.2-RELEASE/base.txz), served from
     * build/testbed-mirror (built now if needed) on the container network's gateway address.
     */
    public synchronized String mirrorUrl() throws IOException, InterruptedException {
        if (mirror == null) {
            ProcessRunner.run(image.repository(), "testbed/mirror/build").orFail("testbed/mirror/build");
            String gateway = networkGateway();
            requireTestbedRange(gateway);
            mirror = MirrorServer.start(image.repository().resolve("build/testbed-mirror"), gateway);
        }
        return mirror.url();
    }

    public Path controllerKey() {
        return key.privateKey();
    }

    public Path knownHosts() {
        return knownHosts;
    }

    /** The gateway of the engine's default network (podman's "podman", Docker's "bridge"): the machine's side. */
    private static String networkGateway() {
        var docker = TestbedImage.engine();
        for (String network : List.of("podman", "bridge")) {
            try {
                var configs = docker.inspectNetworkCmd().withNetworkId(network).exec().getIpam().getConfig();
                if (configs != null && !configs.isEmpty() && configs.get(0).getGateway() != null) {
                    return configs.get(0).getGateway();
                }
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                // try the next engine's name
            }
        }
        throw new IllegalStateException("the container engine has neither a \"podman\" nor a \"bridge\" network");
    }

    private TestbedHost start(String name) {
        try {
            GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image.name()))
                    .withExposedPorts(22)
                    .withEnv("JPROV_HOST_NAME", name)
                    .withCopyToContainer(Transferable.of(key.publicKeyLine().getBytes(StandardCharsets.UTF_8), 0600),
                            "/etc/jprov-testbed/authorized_keys")
                    .withCreateContainerCmdModifier(cmd -> {
                        cmd.withHostName(name);
                        // sshd on 127.0.0.1 only; NET_ADMIN so the pf emulation can enforce rules with nft;
                        // SYS_ADMIN so jail(8)'s devfs and nullfs mounts are real mounts, as in testbed/up
                        cmd.getHostConfig()
                                .withCapAdd(Capability.NET_ADMIN, Capability.SYS_ADMIN)
                                .withPublishAllPorts(false)
                                .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(22)));
                    })
                    .waitingFor(Wait.forLogMessage(".*Server listening on 0\\.0\\.0\\.0 port 22.*", 1)
                            .withStartupTimeout(STARTUP));
            c.start();
            String hostKey = c.copyFileFromContainer("/etc/ssh/ssh_host_ed25519_key.pub",
                    in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).trim().replaceFirst("\\s+\\S+$", "");
            TestbedHost h = new TestbedHost(name, c, hostKey, key.privateKey(), knownHosts);
            recordHostKey(h);
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void recordHostKey(TestbedHost h) throws IOException {
        Files.writeString(knownHosts, h.knownHostsLine(), StandardOpenOption.APPEND);
    }

    /** The only addresses test traffic may go to besides loopback: 198.18.0.0/15 (see testbed/setup). */
    private static void requireTestbedRange(String address) throws IOException {
        byte[] a = InetAddress.getByName(address).getAddress();
        if (a.length != 4 || (a[0] & 0xff) != 198 || ((a[1] & 0xff) != 18 && (a[1] & 0xff) != 19)) {
            throw new IllegalStateException("the container network's gateway is " + address + ", outside the testbed "
                    + "range 198.18.0.0/15: run testbed/setup as root (it moves podman's network to 198.19.0.0/16)");
        }
    }

    @Override
    public void close() throws IOException {
        if (mirror != null) {
            mirror.close();
        }
        for (CompletableFuture<TestbedHost> f : hosts.values()) {
            try {
                f.join().stop();
            } catch (CompletionException e) {
                // never started: nothing to stop
            }
        }
        starter.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
