package dev.jprov.transport;

import dev.jprov.plan.Cmd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double at the command layer: records the argv and stdin each exec would send and answers exit 0 with
 * no output. For checking how wrappers (become, jexec) compose commands, not for simulating a host.
 */
public final class RecordingShell implements CommandShell {
    public record Call(List<String> argv, String stdin) {}

    private final List<Call> calls = new ArrayList<>();
    private int closes;

    @Override
    public synchronized ExecResult exec(Cmd command, byte[] stdin) {
        calls.add(new Call(command.argv(), new String(stdin, StandardCharsets.UTF_8)));
        return new ExecResult(0, new byte[0], new byte[0]);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized int closes() {
        return closes;
    }

    @Override
    public CommandShell reconnect() {
        return new RecordingShell();
    }

    @Override
    public synchronized void close() {
        closes++;
    }
}
