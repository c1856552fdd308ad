package dev.jprov.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hosts that cannot be reached fail fast with a TransportException that says why, and block no one else. */
class UnreachableHostTest {

    @Test
    void closedPortIsRefusedAtOnce(@TempDir Path home) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LocalSshd.HOST))) {
            port = s.getLocalPort();
        }
        SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        long start = System.nanoTime();
        TransportException e = assertThrows(TransportException.class,
                () -> connector.open(spec("closed", port, Duration.ofSeconds(10))).close());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "fails fast, not after the connect timeout");
        assertEquals("closed (root@127.0.0.1:" + port + "): cannot connect to 127.0.0.1:" + port
                + ": connection refused (is sshd running on that port?)", e.getMessage());
    }

    @Test
    void silentServerTimesOutAndOthersGoOn(@TempDir Path home) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(LocalSshd.HOST));
             LocalSshd sshd = LocalSshd.start()) {
            List<Socket> accepted = new ArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) accepted.add(silent.accept()); // accept, never answer
                } catch (Exception closed) {
                    // test over
                }
            });
            SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
            long start = System.nanoTime();
            CompletableFuture<TransportException> stuck = CompletableFuture.supplyAsync(() -> {
                try {
                    connector.open(spec("silent", silent.getLocalPort(), Duration.ofMillis(1500))).close();
                    return null;
                } catch (TransportException e) {
                    return e;
                }
            });
            try (SshShell good = connector.open(sshd.spec("good"))) {
                assertEquals(0, good.run(new RemoteScript.ProbeScript("true")).exitCode());
            }
            double goodSeconds = (System.nanoTime() - start) / 1e9;
            TransportException e = stuck.get();
            double silentSeconds = (System.nanoTime() - start) / 1e9;
            assertTrue(goodSeconds < 1.4, "the good host did not wait for the silent one: " + goodSeconds);
            assertTrue(silentSeconds >= 1.4 && silentSeconds < 5, "timed out after ~1.5 s: " + silentSeconds);
            assertTrue(e.getMessage().contains("but got no SSH greeting within 1500 ms"), e.getMessage());
            for (Socket s : accepted) s.close();
        }
    }

    private static ConnectionSpec spec(String name, int port, Duration timeout) {
        ConnectionSpec base = ConnectionSpec.of(name, LocalSshd.HOST, port, "root");
        return new ConnectionSpec(name, base.host(), port, "root", List.of(), Optional.empty(), false, Optional.empty(),
                timeout, base.keepAlive(), ConnectionSpec.Become.NONE);
    }
}
