package dev.jprov.facts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of bytes in lower-case hex: the form {@link FileFacts#sha256} holds and FreeBSD's
 * {@code sha256 -q} prints, so that content jprov holds (what a step will write) compares with what a host
 * reports. In facts, the lowest package, so that modules, the engine and the plan can all use this one.
 */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
