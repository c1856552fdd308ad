package dev.jprov.transport;

import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The private key files connections authenticate with, each read and decoded once per run (not once per host)
 * and shared by all connections. jprov never prompts: a passphrase-protected key is usable only through
 * ssh-agent, which holds it decrypted once the user has run ssh-add; its public key tells which agent key it is.
 */
final class PrivateKeys {
    /** Tried in this order when the inventory names no key, like ssh(1) does. */
    static final List<String> DEFAULT_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    sealed interface Key permits Usable, Locked, Unusable {
        Path file();
    }

    /** {@code publicKey}: base64 of the public key blob, as in authorized_keys (how agent keys are matched). */
    record Usable(Path file, KeyProvider provider, String publicKey) implements Key {}

    /**
     * Protected by a passphrase. {@code publicKey} (from FILE.pub or the OpenSSH format's plain header) finds the
     * agent's copy; it is empty for a PEM key without a .pub file.
     */
    record Locked(Path file, Optional<String> publicKey) implements Key {
        String reason() {
            return "is protected by a passphrase and jprov does not prompt for one; load it into ssh-agent (ssh-add "
                    + file + ") or use a key without a passphrase";
        }
    }

    record Unusable(Path file, String reason) implements Key {}

    private final Config config;
    private final Path sshDir;
    private final Map<Path, Key> loaded = new ConcurrentHashMap<>();

    PrivateKeys(Config config, Path sshDir) {
        this.config = config;
        this.sshDir = sshDir;
    }

    /** The keys named by the inventory or command line. */
    List<Key> explicit(List<Path> files) {
        List<Key> keys = new ArrayList<>();
        for (Path file : files) keys.add(load(file));
        return keys;
    }

    /** ~/.ssh/id_ed25519, id_ecdsa, id_rsa: those that exist. */
    List<Key> defaults() {
        List<Key> keys = new ArrayList<>();
        for (String name : DEFAULT_NAMES) {
            Path file = sshDir.resolve(name);
            if (Files.isRegularFile(file)) keys.add(load(file));
        }
        return keys;
    }

    private Key load(Path file) {
        return loaded.computeIfAbsent(file.toAbsolutePath().normalize(), this::read);
    }

    private Key read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Unusable(file, Files.exists(file) ? "cannot be read: " + e.getMessage() : "does not exist");
        }
        if (isEncrypted(text)) return new Locked(file, publicKeyOfLocked(file, text));
        try {
            KeyFormat format = KeyProviderUtil.detectKeyFileFormat(text, Files.exists(Path.of(file + ".pub")));
            FileKeyProvider provider = Factory.Named.Util.create(config.getFileKeyProviderFactories(), format.toString());
            if (provider == null) return new Unusable(file, "is not a private key format jprov reads (" + format + ")");
            provider.init(file.toFile());
            provider.getPrivate(); // decode now, so a broken file fails here, once, with its name
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(provider.getPublic()).getCompactData();
            return new Usable(file, provider, Base64.getEncoder().encodeToString(blob));
        } catch (IOException | RuntimeException e) {
            return new Unusable(file, "cannot be decoded: " + e.getMessage());
        }
    }

    /** True for OpenSSH (openssh-key-v1 with a cipher), PEM (Proc-Type ENCRYPTED, PKCS#8 ENCRYPTED) and PuTTY keys. */
    static boolean isEncrypted(String text) {
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED")) {
            return true;
        }
        if (text.startsWith("PuTTY-User-Key-File")) {
            return !text.contains("Encryption: none");
        }
        return openSshHeader(text).map(header -> !header.cipher().equals("none")).orElse(false);
    }

    /** FILE.pub's key, else the one in the OpenSSH format's unencrypted header. */
    private static Optional<String> publicKeyOfLocked(Path file, String text) {
        try {
            String[] fields = Files.readString(Path.of(file + ".pub"), StandardCharsets.UTF_8).trim().split("\\s+");
            if (fields.length >= 2) return Optional.of(fields[1]);
        } catch (IOException e) {
            // No readable .pub: try the header.
        }
        return openSshHeader(text).map(OpenSshHeader::publicKey);
    }

    /** The plain part of an openssh-key-v1 file: cipher name and the (first) public key, base64. */
    private record OpenSshHeader(String cipher, String publicKey) {}

    private static Optional<OpenSshHeader> openSshHeader(String text) {
        String begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
        String end = "-----END OPENSSH PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) return Optional.empty();
        try {
            byte[] body = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
            byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            if (body.length < magic.length
                    || !Arrays.equals(body, 0, magic.length, magic, 0, magic.length)) return Optional.empty();
            Buffer.PlainBuffer buffer = new Buffer.PlainBuffer(Arrays.copyOfRange(body, magic.length, body.length));
            String cipher = buffer.readString(StandardCharsets.US_ASCII);
            buffer.readBytes(); // kdf name
            buffer.readBytes(); // kdf options
            if (buffer.readUInt32() < 1) return Optional.empty();
            return Optional.of(new OpenSshHeader(cipher, Base64.getEncoder().encodeToString(buffer.readBytes())));
        } catch (IllegalArgumentException | Buffer.BufferException e) {
            return Optional.empty();
        }
    }
}
