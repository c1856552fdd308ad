package dev.jprov.transport;

import dev.jprov.plan.Cmd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs commands on the controller itself (ansible_connection: local, delegate_to: localhost): the same
 * {@code /bin/sh -s} protocol as over SSH, so modules cannot tell the difference.
 */
public final class LocalShell implements CommandShell {
    private final Optional<Path> workingDirectory;

    public LocalShell() {
        this(Optional.empty());
    }

    public LocalShell(Optional<Path> workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public ExecResult exec(Cmd command, byte[] stdin) throws TransportException {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        workingDirectory.ifPresent(dir -> builder.directory(dir.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TransportException("localhost: cannot start " + command + ": " + e.getMessage(), e);
        }
        try {
            StreamExchange.Collected io = StreamExchange.exchange(StreamExchange.writing(stdin, process.getOutputStream()),
                    process.getInputStream(), process.getErrorStream(), process::waitFor);
            return new ExecResult(process.exitValue(), io.stdout(), io.stderr());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new TransportException("localhost: " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransportException("localhost: interrupted while running " + command, e);
        }
    }

    @Override
    public CommandShell reconnect() {
        return new LocalShell(workingDirectory);
    }

    @Override
    public void close() {
        // No connection to close: every exec is its own process.
    }

    @Override
    public String toString() {
        return "localhost";
    }
}
