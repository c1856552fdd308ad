package dev.jprov.source;

import java.nio.charset.StandardCharsets;

/**
 * What readers of the controller's files need of ansible-vault, and what output needs of the secrets it gave:
 * an encrypted file or {@code !vault} value is opened here, and everything opened is masked in output. The vault
 * package implements it; this interface keeps the loaders free of the vault's crypto and password sources.
 */
public interface Secrets {

    /** Ansible's vault header: data that starts with it is encrypted. */
    String HEADER = "$ANSIBLE_VAULT";

    /** The plaintext of an ansible-vault envelope; {@code where} names the file (and line) in errors. */
    byte[] decrypt(String vaultText, SourceLocation where);

    /** Marks a decrypted value as secret for the rest of the run. */
    void register(String plaintext);

    /** The text with every registered secret replaced by Ansible's {@code ********}. */
    String mask(String text);

    /** A file's bytes as Ansible's DataLoader reads them: decrypted when they are a vault envelope, else as is. */
    default byte[] open(byte[] data, SourceLocation where) {
        return isEncrypted(data) ? decrypt(new String(data, StandardCharsets.US_ASCII), where) : data;
    }

    /** A file read as text for a copy/lookup: decrypted content is registered as a secret, whole and by line. */
    default byte[] openSecretFile(byte[] data, SourceLocation where) {
        if (!isEncrypted(data)) return data;
        byte[] plain = decrypt(new String(data, StandardCharsets.US_ASCII), where);
        register(new String(plain, StandardCharsets.UTF_8));
        return plain;
    }

    static boolean isEncrypted(byte[] data) {
        byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
        if (data.length < header.length) return false;
        for (int i = 0; i < header.length; i++) if (data[i] != header[i]) return false;
        // Ansible's is_encrypted: the whole blob must be ASCII too.
        for (byte b : data) if (b < 0) return false;
        return true;
    }

    /** No vault secrets were given: encrypted data is an error (as ansible-playbook without a password), masking does nothing. */
    Secrets NONE = new Secrets() {
        @Override
        public byte[] decrypt(String vaultText, SourceLocation where) {
            throw new LoadException(where, "Attempting to decrypt but no vault secrets found");
        }

        @Override
        public void register(String plaintext) {}

        @Override
        public String mask(String text) {
            return text;
        }
    };
}
