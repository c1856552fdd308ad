package dev.jprov.run;

import dev.jprov.source.LoadException;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import dev.jprov.vault.Aes256;
import dev.jprov.vault.PasswordPrompt;
import dev.jprov.vault.SecretMask;
import dev.jprov.vault.Vault;
import dev.jprov.vault.VaultEnvelope;
import dev.jprov.vault.VaultOptions;
import dev.jprov.vault.VaultSecret;
import dev.jprov.vault.VaultSecretLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jprov vault}: ansible-vault's encrypt, decrypt, view and encrypt_string, writing what ansible-vault 2.14
 * writes (so Ansible reads it) with its option rules: without a password option a password is asked on the
 * terminal; encrypt uses the one secret given, or the one {@code --encrypt-vault-id} names.
 */
public final class VaultJob {

    /** What to do, with the action's own arguments. */
    public sealed interface Action permits Encrypt, Decrypt, View, EncryptString {}

    public record Encrypt(List<Path> files, Optional<Path> output) implements Action {}

    public record Decrypt(List<Path> files, Optional<Path> output) implements Action {}

    public record View(List<Path> files) implements Action {}

    /** Strings from the command line, named in order by {@code names}; {@code stdinName} reads one more from stdin. */
    public record EncryptString(List<String> strings, List<String> names, Optional<String> stdinName,
                                boolean readStdin) implements Action {}

    private final VaultRequest vault;
    private final Optional<String> encryptVaultId;
    private final PrintStream out;
    private final PrintStream err;
    private final java.io.InputStream in;
    private final Map<String, String> env;
    private final PasswordPrompt prompt;

    public VaultJob(VaultRequest vault, Optional<String> encryptVaultId, PrintStream out, PrintStream err) {
        this(vault, encryptVaultId, out, err, System.in, System.getenv(), PasswordPrompt.console());
    }

    VaultJob(VaultRequest vault, Optional<String> encryptVaultId, PrintStream out, PrintStream err,
             java.io.InputStream in, Map<String, String> env, PasswordPrompt prompt) {
        this.vault = vault;
        this.encryptVaultId = encryptVaultId;
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.prompt = prompt;
    }

    public ExitCode run(Action action) {
        try {
            boolean encrypting = action instanceof Encrypt || action instanceof EncryptString;
            List<VaultSecret> secrets = secrets(encrypting);
            switch (action) {
                case Encrypt e -> encrypt(e, pick(secrets));
                case Decrypt d -> decrypt(d, new Vault(secrets, VaultOptions.idMustMatch(env), new SecretMask()));
                case View v -> {
                    Vault opened = new Vault(secrets, VaultOptions.idMustMatch(env), new SecretMask());
                    for (Path f : v.files()) out.print(new String(opened.decrypt(read(f), SourceLocation.of(f)),
                            StandardCharsets.UTF_8));
                }
                case EncryptString s -> encryptStrings(s, pick(secrets));
            }
            return ExitCode.OK;
        } catch (VaultSecretLoader.PasswordSourceException | VaultFailure | LoadException e) {
            err.println("ERROR! " + e.getMessage());
            return ExitCode.ERROR;
        } catch (OptionsFailure e) {
            err.println("ERROR! " + e.getMessage());
            return ExitCode.BAD_OPTIONS;
        }
    }

    /** A problem with a file or with what it holds (ansible-vault's AnsibleError). */
    private static final class VaultFailure extends RuntimeException {
        VaultFailure(String message) {
            super(message);
        }
    }

    /** Options that do not fit together (ansible-vault's AnsibleOptionsError). */
    private static final class OptionsFailure extends RuntimeException {
        OptionsFailure(String message) {
            super(message);
        }
    }

    private List<VaultSecret> secrets(boolean encrypting) {
        VaultRequest request = vault;
        // ansible-vault asks when no password option is given (auto_prompt).
        if (request.vaultIds().isEmpty() && request.passwordFiles().isEmpty() && !request.askVaultPass()
                && !env.containsKey("ANSIBLE_VAULT_PASSWORD_FILE") && !env.containsKey("ANSIBLE_VAULT_IDENTITY_LIST")) {
            request = new VaultRequest(List.of(), List.of(), true);
        }
        VaultSecretLoader.Loaded loaded = new VaultSecretLoader(prompt, Path.of("").toAbsolutePath(),
                VaultOptions.idMustMatch(env), encrypting)
                .load(new VaultOptions(request.vaultIds(), request.passwordFiles(), request.askVaultPass()), env);
        for (String w : loaded.warnings()) err.println("[WARNING]: " + w);
        if (loaded.secrets().isEmpty()) throw new OptionsFailure("A vault password is required to use Ansible's Vault");
        return loaded.secrets();
    }

