package dev.jprov.run;

import dev.jprov.vault.PasswordPrompt;
import dev.jprov.vault.SecretMask;
import dev.jprov.vault.Vault;
import dev.jprov.vault.VaultOptions;
import dev.jprov.vault.VaultSecretLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes a run's {@link Vault} from the vault options and the environment ({@code ANSIBLE_VAULT_PASSWORD_FILE},
 * {@code ANSIBLE_VAULT_IDENTITY_LIST}, {@code ANSIBLE_VAULT_ID_MATCH}), printing Ansible's warnings for sources
 * that failed while another worked. A source that fails with no other working is a
 * {@link VaultSecretLoader.PasswordSourceException}.
 */
record VaultSetup(VaultRequest request, Map<String, String> env, Path workingDirectory, PasswordPrompt prompt) {

    static VaultSetup of(VaultRequest request, Path workingDirectory) {
        return new VaultSetup(request, System.getenv(), workingDirectory, PasswordPrompt.console());
    }

    Vault open(SecretMask mask, PrintStream err) {
        VaultOptions options = new VaultOptions(request.vaultIds(), request.passwordFiles(), request.askVaultPass());
        boolean idMustMatch = VaultOptions.idMustMatch(env);
        VaultSecretLoader.Loaded loaded = new VaultSecretLoader(prompt, workingDirectory, idMustMatch)
                .load(options, env);
        for (String w : loaded.warnings()) err.println("[WARNING]: " + w);
        return new Vault(loaded.secrets(), idMustMatch, mask);
    }
}
