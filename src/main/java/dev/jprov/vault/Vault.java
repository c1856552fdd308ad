package dev.jprov.vault;

import dev.jprov.source.LoadException;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A run's vault: the secrets from --vault-id, --vault-password-file and --ask-vault-pass, and the mask that hides
 * what they decrypted. Decrypts as Ansible's VaultLib.decrypt_and_get_vault_id: every secret is tried in the order
 * given (with {@code ANSIBLE_VAULT_ID_MATCH} only those whose id is the envelope's label); a format error stops at
 * once; errors carry Ansible's messages and the file:line they came from.
 */
public final class Vault implements Secrets {
    private final List<VaultSecret> secrets;
    private final boolean idMustMatch;
    private final SecretMask mask;

    public Vault(List<VaultSecret> secrets, boolean idMustMatch, SecretMask mask) {
        this.secrets = List.copyOf(secrets);
        this.idMustMatch = idMustMatch;
        this.mask = mask;
    }

    public List<VaultSecret> secrets() {
        return secrets;
    }

    @Override
    public byte[] decrypt(String vaultText, SourceLocation where) {
        VaultEnvelope envelope;
        try {
            envelope = VaultEnvelope.parse(vaultText);
        } catch (VaultFormatException e) {
            throw new LoadException(where, e.getMessage());
        }
        if (!envelope.cipher().equals("AES256")) {
            throw new LoadException(where, envelope.cipher() + " cipher could not be found");
        }
        if (secrets.isEmpty()) throw new LoadException(where, "Attempting to decrypt but no vault secrets found");
        for (VaultSecret secret : secrets) {
            if (idMustMatch && !secret.id().equals(envelope.id())) continue;
            Optional<byte[]> plain;
            try {
                plain = Aes256.decrypt(envelope.payload(), secret.password());
            } catch (VaultFormatException e) {
                throw new LoadException(where, "There was a vault format error: " + e.getMessage());
            }
            if (plain.isPresent()) return plain.get();
        }
        throw new LoadException(where, "Decryption failed (no vault secrets were found that could decrypt)");
    }

    /** Decrypts text; the result is not registered (callers decide what in it is secret). */
    public String decryptText(String vaultText, SourceLocation where) {
        return new String(decrypt(vaultText, where), StandardCharsets.UTF_8);
    }

    @Override
    public void register(String plaintext) {
        mask.register(plaintext);
    }

    @Override
    public String mask(String text) {
        return mask.mask(text);
    }
}
