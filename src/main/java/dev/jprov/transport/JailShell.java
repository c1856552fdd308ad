package dev.jprov.transport;

import dev.jprov.plan.Cmd;

/**
 * A jail reached through its host: every command becomes {@code jexec NAME CMD} on the host's shell, so the jail
 * needs nothing but /bin/sh and the host's one SSH connection carries it. Become belongs to the host shell
 * given here (jexec itself needs root on the host).
 */
public final class JailShell implements CommandShell {
    private final CommandShell host;
    private final JailName jail;
    private final boolean ownsHost;

    private JailShell(CommandShell host, JailName jail, boolean ownsHost) {
        this.host = host;
        this.jail = jail;
        this.ownsHost = ownsHost;
    }

    /** A jail of {@code host} sharing its connection: closing the jail shell leaves the host open. */
    public static JailShell on(CommandShell host, JailName jail) {
        return new JailShell(host, jail, false);
    }

    public JailName jail() {
        return jail;
    }

    @Override
    public ExecResult exec(Cmd command, byte[] stdin) throws TransportException {
        return host.exec(Cmd.of("jexec", jail.value()).plus(command.argv()), stdin);
    }

    /** A new connection to the host, with this jail on it; closing the result closes that connection. */
    @Override
    public CommandShell reconnect() throws TransportException {
        return new JailShell(host.reconnect(), jail, true);
    }

    @Override
    public void close() {
        if (ownsHost) host.close();
    }

    @Override
    public String toString() {
        return "jail " + jail + " on " + host;
    }
}