    /** ansible-vault's match_encrypt_secret: the one secret, or the one --encrypt-vault-id names. */
    private VaultSecret pick(List<VaultSecret> secrets) {
        Optional<String> wanted = encryptVaultId.or(() -> Optional.ofNullable(env.get("ANSIBLE_VAULT_ENCRYPT_IDENTITY")));
        if (wanted.isEmpty()) {
            if (secrets.size() > 1) {
                throw new OptionsFailure("The vault-ids " + String.join(",", secrets.stream().map(VaultSecret::id)
                        .toList()) + " are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id");
            }
            return secrets.get(0);
        }
        return secrets.stream().filter(s -> s.id().equals(wanted.get())).findFirst()
                .orElseThrow(() -> new VaultFailure("Did not find a match for --encrypt-vault-id=" + wanted.get()
                        + " in the known vault-ids " + secrets.stream().map(s -> "'" + s.id() + "'").toList()));
    }

    private static String encryptBytes(byte[] plain, VaultSecret secret) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return VaultEnvelope.of(Aes256.encrypt(plain, secret.password(), salt), Optional.of(secret.id())).format();
    }

    private void encrypt(Encrypt e, VaultSecret secret) {
        checkOutput(e.files(), e.output());
        for (Path f : e.files()) {
            byte[] plain = bytes(f);
            if (Secrets.isEncrypted(plain)) throw new VaultFailure("input is already encrypted");
            write(e.output().orElse(f), encryptBytes(plain, secret).getBytes(StandardCharsets.US_ASCII));
        }
        if (e.output().isEmpty() || !e.output().get().toString().equals("-")) err.println("Encryption successful");
    }

    private void decrypt(Decrypt d, Vault opened) {
        checkOutput(d.files(), d.output());
        for (Path f : d.files()) {
            byte[] data = bytes(f);
            if (!Secrets.isEncrypted(data)) {
                throw new VaultFailure("input is not vault encrypted data. " + f + " is not a vault encrypted file for " + f);
            }
            write(d.output().orElse(f), opened.decrypt(new String(data, StandardCharsets.US_ASCII), SourceLocation.of(f)));
        }
        if (d.output().isEmpty() || !d.output().get().toString().equals("-")) err.println("Decryption successful");
    }

    private void encryptStrings(EncryptString s, VaultSecret secret) {
        record Named(String text, String source, String name) {}
        List<Named> all = new ArrayList<>();
        if (s.readStdin()) {
            String text;
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new VaultFailure("cannot read stdin: " + e.getMessage());
            }
            if (text.isEmpty()) throw new OptionsFailure("stdin was empty, not encrypting");
            all.add(new Named(text, "stdin", s.stdinName().orElse(null)));
        }
        List<String> args = s.strings().stream().filter(a -> !a.equals("-")).toList();
        if (!s.names().isEmpty() && args.size() > s.names().size()) {
            err.println("The number of --name options do not match the number of args.");
            err.println("The last named variable will be \"" + s.names().get(s.names().size() - 1)
                    + "\". The rest will not have names.");
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isEmpty()) {
                throw new OptionsFailure("The plaintext provided from the command line args was empty, not encrypting");
            }
            all.add(new Named(args.get(i), "the command line args", i < s.names().size() ? s.names().get(i) : null));
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Named n = all.get(i);
            String envelope = encryptBytes(n.text().getBytes(StandardCharsets.UTF_8), secret);
            // ansible-vault's format_ciphertext_yaml: a block scalar indented by 10.
            StringBuilder yaml = new StringBuilder(n.name() == null ? "" : n.name() + ": ").append("!vault |");
            for (String line : envelope.lines().toList()) yaml.append('\n').append(" ".repeat(10)).append(line);
            if (all.size() > 1) {
                err.print(n.name() != null
                        ? "# The encrypted version of variable (\"" + n.name() + "\", the string #" + (i + 1) + " from "
                                + n.source() + ").\n"
                        : "# The encrypted version of the string #" + (i + 1) + " from " + n.source() + ".)\n");
            }
            outs.add(yaml.toString());
        }
        // ansible-vault writes the blocks joined by newlines, with no final newline.
        out.print(String.join("\n", outs));
        out.flush();
        err.println("Encryption successful");
    }

    private static void checkOutput(List<Path> files, Optional<Path> output) {
        if (files.isEmpty()) throw new OptionsFailure("Vault requires at least one filename as a parameter");
        if (output.isPresent() && files.size() > 1) {
            throw new OptionsFailure("At most one input file may be used with the --output option");
        }
    }

    private static String read(Path f) {
        return new String(bytes(f), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new VaultFailure("Unable to read source file (" + f + "): " + e.getMessage());
        }
    }

    /** Writes atomically (temp file beside it, then rename), keeping an existing file's mode; new files are 0600. */
    private void write(Path target, byte[] data) {
        if (target.toString().equals("-")) {
            out.write(data, 0, data.length);
            out.flush();
            return;
        }
        Path abs = target.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, data);
                if (Files.exists(abs)) Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(abs));
                try {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new VaultFailure("Unable to write " + abs + ": " + e.getMessage());
        }
    }
}
