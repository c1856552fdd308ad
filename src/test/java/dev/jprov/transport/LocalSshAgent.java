package dev.jprov.transport;

import dev.jprov.RequiredProgram;
import dev.jprov.testbed.Polling;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OpenSSH ssh-agent for tests, listening on a socket in its own temp dir: started as a child process
 * ({@code ssh-agent -D -a SOCKET}) and killed by {@link #close()}. Keys go in with the real ssh-add. Needs the
 * openssh-client Debian package.
 */
final class LocalSshAgent implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Process process;

    private LocalSshAgent(Path dir, Path socket, Process process) {
        this.dir = dir;
        this.socket = socket;
        this.process = process;
    }

    static LocalSshAgent start() throws IOException {
        Path dir = Files.createTempDirectory("jprov-agent");
        Path socket = dir.resolve("agent.sock");
        Process process = new ProcessBuilder(RequiredProgram.command(List.of("ssh-agent", "-D", "-a", socket.toString()),
                "openssh-client"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile())
                .start();
        // Ready when it accepts a connection: the socket file appears at bind(), before the agent listens.
        boolean ready;
        try {
            ready = Polling.until(() -> accepts(socket) || !process.isAlive(), done -> done, Duration.ofSeconds(10))
                    && accepts(socket);
        } catch (Exception e) {
            throw new IOException("waiting for ssh-agent", e);
        }
        if (!ready) {
            process.destroyForcibly();
            throw new IOException("ssh-agent did not start; log: " + Files.readString(dir.resolve("agent.log")));
        }
        return new LocalSshAgent(dir, socket, process);
    }

    Path socket() {
        return socket;
    }

    /** ssh-add KEY (a key without passphrase); the agent keeps it when the file is deleted afterwards. */
    void add(Path key) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("ssh-add", "-q", key.toString())).redirectErrorStream(true);
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        builder.environment().remove("DISPLAY"); // never an askpass window
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException("ssh-add " + key + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * A new key without passphrase in {@code dir}, commented with its name; the name ends with its type:
     * ed25519, rsa (2048 bits), ecdsa256, ecdsa384 or ecdsa521 ("stranger-rsa" is an RSA key).
     */
    static Path newKey(Path dir, String name) throws IOException {
        String type = name.substring(name.lastIndexOf('-') + 1);
        List<String> typeArgs = switch (type) {
            case "ed25519" -> List.of("-t", "ed25519");
            case "rsa" -> List.of("-t", "rsa", "-b", "2048");
            case "ecdsa256", "ecdsa384", "ecdsa521" -> List.of("-t", "ecdsa", "-b", type.substring(5));
            default -> throw new IllegalArgumentException("key name " + name + " does not end with a key type");
        };
        Path key = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", name, "-f",
                key.toString()));
        cmd.addAll(typeArgs);
        LocalSshd.run(cmd);
        return key;
    }

    /** Appends KEY.pub to the sshd's authorized_keys. */
    static void authorize(LocalSshd sshd, Path key) throws IOException {
        Files.writeString(sshd.dir().resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                StandardOpenOption.APPEND);
    }

    @Override
    public void close() {
        LocalSshd.stop(process, dir);
    }

    private static boolean accepts(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }
}
