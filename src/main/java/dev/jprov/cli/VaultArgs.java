package dev.jprov.cli;

import dev.jprov.run.VaultRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** ansible-playbook's vault options, shared by {@code jprov apply} and {@code jprov inventory}. */
final class VaultArgs {

    @Option(names = "--vault-id", paramLabel = "[ID@]SOURCE",
            description = "A vault password: ID@FILE, ID@SCRIPT or ID@prompt; repeatable, tried in order.")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "FILE",
            description = "A file holding the vault password, or a script printing it; repeatable "
                    + "(also ANSIBLE_VAULT_PASSWORD_FILE).")
    List<String> passwordFiles = new ArrayList<>();

    @Option(names = {"--ask-vault-pass", "--ask-vault-password"},
            description = "Ask for the vault password on the terminal.")
    boolean askVaultPass;

    /** ansible-playbook refuses the two together (they are one argparse exclusive group). */
    java.util.Optional<String> conflict() {
        return askVaultPass && !passwordFiles.isEmpty()
                ? java.util.Optional.of("argument --vault-password-file/--vault-pass-file: not allowed with argument "
                        + "--ask-vault-password/--ask-vault-pass")
                : java.util.Optional.empty();
    }

    VaultRequest request() {
        return new VaultRequest(vaultIds, passwordFiles, askVaultPass);
    }
}
