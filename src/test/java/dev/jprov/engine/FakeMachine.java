package dev.jprov.engine;

import dev.jprov.plan.Cmd;
import dev.jprov.transport.CommandShell;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine for engine tests that reboots: scripts run in the local sh with a fake {@code sysctl kern.boottime},
 * {@code shutdown} and {@code jexec} first on PATH (state in a directory, $FAKE). {@code shutdown} takes the
 * machine down: the session that ran it drops, every connection made before is dead, and new connections are
 * refused {@code refusals} times (the boot delay) before one is accepted, or forever.
 */
final class FakeMachine {
    private final Path dir;
    private final Path bin;
    private final int refusals;
    private final boolean comesBack;
    private int boots;
    private boolean down;
    private int refusedSinceBoot;
    private final List<Duration> connectTimeouts = new ArrayList<>();

    FakeMachine(Path dir, int refusals, boolean comesBack) {
        this.dir = dir;
        this.bin = dir.resolve("bin");
        this.refusals = refusals;
        this.comesBack = comesBack;
        try {
            Files.createDirectories(bin);
            Files.writeString(dir.resolve("boottime"), bootTime(0));
            script("sysctl", "cat \"$FAKE/boottime\"");
            script("shutdown", """
                    echo "shutdown $*" >> "$FAKE/log"
                    [ ! -e "$FAKE/marker" ] || echo "marker was there" >> "$FAKE/log"
                    touch "$FAKE/going-down"
                    """);
            script("jexec", "echo \"jexec $1\" >> \"$FAKE/log\"; shift; exec \"$@\"");
            script("refusing-shutdown", "echo 'shutdown: NOT super-user' >&2; exit 1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bootTime(int boot) {
        return "kern.boottime: { sec = " + (1764000000 + boot * 100) + ", usec = 0 } (boot " + boot + ")\n";
    }

    private void script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Path dir() {
        return dir;
    }

    synchronized int boots() {
        return boots;
    }

    synchronized List<Duration> connectTimeouts() {
        return List.copyOf(connectTimeouts);
    }

    String log() {
        try {
            Path log = dir.resolve("log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The opener of the machine's connections (sshd): refused while the machine boots. */
    synchronized CommandShell open(Optional<Duration> connectTimeout) throws TransportException {
        connectTimeout.ifPresent(connectTimeouts::add);
        if (down) {
            if (!comesBack || refusedSinceBoot < refusals) {
                refusedSinceBoot++;
                throw new TransportException("fake: connection refused");
            }
            down = false;
        }
        return new Connection(boots);
    }

    private synchronized void goDown() throws IOException {
        boots++;
        down = true;
        refusedSinceBoot = 0;
        Files.writeString(dir.resolve("boottime"), bootTime(boots));
    }

    /** One connection: alive until the machine goes down. */
    private final class Connection implements CommandShell {
        private final int boot;

        Connection(int boot) {
            this.boot = boot;
        }

        @Override
        public ExecResult exec(Cmd command, byte[] stdin) throws TransportException {
            synchronized (FakeMachine.this) {
                if (boots != boot) throw new TransportException("fake: connection reset by peer");
            }
            try {
                // ProcessBuilder finds the program on the JVM's PATH, not the child's: the fakes come first here too.
                List<String> argv = new ArrayList<>(command.argv());
                if (Files.isExecutable(bin.resolve(argv.get(0)))) argv.set(0, bin.resolve(argv.get(0)).toString());
                ProcessBuilder b = new ProcessBuilder(argv);
                b.environment().put("PATH", bin + ":" + System.getenv("PATH"));
                b.environment().put("FAKE", dir.toString());
                Process p = b.start();
                p.getOutputStream().write(stdin);
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                byte[] err = p.getErrorStream().readAllBytes();
                int rc = p.waitFor();
                if (Files.deleteIfExists(dir.resolve("going-down"))) {
                    goDown();
                    throw new TransportException("fake: the session dropped (the host went down)");
                }
                return new ExecResult(rc, out, err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted", e);
            }
        }

        @Override
        public CommandShell reconnect() throws TransportException {
            return open(Optional.empty());
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /** A clock that moves only when something sleeps; the jitter is fixed. */
    static final class VirtualTiming implements Timing {
        private java.time.Instant now = java.time.Instant.parse("2026-12-07T00:00:00Z");
        private final List<Duration> sleeps = new ArrayList<>();

        @Override
        public synchronized java.time.Instant now() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration pause) {
            sleeps.add(pause);
            now = now.plus(pause);
        }

        @Override
        public double jitter() {
            return 0.5;
        }

        synchronized List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }
    }
}
