package dev.jprov.transport;

import net.schmizz.sshj.common.Buffer;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the ssh-agent protocol (draft-miller-ssh-agent) over the agent's Unix domain socket: list
 * the keys, sign with one. Every request opens its own connection, so one client serves all hosts authenticating
 * in parallel, and a key added to the agent during a run is seen by the hosts connecting after it.
 */
final class AgentClient {
    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    private static final int FLAG_RSA_SHA2_256 = 2;
    private static final int FLAG_RSA_SHA2_512 = 4;
    /** OpenSSH's agent refuses longer messages; a longer length is a confused peer, not a reply. */
    private static final int MAX_MESSAGE = 256 * 1024;
    /** Bounds the wait on a hung agent. Generous: an agent confirming each use (ssh-add -c) waits for its user. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path socket;

    AgentClient(Path socket) {
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /** The keys the agent holds, in its order (ssh-add's order), all types. */
    List<AgentIdentity> identities() throws IOException {
        Buffer.PlainBuffer reply = exchange(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES), IDENTITIES_ANSWER,
                "list its keys");
        long count = reply.readUInt32();
        List<AgentIdentity> identities = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            byte[] blob = reply.readBytes();
            String comment = reply.readString(StandardCharsets.UTF_8);
            String type = new Buffer.PlainBuffer(blob).readString(StandardCharsets.US_ASCII);
            identities.add(AgentIdentity.of(type, blob, comment));
        }
        return identities;
    }

    /**
     * The agent's signature over {@code data} with the key, made with {@code algorithm} (ssh-ed25519,
     * rsa-sha2-512, ...), in the SSH encoding (string algorithm, string signature) that a userauth request carries.
     */
    byte[] sign(AgentIdentity key, String algorithm, byte[] data) throws IOException {
        // An RSA key signs SHA-1 (ssh-rsa) unless a flag asks for SHA-2.
        int flags = switch (algorithm) {
            case "rsa-sha2-256" -> FLAG_RSA_SHA2_256;
            case "rsa-sha2-512" -> FLAG_RSA_SHA2_512;
            default -> 0;
        };
        Buffer.PlainBuffer request = new Buffer.PlainBuffer().putByte(SIGN_REQUEST).putString(key.blob())
                .putString(data).putUInt32(flags);
        Buffer.PlainBuffer reply = exchange(request, SIGN_RESPONSE, "sign with " + key.describe());
        byte[] signature = reply.readBytes();
        // An agent that ignores the flags signs with SHA-1, which the server would reject as a bad signature.
        String signedWith = new Buffer.PlainBuffer(signature).readString(StandardCharsets.US_ASCII);
        if (!signedWith.equals(algorithm)) {
            throw new IOException("ssh-agent at " + socket + " signed with " + signedWith + " when asked for "
                    + algorithm);
        }
        return signature;
    }

    /** One request and its reply (uint32 length, byte type, contents); the reply's contents after the type. */
    private Buffer.PlainBuffer exchange(Buffer.PlainBuffer request, byte expected, String what) throws IOException {
        byte[] body = request.getCompactData();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket)); // local: connects or fails at once
            // Non-blocking with a selector: a SocketChannel has no read timeout, and a hung agent must not hang us.
            channel.configureBlocking(false);
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            transfer(channel, selector, out, SelectionKey.OP_WRITE, deadline);
            ByteBuffer length = ByteBuffer.allocate(4);
            transfer(channel, selector, length, SelectionKey.OP_READ, deadline);
            int size = length.flip().getInt();
            if (size < 1 || size > MAX_MESSAGE) {
                throw new IOException("ssh-agent at " + socket + " sent a reply of " + Integer.toUnsignedString(size)
                        + " bytes, not an agent message");
            }
            ByteBuffer in = ByteBuffer.allocate(size);
            transfer(channel, selector, in, SelectionKey.OP_READ, deadline);
            Buffer.PlainBuffer reply = new Buffer.PlainBuffer(in.array());
            byte type = reply.readByte();
            if (type == FAILURE) throw new IOException("ssh-agent at " + socket + " refused to " + what);
            if (type != expected) {
                throw new IOException("ssh-agent at " + socket + " answered a request to " + what
                        + " with message type " + type + " (expected " + expected + ")");
            }
            return reply;
        }
    }

    private void transfer(SocketChannel channel, Selector selector, ByteBuffer buffer, int op, long deadline)
            throws IOException {
        channel.register(selector, op); // re-registering only changes the interest set
        while (buffer.hasRemaining()) {
            int n = op == SelectionKey.OP_WRITE ? channel.write(buffer) : channel.read(buffer);
            if (n < 0) throw new EOFException("ssh-agent at " + socket + " closed the connection mid-reply");
            if (n > 0) continue;
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("ssh-agent at " + socket + " did not answer within "
                        + TIMEOUT.toSeconds() + " s");
            }
            selector.select(left);
            selector.selectedKeys().clear();
        }
    }
}
