package dev.jprov.modules.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digests Ansible's results show of content jprov sends (copy's checksum is sha1, its md5sum md5). The
 * sha256 that is compared with a host's files is {@link dev.jprov.facts.Sha256}.
 */
public final class ContentHashes {
    private ContentHashes() {}

    public static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    public static String sha1(byte[] content) {
        return hex("SHA-1", content);
    }

    public static String md5(byte[] content) {
        return hex("MD5", content);
    }
}
