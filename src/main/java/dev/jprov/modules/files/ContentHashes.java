package dev.jprov.modules.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of content jprov sends, computed locally: sha256 to compare with the host, sha1/md5 for Ansible's results. */
public final class ContentHashes {
    private ContentHashes() {}

    public static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    public static String sha256(byte[] content) {
        return hex("SHA-256", content);
    }

    public static String sha1(byte[] content) {
        return hex("SHA-1", content);
    }

    public static String md5(byte[] content) {
        return hex("MD5", content);
    }
}
