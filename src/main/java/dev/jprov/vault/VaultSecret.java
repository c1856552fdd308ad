package dev.jprov.vault;

import java.util.Arrays;

/** One vault password with its vault id ({@code --vault-id prod@file} gives id prod; no label is {@code default}). */
public record VaultSecret(String id, byte[] password) {
    public VaultSecret {
        password = password.clone();
    }

    @Override
    public byte[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultSecret s && s.id.equals(id) && Arrays.equals(s.password, password);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(password);
    }

    /** Never the password: a secret's string form may end up in a message. */
    @Override
    public String toString() {
        return "VaultSecret[" + id + "]";
    }
}
