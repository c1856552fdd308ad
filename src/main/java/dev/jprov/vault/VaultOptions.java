package dev.jprov.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ansible-playbook's vault options as given: {@code --vault-id [label@]source} (repeatable), {@code
 * --vault-password-file FILE} (repeatable), {@code --ask-vault-pass}, and the environment's
 * {@code ANSIBLE_VAULT_IDENTITY_LIST}, {@code ANSIBLE_VAULT_PASSWORD_FILE} and {@code ANSIBLE_VAULT_ID_MATCH}.
 */
public record VaultOptions(List<String> vaultIds, List<String> passwordFiles, boolean askVaultPass) {

    public VaultOptions {
        vaultIds = List.copyOf(vaultIds);
        passwordFiles = List.copyOf(passwordFiles);
    }

    public static final VaultOptions NONE = new VaultOptions(List.of(), List.of(), false);

    /** One source of a secret: its vault id and where the password comes from (a path, or prompt). */
    public record Source(String id, String source) {
        boolean prompts() {
            return source.equals("prompt") || source.equals("prompt_ask_vault_pass");
        }
    }

    /**
     * The sources in Ansible's order (CLI.build_vault_ids): the identity list from the environment, --vault-id,
     * then --vault-password-file and the environment's password file as {@code default@FILE}, then the prompt.
     */
    public List<Source> sources(Map<String, String> env) {
        List<String> slugs = new ArrayList<>();
        Optional.ofNullable(env.get("ANSIBLE_VAULT_IDENTITY_LIST")).ifPresent(list -> {
            for (String s : list.split(",")) if (!s.isBlank()) slugs.add(s.strip());
        });
        slugs.addAll(vaultIds);
        List<String> files = new ArrayList<>(passwordFiles);
        Optional.ofNullable(env.get("ANSIBLE_VAULT_PASSWORD_FILE")).filter(f -> !f.isBlank()).ifPresent(files::add);
        for (String f : files) slugs.add(VaultEnvelope.DEFAULT_ID + "@" + f);
        if (askVaultPass || truthy(env.get("ANSIBLE_ASK_VAULT_PASS"))) slugs.add(VaultEnvelope.DEFAULT_ID + "@prompt_ask_vault_pass");
        List<Source> out = new ArrayList<>();
        for (String slug : slugs) {
            int at = slug.indexOf('@');
            out.add(at < 0 ? new Source(VaultEnvelope.DEFAULT_ID, slug)
                    : new Source(slug.substring(0, at).isEmpty() ? VaultEnvelope.DEFAULT_ID : slug.substring(0, at),
                            slug.substring(at + 1)));
        }
        return out;
    }

    /** ANSIBLE_VAULT_ID_MATCH: only a secret whose id is the envelope's label may decrypt it. */
    public static boolean idMustMatch(Map<String, String> env) {
        return truthy(env.get("ANSIBLE_VAULT_ID_MATCH"));
    }

    /** Ansible's boolean settings from the environment. */
    private static boolean truthy(String v) {
        return v != null && List.of("1", "true", "yes", "on", "y", "t").contains(v.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
