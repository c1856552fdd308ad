package dev.jprov.transport;

import dev.jprov.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A host that accepts the connection and never answers blocks no one else of the same connector. */
@IntegrationTest("a real sshd (root)")
class SilentHostBlocksNoOneTest {

    @Test
    void aGoodHostConnectsAndRunsWhileASilentOneIsStillWaiting(@TempDir Path home) throws Exception {
        try (UnreachableHostTest.SilentServer silent = UnreachableHostTest.SilentServer.start();
             LocalSshd sshd = LocalSshd.start()) {
            SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
            // A connect timeout far longer than the test: the silent attempt only ends when the server closes.
            CompletableFuture<Object> stuck = CompletableFuture.supplyAsync(() -> {
                try {
                    connector.open(UnreachableHostTest.spec("silent", silent.port(), Duration.ofMinutes(10))).close();
                    return "connected";
                } catch (TransportException e) {
                    return e;
                }
            });
            try (SshShell good = connector.open(sshd.spec("good"))) {
                assertEquals(0, good.run(new RemoteScript.ProbeScript("true")).exitCode());
            }
            assertFalse(stuck.isDone(), "the silent host's attempt ended before the good host's run: " + stuck);
            silent.close();
            assertInstanceOf(TransportException.class, stuck.get(), "the silent host's attempt fails once it hangs up");
        }
    }
}
