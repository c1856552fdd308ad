package dev.jprov.transport;

import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The private key files connections authenticate with, each read and decoded once per run (not once per host)
 * and shared by all connections. jprov never prompts: a passphrase-protected key is reported as unusable with
 * what to do instead.
 */
final class PrivateKeys {
    /** Tried in this order when the inventory names no key, like ssh(1) does. */
    static final List<String> DEFAULT_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    sealed interface Key permits Usable, Unusable {
        Path file();
    }

    record Usable(Path file, KeyProvider provider) implements Key {}

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
        if (isEncrypted(text)) {
            return new Unusable(file, "is protected by a passphrase and jprov does not prompt for one; load it into "
                    + "ssh-agent (ssh-add " + file + ") or use a key without a passphrase");
        }
        try {
            KeyFormat format = KeyProviderUtil.detectKeyFileFormat(text, Files.exists(Path.of(file + ".pub")));
            FileKeyProvider provider = Factory.Named.Util.create(config.getFileKeyProviderFactories(), format.toString());
            if (provider == null) return new Unusable(file, "is not a private key format jprov reads (" + format + ")");
            provider.init(file.toFile());
            provider.getPrivate(); // decode now, so a broken file fails here, once, with its name
            provider.getPublic();
            return new Usable(file, provider);
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
        String begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
        String end = "-----END OPENSSH PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) return false;
        try {
            byte[] body = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
            byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            if (body.length < magic.length + 4) return false;
            ByteBuffer buf = ByteBuffer.wrap(body, magic.length, body.length - magic.length);
            int len = buf.getInt();
            if (len < 0 || len > buf.remaining()) return false;
            String cipher = new String(body, buf.position(), len, StandardCharsets.US_ASCII);
            return !cipher.equals("none");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
