package dev.jprov.transport;

import dev.jprov.RequiredProgram;
import dev.jprov.testbed.Polling;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH sshd on 127.0.0.1 and a free port, for tests: own temp dir, generated ed25519 host key, one
 * authorized ed25519 client key, root login by key only, and a known_hosts file that trusts it. Started as a
 * child process ({@code sshd -D}) and killed by {@link #close()}. Needs the openssh-server, openssh-client and
 * util-linux Debian packages and root (sshd logs users in only when it runs as root).
 * <p>
 * sshd runs in its own mount namespace where /etc/passwd gives root the login shell /bin/sh, as on FreeBSD: this
 * machine's root shell is bash with a .bashrc that spawns ~100 processes, and sshd runs every command through
 * the login shell (which would add 100-250 ms to each).
 */
public final class LocalSshd implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final int port;
    private final Process process;
    private final Path clientKey;

    private LocalSshd(Path dir, int port, Process process, Path clientKey) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.clientKey = clientKey;
    }

    public static LocalSshd start() throws IOException {
        return start(List.of());
    }

    /** Starts sshd with extra sshd_config lines (e.g. {@code SetEnv PATH=...}). */
    public static LocalSshd start(List<String> extraConfig) throws IOException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install the openssh-server package");
        }
        Path dir = Files.createTempDirectory("jprov-sshd");
        // sshd refuses to start without its privilege separation directory; the package creates it at boot only.
        Files.createDirectories(Path.of("/run/sshd"));
        keygen(dir.resolve("host_ed25519"), "ed25519", "");
        Path clientKey = dir.resolve("client_ed25519");
        keygen(clientKey, "ed25519", "");
        Files.copy(Path.of(clientKey + ".pub"), dir.resolve("authorized_keys"));
        Path passwd = dir.resolve("passwd");
        List<String> users = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            users.add(line.startsWith("root:") ? line.substring(0, line.lastIndexOf(':') + 1) + "/bin/sh" : line);
        }
        Files.write(passwd, users, StandardCharsets.UTF_8);
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Path config = dir.resolve("sshd_config");
            List<String> lines = new ArrayList<>(List.of(
                    "Port " + port,
                    "ListenAddress " + HOST,
                    "HostKey " + dir.resolve("host_ed25519"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    "StrictModes no",
                    "MaxSessions 10",
                    "MaxStartups 200",
                    "MaxAuthTries 10",
                    "AllowTcpForwarding yes",
                    "X11Forwarding no",
                    "PrintMotd no",
                    "LogLevel ERROR"));
            lines.addAll(extraConfig);
            Files.write(config, lines, StandardCharsets.UTF_8);
            // unshare without --fork execs: the Process is sshd itself, so destroy() stops it.
            Process process = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--",
                    "/bin/sh", "-c", "mount --bind \"$1\" /etc/passwd && exec \"$2\" -D -e -f \"$3\"", "sh",
                    passwd.toString(), SSHD.toString(), config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sshd.log").toFile())
                    .start();
            try {
                awaitGreeting(port, process);
                return new LocalSshd(dir, port, process, clientKey);
            } catch (IOException e) {
                process.destroyForcibly();
                last = e; // most likely the port was taken between freePort() and sshd's bind: try another
            }
        }
        throw new IOException("sshd did not start; log: " + Files.readString(dir.resolve("sshd.log")), last);
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** The authorized client key (no passphrase). */
    public Path clientKey() {
        return clientKey;
    }

    /** The host's public key as a known_hosts line for [127.0.0.1]:port. */
    public String knownHostsLine() throws IOException {
        String[] pub = Files.readString(dir.resolve("host_ed25519.pub")).trim().split("\\s+");
        return "[" + HOST + "]:" + port + " " + pub[0] + " " + pub[1];
    }

    /** A known_hosts file (in this sshd's dir) holding just this host's key. */
    public Path knownHosts() throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, knownHostsLine() + "\n");
        return file;
    }

    /** Connecting as root with the client key and {@link #knownHosts()}, 5 s connect timeout. */
    public ConnectionSpec spec(String name) throws IOException {
        return new ConnectionSpec(name, HOST, port, "root", List.of(clientKey), Optional.of(knownHosts()), false,
                Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(30), ConnectionSpec.Become.NONE);
    }

    /** Generates another client key; {@code authorize} adds it to authorized_keys. */
    public Path newClientKey(String name, String type, String passphrase, boolean authorize) throws IOException {
        Path key = dir.resolve(name);
        keygen(key, type, passphrase);
        if (authorize) {
            Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                    java.nio.file.StandardOpenOption.APPEND);
        }
        return key;
    }

    @Override
    public void close() {
        stop(process, dir);
    }

    /** Stops a fixture's child process (SIGTERM, then SIGKILL after 5 s) and deletes its temp dir. */
    static void stop(Process process, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp dir is harmless.
        }
    }

    static void keygen(Path file, String type, String passphrase) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "jprov-test",
                "-f", file.toString()));
        if (type.equals("rsa")) cmd.addAll(List.of("-b", "2048"));
        run(cmd);
    }

    /** Runs an OpenSSH tool (ssh-keygen) to completion; fails with its output. */
    static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(RequiredProgram.command(cmd, "openssh-client")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    /** What a look at a starting sshd found. */
    private enum Start { GREETED, NOT_YET, EXITED }

    /** Ready when the port answers with an SSH banner (a listening socket alone may still be sshd starting). */
    private static void awaitGreeting(int port, Process process) throws IOException {
        Start state;
        try {
            state = Polling.until(() -> greets(port) ? Start.GREETED : process.isAlive() ? Start.NOT_YET : Start.EXITED,
                    s -> s != Start.NOT_YET, Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IOException("waiting for sshd on port " + port, e);
        }
        if (state == Start.EXITED) throw new IOException("sshd exited with " + process.exitValue());
        if (state == Start.NOT_YET) throw new IOException("sshd did not answer on port " + port + " within 10 s");
    }

    private static boolean greets(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 500);
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }
}
