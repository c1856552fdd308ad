package dev.jprov.transport;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/** A host's public key as known_hosts stores it (type and base64 blob), with OpenSSH's SHA256 fingerprint. */
record HostKey(String type, String base64) {

    static HostKey of(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return new HostKey(KeyType.fromKey(key).toString(), Base64.getEncoder().encodeToString(blob));
    }

    /** "SHA256:..." exactly as ssh-keygen -lf and OpenSSH's warnings print it. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } catch (IllegalArgumentException e) {
            return "(unreadable key)";
        }
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
