package dev.jprov.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * One simulated FreeBSD host of a {@link Testbed}: a container of localhost/jprov-testbed-host whose sshd is
 * published on 127.0.0.1. SSH to it with {@link #privateKey()} and {@link #knownHosts()} (strict host key
 * checking works: its key is in there); {@link #exec} runs a command directly, as root, with the host's PATH
 * (the emulated FreeBSD commands first), without going through SSH.
 *
 * <p>A host reboots as FreeBSD does ({@code reboot}, {@code shutdown -r}; see testbed/README.md): the container
 * keeps running, sshd comes back on the same port with the same key after the boot delay
 * (/etc/jprov-testbed/boot-delay, default 2 s). {@link #reboot} does it and waits; or start the reboot
 * yourself ({@link #ssh}) and wait with {@link #awaitBoot}. {@link #exec} fails while the host reboots.
 */
public final class TestbedHost implements RebootableHost {
    private final String name;
    private final GenericContainer<?> container;
    private final int port;
    private final String hostKey;
    private final Path privateKey;
    private final Path knownHosts;

    TestbedHost(String name, GenericContainer<?> container, String hostKey, Path privateKey, Path knownHosts) {
        this.name = name;
        this.container = container;
        this.port = container.getMappedPort(22);
        this.hostKey = hostKey;
        this.privateKey = privateKey;
        this.knownHosts = knownHosts;
    }

    @Override
    public String name() {
        return name;
    }

    /** Where the controller reaches the host's sshd: always the loopback address. */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    /** The host's ed25519 public host key ("ssh-ed25519 AAAA..."), as recorded in {@link #knownHosts()}. */
    public String hostKey() {
        return hostKey;
    }

    /** The known_hosts line for this host. */
    String knownHostsLine() {
        return "[" + host() + "]:" + port + " " + hostKey + "\n";
    }

    /** The host's address on the container network (other hosts and the mirror reach it there). */
    public String networkAddress() {
        return container.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
    }

    /** Runs argv on the host (no shell unless argv asks for one) and waits for it. */
    public ExecResult exec(String... argv) {
        try {
            Container.ExecResult r = container.execInContainer(argv);
            return new ExecResult(r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (IOException e) {
            throw new IllegalStateException("exec on " + name + " failed: " + String.join(" ", argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: exec on " + name, e);
        }
    }

    /** The content of a file on the host (UTF-8). */
    public String readFile(String path) {
        return container.copyFileFromContainer(path, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Writes a file on the host (mode 0644, owner root; missing parent directories are created). */
    public void writeFile(String path, String content) {
        container.copyFileToContainer(Transferable.of(content.getBytes(StandardCharsets.UTF_8), 0644), path);
    }

    /**
     * Puts the host back into the state it had right after its first boot (testbed/lib/host-reset), also
     * after reboots: processes,
     * mounts, nftables, interfaces and the files under /etc /root /usr/local /var /tmp, and no /jails. The sshd,
     * its host key and the port stay the same. About a second.
     */
    public void reset() {
        exec("/opt/jprov-testbed/host-reset", "restore").orFail("host-reset on " + name);
    }

    /** remoteCommand run over SSH (strict host key checking), as root. */
    @Override
    public ExecResult ssh(String remoteCommand) {
        try {
            return ProcessRunner.run(Path.of("."), sshCommand(remoteCommand));
        } catch (IOException e) {
            throw new IllegalStateException("ssh to " + name + " failed: " + remoteCommand, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: ssh to " + name, e);
        }
    }

    /** The current boot's "SEC USEC" (/var/db/emu/kernel/boottime). */
    @Override
    public String bootTime() {
        return exec("cat", BootWait.BOOT_TIME_FILE).orFail("boot time of " + name).stdout().strip();
    }

    /** argv for OpenSSH's ssh running remoteCommand on this host as root, with strict host key checking. */
    public List<String> sshCommand(String remoteCommand) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-i", privateKey.toString(), "-p", Integer.toString(port),
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "root@" + host()));
        argv.add(remoteCommand);
        return argv;
    }

    void stop() {
        container.stop();
    }

    @Override
    public String toString() {
        return name + " (" + host() + ":" + port + ")";
    }
}
