package dev.jprov.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible's VaultAES256 cipher: PBKDF2-HMAC-SHA256 (10000 iterations) turns the password and a 32-byte salt into
 * 80 bytes (AES key, HMAC key, counter), the PKCS7-padded plaintext is encrypted with AES-256-CTR, and an
 * HMAC-SHA256 of the ciphertext is checked before decrypting. The payload is hexlify(hexlify(salt) \n
 * hexlify(hmac) \n hexlify(ciphertext)), as ansible-vault writes it.
 */
public final class Aes256 {
    private static final int ITERATIONS = 10_000;
    private static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final HexFormat HEX = HexFormat.of();

    private Aes256() {}

    /**
     * The plaintext, or empty when the password does not fit (the HMAC does not match). A payload that is not
     * hex or not three parts is a {@link VaultFormatException}, whatever the password.
     */
    public static Optional<byte[]> decrypt(String payload, byte[] password) {
        byte[] inner = unhex(payload);
        String text = new String(inner, StandardCharsets.US_ASCII);
        String[] parts = text.split("\n", 3);
        if (parts.length < 3) {
            throw new VaultFormatException("Vault vaulttext format error: not enough values to unpack (expected 3, got "
                    + parts.length + ")");
        }
        byte[] salt = unhex(parts[0]);
        byte[] hmac = unhex(parts[1]);
        byte[] ciphertext = unhex(parts[2]);
        byte[] derived = pbkdf2(password, salt);
        byte[] key1 = Arrays.copyOfRange(derived, 0, KEY_LENGTH);
        byte[] key2 = Arrays.copyOfRange(derived, KEY_LENGTH, 2 * KEY_LENGTH);
        byte[] iv = Arrays.copyOfRange(derived, 2 * KEY_LENGTH, 2 * KEY_LENGTH + IV_LENGTH);
        if (!MessageDigest.isEqual(hmac(key2, ciphertext), hmac)) return Optional.empty();
        byte[] padded = ctr(Cipher.DECRYPT_MODE, key1, iv, ciphertext);
        int n = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
        if (n < 1 || n > 16 || n > padded.length) throw new VaultFormatException("Invalid padding bytes.");
        for (int i = padded.length - n; i < padded.length; i++) {
            if ((padded[i] & 0xff) != n) throw new VaultFormatException("Invalid padding bytes.");
        }
        return Optional.of(Arrays.copyOf(padded, padded.length - n));
    }

    /** The payload of {@code plaintext} under {@code password} with the given 32-byte salt. */
    public static String encrypt(byte[] plaintext, byte[] password, byte[] salt) {
        byte[] derived = pbkdf2(password, salt);
        byte[] key1 = Arrays.copyOfRange(derived, 0, KEY_LENGTH);
        byte[] key2 = Arrays.copyOfRange(derived, KEY_LENGTH, 2 * KEY_LENGTH);
        byte[] iv = Arrays.copyOfRange(derived, 2 * KEY_LENGTH, 2 * KEY_LENGTH + IV_LENGTH);
        int n = 16 - plaintext.length % 16;
        byte[] padded = Arrays.copyOf(plaintext, plaintext.length + n);
        Arrays.fill(padded, plaintext.length, padded.length, (byte) n);
        byte[] ciphertext = ctr(Cipher.ENCRYPT_MODE, key1, iv, padded);
        String inner = HEX.formatHex(salt) + "\n" + HEX.formatHex(hmac(key2, ciphertext)) + "\n"
                + HEX.formatHex(ciphertext);
        return HEX.formatHex(inner.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] unhex(String hex) {
        // Python's binascii messages, as Ansible shows them.
        if (hex.length() % 2 != 0) throw new VaultFormatException("Vault format unhexlify error: Odd-length string");
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                throw new VaultFormatException("Vault format unhexlify error: Non-hexadecimal digit found");
            }
        }
        return HEX.parseHex(hex);
    }

    /** PBKDF2 over the password's bytes: the JDK's PBEKeySpec takes chars, and a vault password is bytes. */
    static byte[] pbkdf2(byte[] password, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            int length = 2 * KEY_LENGTH + IV_LENGTH;
            byte[] out = new byte[length];
            int blocks = (length + 31) / 32;
            for (int block = 1; block <= blocks; block++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < ITERATIONS; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) t[j] ^= u[j];
                }
                System.arraycopy(t, 0, out, (block - 1) * 32, Math.min(32, length - (block - 1) * 32));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] ctr(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CTR", e);
        }
    }
}
