package dev.jprov.transport;

/** Check mode's guard: passes probes through and refuses every change script, so a dry run cannot touch a host. */
public final class CheckModeShell implements RemoteShell {
    private final RemoteShell inner;

    public CheckModeShell(RemoteShell inner) {
        this.inner = inner;
    }

    @Override
    public ExecResult run(RemoteScript script) throws TransportException {
        if (!(script instanceof RemoteScript.ProbeScript)) {
            throw new IllegalStateException("check mode: refusing to run a change script on the host");
        }
        return inner.run(script);
    }

    @Override
    public RemoteShell reconnect() throws TransportException {
        return new CheckModeShell(inner.reconnect());
    }

    @Override
    public void close() {
        inner.close();
    }
}
