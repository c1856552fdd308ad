package dev.jprov.transport;

import dev.jprov.plan.Cmd;

import java.nio.charset.StandardCharsets;

/**
 * A target that runs one program with arguments and standard input: the layer every {@link RemoteShell} here is
 * built on. Wrappers compose on it instead of on shell text: {@link BecomeShell} prefixes sudo/doas/su,
 * {@link JailShell} prefixes jexec, so {@code run(script)} on a jail with become is
 * {@code sudo -n -u root -- jexec web1 /bin/sh -s} over the host's one connection.
 */
public interface CommandShell extends RemoteShell {

    /** The program a {@link RemoteScript} is fed to on standard input. */
    Cmd SCRIPT_SHELL = Cmd.of("/bin/sh", "-s");

    /**
     * Runs {@code command} (each argument quoted by {@link dev.jprov.plan.ShellQuote} where it crosses a shell),
     * writes {@code stdin} to it, closes its input and waits for it to exit. A command that ran and failed is an
     * {@link ExecResult} with its exit code; only a broken or unreachable target is a {@link TransportException}.
     */
    ExecResult exec(Cmd command, byte[] stdin) throws TransportException;

    @Override
    default ExecResult run(RemoteScript script) throws TransportException {
        return exec(SCRIPT_SHELL, script.text().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    CommandShell reconnect() throws TransportException;
}
