package dev.jprov.transport;

import dev.jprov.plan.Cmd;

/**
 * Runs every command of an inner shell as another user (sudo / doas / su), sharing the inner shell's connection.
 * Cheap to create, so a task with its own become can wrap the host's plain shell for just that task.
 */
public final class BecomeShell implements CommandShell {
    private final CommandShell inner;
    private final ConnectionSpec.Become become;
    private final boolean ownsInner;

    private BecomeShell(CommandShell inner, ConnectionSpec.Become become, boolean ownsInner) {
        this.inner = inner;
        this.become = become;
        this.ownsInner = ownsInner;
    }

    /** Shares {@code inner}: closing this shell leaves inner open. */
    public static CommandShell over(CommandShell inner, ConnectionSpec.Become become) {
        return become.enabled() ? new BecomeShell(inner, become, false) : inner;
    }

    /** Takes {@code inner} over: closing this shell closes inner. */
    public static CommandShell owning(CommandShell inner, ConnectionSpec.Become become) {
        return become.enabled() ? new BecomeShell(inner, become, true) : inner;
    }

    @Override
    public ExecResult exec(Cmd command, byte[] stdin) throws TransportException {
        return inner.exec(become.wrap(command), stdin);
    }

    @Override
    public CommandShell reconnect() throws TransportException {
        return new BecomeShell(inner.reconnect(), become, true);
    }

    @Override
    public void close() {
        if (ownsInner) inner.close();
    }

    @Override
    public String toString() {
        return inner + " as " + become.user() + " (" + become.method() + ")";
    }
}
