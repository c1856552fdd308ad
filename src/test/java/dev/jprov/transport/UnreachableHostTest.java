package dev.jprov.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosts that cannot be reached fail with a TransportException that says why: a closed port at once (refused, not
 * the connect timeout), a server that never greets after the connect timeout. A silent host blocking no one
 * else needs a real sshd: {@link SilentHostBlocksNoOneTest}.
 */
class UnreachableHostTest {

    @Test
    void closedPortIsRefusedAtOnce(@TempDir Path home) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LocalSshd.HOST))) {
            port = s.getLocalPort();
        }
        SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
        // A connect timeout long enough that only a refusal ends the attempt: the message says which it was.
        TransportException e = assertThrows(TransportException.class,
                () -> connector.open(spec("closed", port, Duration.ofMinutes(10))).close());
        assertEquals("closed (root@127.0.0.1:" + port + "): cannot connect to 127.0.0.1:" + port
                + ": connection refused (is sshd running on that port?)", e.getMessage());
    }

    @Test
    void silentServerTimesOut(@TempDir Path home) throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            SshConnector connector = new SshConnector(home, Optional.empty(), SshConnector.DEFAULT_MAX_CHANNELS);
            TransportException e = assertThrows(TransportException.class,
                    () -> connector.open(spec("silent", silent.port(), Duration.ofMillis(300))).close());
            assertTrue(e.getMessage().contains("but got no SSH greeting within 300 ms"), e.getMessage());
        }
    }

    static ConnectionSpec spec(String name, int port, Duration timeout) {
        ConnectionSpec base = ConnectionSpec.of(name, LocalSshd.HOST, port, "root");
        return new ConnectionSpec(name, base.host(), port, "root", List.of(), Optional.empty(), false, Optional.empty(),
                timeout, base.keepAlive(), ConnectionSpec.Become.NONE);
    }

    /** A TCP server on 127.0.0.1 that accepts connections and never says a word. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        private SilentServer(ServerSocket socket) {
            this.socket = socket;
        }

        static SilentServer start() throws Exception {
            SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getByName(LocalSshd.HOST)));
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) server.accepted.add(server.socket.accept()); // accept, never answer
                } catch (Exception closed) {
                    // test over
                }
            });
            return server;
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Closes the server and every connection it accepted: a client still waiting for a greeting fails. */
        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket s : accepted) s.close();
        }
    }
}
