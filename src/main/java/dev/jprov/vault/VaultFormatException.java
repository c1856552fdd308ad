package dev.jprov.vault;

/** Vault data that is not a well-formed envelope or payload (Ansible's AnsibleVaultFormatError). */
public final class VaultFormatException extends RuntimeException {
    public VaultFormatException(String message) {
        super(message);
    }
}
