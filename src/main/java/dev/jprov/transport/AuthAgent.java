package dev.jprov.transport;

import com.hierynomus.sshj.key.KeyAlgorithm;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * "publickey" authentication (RFC 4252 section 7) with a key only ssh-agent holds: sshj's AuthPublickey signs
 * with a private key in memory, this has the agent sign. The key is first offered without a signature, so the
 * agent signs (and may ask its user to confirm) only for a key the server accepts.
 * <p>
 * Like sshj's AuthPublickey, the key is offered under each signature algorithm the config allows for its type,
 * best first (for RSA: rsa-sha2-512, rsa-sha2-256, ssh-rsa), the next one after each refusal: sshj 0.40 drops the
 * server's server-sig-algs list, so refusal is how we learn. A server that takes only ssh-rsa thus gets a SHA-1
 * signature, and no other server does. Not thread safe: sshj drives one method at a time under its own lock.
 */
final class AuthAgent extends AbstractAuthMethod {
    private final AgentClient agent;
    private final AgentIdentity identity;
    /** The signature algorithms still to try, the one being tried first; filled by the first request. */
    private Deque<String> algorithms;

    AuthAgent(AgentClient agent, AgentIdentity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    AgentIdentity identity() {
        return identity;
    }

    @Override
    public void request() throws UserAuthException, TransportException {
        if (algorithms == null) {
            algorithms = new ArrayDeque<>();
            try {
                for (KeyAlgorithm algorithm : params.getTransport()
                        .getClientKeyAlgorithms(KeyType.fromString(identity.keyType()))) {
                    algorithms.add(algorithm.getKeyAlgorithm());
                }
            } catch (TransportException e) {
                throw new UserAuthException(identity.describe() + ": no signature algorithm configured for "
                        + identity.keyType(), e);
            }
        }
        params.getTransport().write(fields(new SSHPacket(Message.USERAUTH_REQUEST), false));
    }

    @Override
    public void handle(Message msg, SSHPacket buf) throws UserAuthException, TransportException {
        if (msg != Message.USERAUTH_60) { // SSH_MSG_USERAUTH_PK_OK: the server would accept this key
            super.handle(msg, buf);
            return;
        }
        // What RFC 4252 section 7 has signed: the session identifier, then the signed request up to the signature.
        byte[] signedData = fields(new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putByte(Message.USERAUTH_REQUEST.toByte()), true).getCompactData();
        byte[] signature;
        try {
            signature = agent.sign(identity, algorithms.peek(), signedData);
        } catch (IOException e) {
            throw new UserAuthException(identity.describe() + ": " + e.getMessage(), e);
        }
        params.getTransport().write(fields(new SSHPacket(Message.USERAUTH_REQUEST), true).putString(signature));
    }

    /** Called by sshj after a refusal: move on to the next algorithm, if any. */
    @Override
    public boolean shouldRetry() {
        if (algorithms == null) return false;
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    /** user, service, "publickey", signed?, algorithm, key blob: the request's fields after its message number. */
    private <B extends Buffer<B>> B fields(B buffer, boolean signed) {
        return buffer.putString(params.getUsername())
                .putString(params.getNextServiceName())
                .putString(getName())
                .putBoolean(signed)
                .putString(algorithms.peek())
                .putString(identity.blob());
    }

    @Override
    public String toString() {
        return identity.describe();
    }
}
