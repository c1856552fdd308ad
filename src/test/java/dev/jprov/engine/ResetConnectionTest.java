package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.report.Status;
import dev.jprov.transport.ReopenableShell;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meta: reset_connection closes the host's SSH connection and opens a new one; later tasks use the new one. */
class ResetConnectionTest {
    private final EngineRunner engine = new EngineRunner();

    @Test
    void opensTheConnectionAgain(@TempDir Path dir) throws Exception {
        FakeMachine fake = new FakeMachine(dir.resolve("machine"), 0, true);
        AtomicInteger opened = new AtomicInteger();
        ReopenableShell connection = ReopenableShell.open(EngineRunner.HOST, t -> {
            opened.incrementAndGet();
            return fake.open(t);
        });
        HostSession session = new HostSession(EngineRunner.HOST, connection, ".t~",
                Machine.reachedBy(connection, Timing.SYSTEM));
        EngineRunner.Run run = engine.run(dir, """
                tasks:
                  - command: echo before
                  - meta: reset_connection
                  - command: echo after
                    register: after
                """, session);
        assertEquals(2, opened.get(), "the first connection and the one the reset opened");
        assertEquals(2, run.results().size());
        assertEquals(Status.CHANGED, run.results().get(1).status());
        assertEquals("after", run.results().get(1).result().get("stdout"));
    }

    @Test
    void withoutResetOneConnection(@TempDir Path dir) throws Exception {
        FakeMachine fake = new FakeMachine(dir.resolve("machine"), 0, true);
        AtomicInteger opened = new AtomicInteger();
        ReopenableShell connection = ReopenableShell.open(EngineRunner.HOST, t -> {
            opened.incrementAndGet();
            return fake.open(t);
        });
        HostSession session = new HostSession(EngineRunner.HOST, connection, ".t~",
                Machine.reachedBy(connection, Timing.SYSTEM));
        engine.run(dir, """
                tasks:
                  - command: echo only
                """, session);
        assertEquals(1, opened.get());
    }
}
