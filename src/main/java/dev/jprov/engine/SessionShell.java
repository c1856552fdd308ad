package dev.jprov.engine;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteScript;
import dev.jprov.transport.RemoteShell;
import dev.jprov.transport.TransportException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's way to its target: every script it sends (one round trip each, counted), starting with what the
 * target's first probe round said about its stat(1), and the steps that run over a connection of their own.
 */
final class SessionShell {
    private final RemoteShell shell;
    private final Machine machine;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private volatile String flavor = ""; // "jp_flavor=bsd\n" once a probe round has told

    SessionShell(RemoteShell shell, Machine machine) {
        this.shell = shell;
        this.machine = machine;
    }

    RemoteShell shell() {
        return shell;
    }

    int roundTrips() {
        return roundTrips.get();
    }

    boolean knowsFlavor() {
        return !flavor.isEmpty();
    }

    void flavor(String told) {
        flavor = told;
    }

    /** One round trip; the script starts by saying which stat(1) the target has, once that is known. */
    ExecResult send(RemoteScript script) throws TransportException {
        String f = flavor;
        RemoteScript told = f.isEmpty() ? script : switch (script) {
            case RemoteScript.ProbeScript p -> new RemoteScript.ProbeScript(f + p.text());
            case RemoteScript.ChangeScript c -> new RemoteScript.ChangeScript(f + c.text());
        };
        ExecResult result = shell.run(told);
        roundTrips.incrementAndGet();
        return result;
    }

    /** Runs the confirmation over a fresh connection; any failure to connect is a failed step, not unreachable. */
    StepResult reconfirm(Step.Reconfirm confirm) {
        try (RemoteShell fresh = shell.reconnect()) {
            ExecResult r = fresh.run(new RemoteScript.ChangeScript(confirm.script()));
            roundTrips.incrementAndGet();
            return new StepResult(r.exitCode(), r.stdoutText(), r.stderrText());
        } catch (TransportException e) {
            return new StepResult(255, "", "could not confirm over a new connection: " + e.getMessage());
        }
    }

    /** Reboots the machine and waits for it (see {@link MachineReboot}). */
    StepResult reboot(Step.Reboot reboot) {
        StepResult r = new MachineReboot(machine, shell).run(reboot);
        roundTrips.incrementAndGet();
        return r;
    }
}
