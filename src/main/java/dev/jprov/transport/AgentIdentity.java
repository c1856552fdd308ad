package dev.jprov.transport;

import java.util.Base64;
import java.util.Set;

/**
 * One key held by ssh-agent: its type, its public key as authorized_keys writes it (base64 of the RFC 4253
 * section 6.6 blob, so identities compare by value) and the agent's comment for it.
 */
record AgentIdentity(String keyType, String publicKey, String comment) {
    /** Key types jprov signs with through the agent; certificates and FIDO (sk-*) keys are left to ssh(1). */
    static final Set<String> USABLE_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    static AgentIdentity of(String keyType, byte[] blob, String comment) {
        return new AgentIdentity(keyType, Base64.getEncoder().encodeToString(blob), comment);
    }

    byte[] blob() {
        return Base64.getDecoder().decode(publicKey);
    }

    boolean usable() {
        return USABLE_TYPES.contains(keyType);
    }

    /** How error messages name the key: "ssh-agent key COMMENT (TYPE)". */
    String describe() {
        return "ssh-agent key " + (comment.isBlank() ? "without comment" : comment) + " (" + keyType + ")";
    }
}
