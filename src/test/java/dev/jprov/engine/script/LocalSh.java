package dev.jprov.engine.script;

import dev.jprov.plan.Cmd;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.LocalShell;
import dev.jprov.transport.RemoteScript;
import dev.jprov.transport.TransportException;
import java.nio.charset.StandardCharsets;

/** Runs a batched script with a given local shell ({@code SHELL -s}), as the remote /bin/sh -s would. */
final class LocalSh {
    private LocalSh() {}

    static ExecResult run(String shell, RemoteScript script) {
        try {
            return new LocalShell().exec(Cmd.of(shell, "-s"), script.text().getBytes(StandardCharsets.UTF_8));
        } catch (TransportException e) {
            throw new IllegalStateException(e);
        }
    }
}
