package dev.jprov.run;

import java.util.List;

/**
 * The vault options of {@code jprov apply} and {@code jprov inventory} as given, as ansible-playbook's:
 * {@code --vault-id [label@]source} (repeatable), {@code --vault-password-file FILE} (repeatable) and
 * {@code --ask-vault-pass}. The wiring reads the passwords (see {@link VaultSetup}).
 */
public record VaultRequest(List<String> vaultIds, List<String> passwordFiles, boolean askVaultPass) {
    public VaultRequest {
        vaultIds = List.copyOf(vaultIds);
        passwordFiles = List.copyOf(passwordFiles);
    }

    public static final VaultRequest NONE = new VaultRequest(List.of(), List.of(), false);
}
