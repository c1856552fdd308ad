package dev.jprov.vault;

import dev.jprov.source.LoadException;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the secrets the vault options name, as ansible-playbook's CLI.setup_vault_secrets: a plain file's whole
 * content stripped, an executable file's standard output (a {@code *-client} script is asked with {@code
 * --vault-id ID}), or a prompt on the terminal. A password file may itself be vault-encrypted with a secret given
 * before it. A source that fails is a warning while another one works, and an error when none does.
 */
public final class VaultSecretLoader {

    /** The secrets and the warnings for sources that failed. */
    public record Loaded(List<VaultSecret> secrets, List<String> warnings) {}

    /** A password source that cannot be used (missing file, failing script, no terminal). */
    public static final class PasswordSourceException extends RuntimeException {
        public PasswordSourceException(String message) {
            super(message);
        }
    }

    private final PasswordPrompt prompt;
    private final Path workingDirectory;
    private final boolean idMustMatch;
    private final boolean newPassword;

    public VaultSecretLoader(PasswordPrompt prompt, Path workingDirectory, boolean idMustMatch) {
        this(prompt, workingDirectory, idMustMatch, false);
    }

    /** @param newPassword a prompt asks for a new password twice (ansible-vault encrypt), not once */
    public VaultSecretLoader(PasswordPrompt prompt, Path workingDirectory, boolean idMustMatch, boolean newPassword) {
        this.prompt = prompt;
        this.workingDirectory = workingDirectory;
        this.idMustMatch = idMustMatch;
        this.newPassword = newPassword;
    }

    public Loaded load(VaultOptions options, Map<String, String> env) {
        List<VaultSecret> secrets = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PasswordSourceException last = null;
        for (VaultOptions.Source s : options.sources(env)) {
            if (s.prompts()) {
                // Ansible's --ask-vault-pass prompt is "Vault password: "; --vault-id ID@prompt names the id.
                boolean named = s.source().equals("prompt");
                byte[] password = ask(named ? (newPassword ? "New vault password (" : "Vault password (") + s.id()
                        + "): " : newPassword ? "New Vault password: " : "Vault password: ");
                if (newPassword) {
                    byte[] again = ask(named ? "Confirm new vault password (" + s.id() + "): "
                            : "Confirm New Vault password: ");
                    if (!Arrays.equals(password, again)) throw new PasswordSourceException("Passwords do not match");
                }
                secrets.add(new VaultSecret(s.id(), password));
                continue;
            }
            try {
                secrets.add(new VaultSecret(s.id(), read(s, new Vault(secrets, idMustMatch, new SecretMask()))));
            } catch (PasswordSourceException e) {
                warnings.add("Error getting vault password file (" + s.id() + "): " + e.getMessage());
                last = e;
            }
        }
        if (last != null && secrets.isEmpty()) throw last;
        return new Loaded(secrets, warnings);
    }

    private byte[] ask(String text) {
        char[] answer = prompt.ask(text).orElseThrow(() -> new PasswordSourceException(
                "--ask-vault-pass needs a terminal to ask on, and there is none (input or output is redirected): "
                        + "give the password with --vault-password-file FILE or --vault-id [ID@]FILE instead"));
        byte[] bytes = strip(StandardCharsets.UTF_8.encode(CharBuffer.wrap(answer)));
        Arrays.fill(answer, '\0');
        if (bytes.length == 0) throw new PasswordSourceException("Invalid vault password was provided");
        return bytes;
    }

    private static byte[] strip(java.nio.ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return new String(out, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] read(VaultOptions.Source s, Secrets earlier) {
        Path file = workingDirectory.resolve(expandHome(s.source()));
        if (!Files.exists(file)) throw new PasswordSourceException("The vault password file " + file + " was not found");
        if (Files.isRegularFile(file) && Files.isExecutable(file)) return runScript(file, s.id());
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PasswordSourceException("Could not read vault password file " + file + ": " + e.getMessage());
        }
        data = stripWhitespace(data);
        try {
            data = earlier.open(data, SourceLocation.of(file));
        } catch (LoadException e) {
            throw new PasswordSourceException(e.getMessage());
        }
        data = stripNewlines(data);
        if (data.length == 0) {
            throw new PasswordSourceException("Invalid vault password was provided from file (" + file + ")");
        }
        return data;
    }

    private byte[] runScript(Path file, String id) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        boolean client = (dot > 0 ? name.substring(0, dot) : name).endsWith("-client");
        List<String> command = new ArrayList<>(List.of(file.toString()));
        if (client) command.addAll(List.of("--vault-id", id));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // A plain script may prompt on the terminal: its stdin and stderr stay the user's, as in Ansible.
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (!client) pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new PasswordSourceException("Problem running vault password " + (client ? "client " : "") + "script "
                    + file + " (" + e.getMessage() + "). If this is not a script, remove the executable bit from the file.");
        }
        try {
            CompletableFuture<byte[]> err = client ? CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()))
                    : CompletableFuture.completedFuture(new byte[0]);
            byte[] out = readAll(p.getInputStream());
            int rc = p.waitFor();
            String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
            if (client && rc == 2) {
                throw new PasswordSourceException("Vault password client script " + file
                        + " did not find a secret for vault-id=" + id + ": " + stderr);
            }
            if (rc != 0) {
                throw new PasswordSourceException(client
                        ? "Vault password client script " + file + " returned non-zero (" + rc
                                + ") when getting secret for vault-id=" + id + ": " + stderr
                        : "Vault password script " + file + " returned non-zero (" + rc + ")");
            }
            byte[] password = stripNewlines(out);
            if (password.length == 0) {
                throw new PasswordSourceException("Invalid vault password was provided from script (" + file + ")");
            }
            return password;
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new PasswordSourceException("interrupted while running " + file);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    /** Python's bytes.strip(): ASCII whitespace at both ends. */
    static byte[] stripWhitespace(byte[] b) {
        int from = 0;
        int to = b.length;
        while (from < to && isSpace(b[from])) from++;
        while (to > from && isSpace(b[to - 1])) to--;
        return Arrays.copyOfRange(b, from, to);
    }

    /** Python's bytes.strip(b'\r\n'). */
    static byte[] stripNewlines(byte[] b) {
        int from = 0;
        int to = b.length;
        while (from < to && (b[from] == '\r' || b[from] == '\n')) from++;
        while (to > from && (b[to - 1] == '\r' || b[to - 1] == '\n')) to--;
        return Arrays.copyOfRange(b, from, to);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }
}
